// Builds answers from the document: the documented example of an error case, the success example with the
// request echoed where the schema says so (`x-echoes-request-body`), or what a `Prefer` header asks Prism for.
import type { IHttpOperation } from '@stoplight/types';
import {
  exampleForCase,
  isObject,
  successResponse,
  type Contract,
  type DocumentedResponse,
  type Json,
  type JsonObject,
  type Operation,
} from '../lib/contract.ts';
import { echoOf, echoPaths, valueAt } from '../lib/echo.ts';
import type { FieldError } from './validator.ts';
import type { MockRequest, MockResponse } from './types.ts';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

export function createResponder(contract: Contract) {
  const allResponses = [...contract.operations.flatMap((op) => op.responses), ...contract.routeErrors];
  // Prism's mocker loads slowly and only `Prefer` needs it: made on first use, so the mock starts fast.
  let prism: Promise<{ request: PrismRequest }> | undefined;
  const prismInstance = () =>
    (prism ??= Promise.all([import('@stoplight/prism-http'), import('@stoplight/prism-core')]).then(
      ([http, core]) =>
        http.createInstance(prismConfig({}), { logger: core.createLogger('mock', { level: 'silent' }) }) as unknown as {
          request: PrismRequest;
        },
    ));

  /** The documented answer for an error case: the operation's own, else the same case elsewhere in the document. */
  function errorAnswer(errorCase: string, operation?: Operation, fields?: FieldError[]): MockResponse {
    const found =
      (operation && exampleForCase(operation.responses, errorCase)) ?? exampleForCase(allResponses, errorCase);
    if (!found) throw new Error(`the document has no example with x-error-case: ${errorCase}`);
    const body = structuredClone(found.example.value);
    if (fields) fillFieldErrors(contract, found.response.schema, body, fields);
    return { status: Number(found.response.status), headers: { ...JSON_HEADERS }, body };
  }

  function success(operation: Operation, requestBody: Json | undefined): MockResponse {
    const response = successResponse(operation);
    if (!response?.examples[0]) throw new Error(`${operation.method} ${operation.path} documents no success example`);
    const body = echoRequest(contract, response.schema, structuredClone(response.examples[0].value), requestBody);
    return { status: Number(response.status), headers: { ...JSON_HEADERS }, body };
  }

  /** What `Prefer: code=…, example=…, dynamic=true` asks for, answered by Prism's own response selection. */
  async function preferred(
    operation: IHttpOperation,
    documented: Operation,
    request: MockRequest,
    prefer: PreferOptions,
  ): Promise<MockResponse> {
    const code =
      prefer.code ?? (prefer.exampleKey ? statusOfExample(documented.responses, prefer.exampleKey) : undefined);
    const config = prismConfig({ ...prefer, ...(code ? { code } : {}) });
    const input = {
      method: operation.method,
      url: { path: request.path, query: request.query },
      headers: {},
      body: undefined,
    };
    const result = await (await prismInstance()).request(input, [operation], config)();
    if (result._tag === 'Left') {
      const problem = result.left as { status?: number; detail?: string; message?: string };
      return mockFeatureError(problem.status ?? 400, `Prefer: ${problem.detail || problem.message}`);
    }
    const output = result.right.output;
    return { status: output.statusCode, headers: { ...JSON_HEADERS }, body: output.body as Json };
  }

  /** Answers about the mock's own features (Prefer), in the envelope of the document's route errors. */
  function mockFeatureError(status: number, message: string): MockResponse {
    const envelope = errorAnswer('route-not-found');
    return { ...envelope, status, body: { ...(envelope.body as JsonObject), message } };
  }

  return { errorAnswer, success, preferred, mockFeatureError };
}

type PrismRequest = (
  input: unknown,
  operations: IHttpOperation[],
  config: ReturnType<typeof prismConfig>,
) => () => Promise<
  { _tag: 'Left'; left: unknown } | { _tag: 'Right'; right: { output: { statusCode: number; body: unknown } } }
>;

export interface PreferOptions {
  code?: number;
  exampleKey?: string;
  dynamic?: boolean;
}

function prismConfig(mock: PreferOptions) {
  // A fresh object each call: Prism writes negotiated media types into the config it is given.
  return {
    isProxy: false as const,
    mock: { dynamic: false, ...mock },
    validateRequest: false,
    validateResponse: false,
    checkSecurity: false,
    errors: false,
    upstreamProxy: undefined,
  };
}

function statusOfExample(responses: DocumentedResponse[], exampleKey: string): number | undefined {
  const response = responses.find((r) => r.examples.some((ex) => ex.name === exampleKey));
  return response ? Number(response.status) : undefined;
}

/** Replaces each object the schema marks `x-echoes-request-body` with the echo of the request. */
function echoRequest(
  contract: Contract,
  schemaRef: JsonObject | undefined,
  value: Json,
  requestBody: Json | undefined,
): Json {
  if (!schemaRef || !isObject(requestBody)) return value;
  for (const { path, schema } of echoPaths(contract, schemaRef)) {
    const echoed = echoOf(contract, schema, requestBody);
    if (path.length === 0) return echoed;
    const parent = valueAt(value, path.slice(0, -1));
    if (isObject(parent)) parent[path.at(-1)!] = echoed;
  }
  return value;
}

/** Puts the validation result into the array property the schema marks `x-field-errors`. */
function fillFieldErrors(
  contract: Contract,
  schemaRef: JsonObject | undefined,
  body: Json,
  fields: FieldError[],
): void {
  if (!schemaRef || !isObject(body)) return;
  const properties = (contract.resolve(schemaRef).properties as JsonObject | undefined) ?? {};
  for (const [name, propertySchema] of Object.entries(properties)) {
    if (contract.resolve(propertySchema as JsonObject)['x-field-errors'] === true)
      body[name] = fields as unknown as Json;
  }
}
