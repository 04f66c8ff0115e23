// Builds answers from the document: the documented example of an error case (a refused transition's items as they
// stand where its example has them), the success example with the request echoed where the schema says so
// (`x-echoes-request-body`), or what a `Prefer` header asks Prism for. Where the document has no answer to give,
// the mock says so in an answer of its own (ownAnswer), never by throwing.
import { answerFor, isObject, type Contract, type Json, type Operation } from '../lib/contract.ts';
import { withEcho } from '../lib/echo.ts';
import type { ErrorCase } from '../lib/extensions.ts';
import { fieldErrorsProperty, type FieldError } from '../lib/field-errors.ts';
import { atPointer, setPointer } from '../lib/json.ts';
import type { RouteError } from '../lib/routing.ts';
import { effective, propertiesOf } from '../lib/schema-shape.ts';
import { operationKey, type Prism, type PreferOptions } from './prism.ts';
import type { JsonResponse, MockRequest } from './types.ts';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

export function createResponder(contract: Contract) {
  /** The documented answer for an error case: the operation's own example, else a route error's; none without. */
  function errorAnswer(errorCase: ErrorCase, operation?: Operation, fields?: FieldError[]): JsonResponse | undefined {
    const found = answerFor(contract, errorCase, operation);
    if (!found) return undefined;
    const body = structuredClone(found.example.value);
    const listed = fields && fieldErrorsProperty(contract, found.response.schema);
    if (listed && isObject(body)) body[listed] = fields.map((f) => ({ ...f }));
    return { status: Number(found.response.status), headers: { ...JSON_HEADERS }, body };
  }

  /** The documented answer of a failed check; a refused transition's items as they stand where its example has some. */
  function failureAnswer(
    operation: Operation,
    failure: { errorCase: ErrorCase; fields?: FieldError[]; standing?: Json },
  ): JsonResponse | undefined {
    const answer = errorAnswer(failure.errorCase, operation, failure.fields);
    const place = operation.resource?.action === 'transition' ? operation.resource.item : undefined;
    if (answer && failure.standing !== undefined && place !== undefined && atPointer(answer.body, place) !== undefined)
      answer.body = setPointer(answer.body, place, failure.standing);
    return answer;
  }

  /** The documented 404 or 405 (with `Allow`); HTTP's own status with a line saying what the document lacks. */
  function routeError(route: RouteError): JsonResponse {
    const missing = `the document has no example with x-error-case: ${route.errorCase} in x-route-errors`;
    const answer =
      errorAnswer(route.errorCase) ??
      (route.errorCase === 'route-not-found'
        ? ownAnswer(404, `No operation has this path (${missing})`)
        : ownAnswer(405, `This path has no operation with this method (${missing})`));
    if (route.errorCase === 'method-not-allowed') answer.headers.allow = route.allow.join(', ');
    return answer;
  }

  /** The success example with the request echoed; undefined when the operation documents none. */
  function success(operation: Operation, requestBody: Json | undefined): JsonResponse | undefined {
    const response = operation.success;
    const example = response?.examples[0];
    if (!response || !example) return undefined;
    const body = withEcho(contract, response.schema, structuredClone(example.value), requestBody ?? null);
    return { status: Number(response.status), headers: { ...JSON_HEADERS }, body };
  }

  const ownAnswer = (status: number, message: string) => ownAnswerOf(contract, status, message);
  const unavailable = (failure: string) => unavailableOf(contract, failure);
  const preferred = (prism: Prism, operation: Operation, request: MockRequest, prefer: PreferOptions) =>
    preferredAnswer(contract, { prism, operation, request, prefer });

  return { errorAnswer, failureAnswer, routeError, success, preferred, ownAnswer, unavailable };
}

export type Responder = ReturnType<typeof createResponder>;

/** What `Prefer: code=…, example=…, dynamic=true` asks for, answered by Prism's own response selection. */
async function preferredAnswer(
  contract: Contract,
  {
    prism,
    operation,
    request,
    prefer,
  }: { prism: Prism; operation: Operation; request: MockRequest; prefer: PreferOptions },
): Promise<JsonResponse> {
  const documented = operation.responses.map((r) => r.status);
  if (prefer.code !== undefined && !documented.includes(String(prefer.code)))
    return ownAnswerOf(
      contract,
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
  if ('refusal' in outcome) return ownAnswerOf(contract, 400, `Prefer: ${outcome.refusal}`);
  if ('failure' in outcome) return unavailableOf(contract, outcome.failure);
  return { status: outcome.value.status, headers: { ...JSON_HEADERS }, body: outcome.value.body };
}

/**
 * An answer of the mock's own, not the contract's (a bad Prefer, a body over what it reads, a full store, a
 * failure), in the envelope of the document's route errors (`{ message }` when it has none), the message cut to
 * the length its schema allows (a Prefer header can name an example of any length).
 */
function ownAnswerOf(contract: Contract, status: number, message: string): JsonResponse {
  const found = answerFor(contract, 'route-not-found');
  const schema = found?.response.schema;
  const property = schema && propertiesOf(contract, effective(contract, schema)).find(([name]) => name === 'message');
  const maxLength = property ? effective(contract, property[1]).schema.maxLength : undefined;
  const fitting = maxLength !== undefined && [...message].length > maxLength ? clipped(message, maxLength) : message;
  const envelope = found ? structuredClone(found.example.value) : {};
  return {
    status,
    headers: { ...JSON_HEADERS },
    body: isObject(envelope) ? { ...envelope, message: fitting } : envelope,
  };
}

/** Prism could not be asked (its thread failed, or is still loading past its deadline): no fault of the client's. */
function unavailableOf(contract: Contract, failure: string): JsonResponse {
  return ownAnswerOf(contract, 503, `Prefer cannot be answered now: ${failure}`);
}

/** The first `max` characters (code points, as JSON Schema counts), the last one an ellipsis. */
function clipped(text: string, max: number): string {
  return `${[...text].slice(0, Math.max(0, max - 1)).join('')}…`;
}

function statusOfExample(operation: Operation, exampleKey: string): number | undefined {
  const response = operation.responses.find((r) => r.examples.some((ex) => ex.name === exampleKey));
  return response ? Number(response.status) : undefined;
}
