// Builds answers from the document: the documented example of an error case, the success example with the
// request echoed where the schema says so (`x-echoes-request-body`), or what a `Prefer` header asks Prism for.
import { answerFor, isObject, type Contract, type Json, type Operation } from '../lib/contract.ts';
import { withEcho } from '../lib/echo.ts';
import type { ErrorCase } from '../lib/extensions.ts';
import { fieldErrorsProperty, type FieldError } from '../lib/field-errors.ts';
import { effective, propertiesOf } from '../lib/schema-shape.ts';
import { operationKey, type Prism, type PreferOptions } from './prism.ts';
import type { MockRequest, MockResponse } from './types.ts';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

export function createResponder(contract: Contract) {
  /** The documented answer for an error case: the operation's own example, else a route error's. */
  function errorAnswer(errorCase: ErrorCase, operation?: Operation, fields?: FieldError[]): MockResponse {
    const found = answerFor(contract, errorCase, operation);
    if (!found) throw new Error(`the document has no example with x-error-case: ${errorCase}`);
    const body = structuredClone(found.example.value);
    const listed = fields && fieldErrorsProperty(contract, found.response.schema);
    if (listed && isObject(body)) body[listed] = fields.map((f) => ({ ...f }));
    return { status: Number(found.response.status), headers: { ...JSON_HEADERS }, body };
  }

  function success(operation: Operation, requestBody: Json | undefined): MockResponse {
    const response = operation.success;
    const example = response?.examples[0];
    if (!response || !example) throw new Error(`${operation.method} ${operation.path} documents no success example`);
    const body = withEcho(contract, response.schema, structuredClone(example.value), requestBody ?? null);
    return { status: Number(response.status), headers: { ...JSON_HEADERS }, body };
  }

  /** What `Prefer: code=…, example=…, dynamic=true` asks for, answered by Prism's own response selection. */
  async function preferred(
    prism: Prism,
    operation: Operation,
    request: MockRequest,
    prefer: PreferOptions,
  ): Promise<MockResponse> {
    const documented = operation.responses.map((r) => r.status);
    if (prefer.code !== undefined && !documented.includes(String(prefer.code)))
      return mockFeatureError(
        400,
        `Prefer: code=${prefer.code} is not documented for ${operation.operationId}; its documented statuses are ${documented.join(', ')}`,
      );
    const code = prefer.code ?? (prefer.exampleKey ? statusOfExample(operation, prefer.exampleKey) : undefined);
    const outcome = await prism.answer(operationKey(operation.method, operation.path), request, {
      ...prefer,
      ...(code ? { code } : {}),
    });
    // Whatever Prism's reason, it is the Prefer header that asks for what the document does not have: a 400, never
    // the 404 Prism gives, which reads as "no such path".
    if ('refusal' in outcome) return mockFeatureError(400, `Prefer: ${outcome.refusal}`);
    return { status: outcome.value.status, headers: { ...JSON_HEADERS }, body: outcome.value.body };
  }

  /**
   * Answers about the mock's own features (Prefer), in the envelope of the document's route errors, the message cut
   * to the length its schema allows (a Prefer header can name an example of any length).
   */
  function mockFeatureError(status: number, message: string): MockResponse {
    const envelope = errorAnswer('route-not-found');
    const schema = answerFor(contract, 'route-not-found')?.response.schema;
    const property = schema && propertiesOf(contract, effective(contract, schema)).find(([name]) => name === 'message');
    const maxLength = property ? effective(contract, property[1]).schema.maxLength : undefined;
    const fitting = maxLength !== undefined && [...message].length > maxLength ? clipped(message, maxLength) : message;
    return {
      ...envelope,
      status,
      body: isObject(envelope.body) ? { ...envelope.body, message: fitting } : envelope.body,
    };
  }

  return { errorAnswer, success, preferred, mockFeatureError };
}

export type Responder = ReturnType<typeof createResponder>;

/** The first `max` characters (code points, as JSON Schema counts), the last one an ellipsis. */
function clipped(text: string, max: number): string {
  return `${[...text].slice(0, Math.max(0, max - 1)).join('')}…`;
}

function statusOfExample(operation: Operation, exampleKey: string): number | undefined {
  const response = operation.responses.find((r) => r.examples.some((ex) => ex.name === exampleKey));
  return response ? Number(response.status) : undefined;
}
