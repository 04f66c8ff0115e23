// The checks, each one small named function with one responsibility, listed in one registry. A check looks at
// one exchange and says what it expected and what it got; it returns nothing when it does not apply.
import { isDeepStrictEqual } from 'node:util';
import { isObject, type Contract, type Json, type JsonObject } from '../lib/contract.ts';
import { echoOf, echoPaths, valueAt } from '../lib/echo.ts';
import type { SchemaValidator } from '../lib/schema-validator.ts';
import type { Case } from './case.ts';

export interface Exchange {
  status?: number;
  headers: Record<string, string>;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json?: Json;
  ms: number;
  /** Why no answer came (timeout, refused connection). */
  failure?: string;
}

export interface CheckContext {
  contract: Contract;
  validator: SchemaValidator;
  timeoutMs: number;
}

export interface Finding {
  passed: boolean;
  expected: string;
  actual: string;
}

export type Check = (testCase: Case, exchange: Exchange, context: CheckContext) => Finding | undefined;

const show = (value: unknown) => (value === undefined ? '(nothing)' : JSON.stringify(value));
const finding = (passed: boolean, expected: string, actual: string): Finding => ({ passed, expected, actual });

export const answered: Check = (_c, exchange, { timeoutMs }) =>
  finding(
    exchange.failure === undefined,
    `an answer within ${timeoutMs} ms`,
    exchange.failure ?? `answered in ${exchange.ms} ms`,
  );

export const noServerError: Check = (_c, exchange) =>
  exchange.status === undefined
    ? undefined
    : finding(exchange.status < 500, 'no 5xx status', `status ${exchange.status}`);

export const statusAsDocumented: Check = (testCase, exchange) =>
  exchange.status === undefined
    ? undefined
    : finding(
        exchange.status === testCase.expect.status,
        `status ${testCase.expect.status}`,
        `status ${exchange.status}`,
      );

export const contentTypeIsJson: Check = (_c, exchange) => {
  if (exchange.status === undefined) return undefined;
  const type = exchange.headers['content-type'] ?? '';
  return finding(
    /^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type),
    'Content-Type: application/json',
    type ? `Content-Type: ${type}` : 'no Content-Type',
  );
};

export const bodyMatchesSchema: Check = (testCase, exchange, { validator }) => {
  if (exchange.status === undefined || !testCase.expect.schema) return undefined;
  if (exchange.json === undefined)
    return finding(
      false,
      'a JSON body valid against the documented schema',
      `not JSON: ${exchange.text.slice(0, 200)}`,
    );
  const problems = validator.problems(testCase.expect.schema, exchange.json);
  const described = problems.map(
    (p) =>
      `${p.instancePath || '(body)'} ${p.message}${p.params && 'additionalProperty' in p.params ? ` (${String(p.params.additionalProperty)})` : ''}`,
  );
  return finding(
    problems.length === 0,
    'a body valid against the documented schema',
    problems.length ? described.join('; ') : 'valid',
  );
};

/** Error answers must carry the documented message and code, not just any error. */
export const errorAsDocumented: Check = (testCase, exchange) => {
  const example = testCase.expect.example;
  if (!isObject(example) || exchange.status === undefined) return undefined;
  const expected = Object.fromEntries(
    Object.entries(example).filter(([key]) => typeof example[key] !== 'object' || example[key] === null),
  );
  const actual = isObject(exchange.json)
    ? Object.fromEntries(Object.keys(expected).map((key) => [key, (exchange.json as JsonObject)[key]]))
    : exchange.json;
  return finding(isDeepStrictEqual(expected, actual), show(expected), show(actual));
};

/** Each offending field once, and no other. */
export const fieldErrorsNameTheFields: Check = (testCase, exchange) => {
  const fields = testCase.expect.fields;
  if (!fields || exchange.status === undefined) return undefined;
  const listed =
    isObject(exchange.json) && Array.isArray(exchange.json.errors)
      ? exchange.json.errors.map((e) => (isObject(e) ? e.field : undefined)).sort()
      : undefined;
  return finding(
    isDeepStrictEqual(listed, [...fields].sort()),
    `errors naming ${show(fields)}`,
    listed ? `errors naming ${show(listed)}` : 'no errors list',
  );
};

/** Objects the schema marks `x-echoes-request-body` must repeat the documented fields that were sent. */
export const successEchoesRequest: Check = (testCase, exchange, { contract }) => {
  const sent = testCase.expect.echoOf;
  if (!sent || !testCase.expect.schema || exchange.status === undefined || exchange.json === undefined)
    return undefined;
  const places = echoPaths(contract, testCase.expect.schema);
  if (places.length === 0) return undefined;
  const wrong = places
    .map(({ path, schema }) => ({ expected: echoOf(contract, schema, sent), actual: valueAt(exchange.json!, path) }))
    .find(({ expected, actual }) => !isDeepStrictEqual(expected, actual));
  return finding(!wrong, wrong ? show(wrong.expected) : 'the request echoed', wrong ? show(wrong.actual) : 'echoed');
};

export const allowListsMethods: Check = (testCase, exchange) => {
  const allow = testCase.expect.allow;
  if (!allow || exchange.status === undefined) return undefined;
  const listed = (exchange.headers.allow ?? '')
    .split(',')
    .map((m) => m.trim().toUpperCase())
    .filter(Boolean)
    .sort();
  return finding(
    isDeepStrictEqual(listed, [...allow].sort()),
    `Allow: ${allow.join(', ')}`,
    exchange.headers.allow ? `Allow: ${exchange.headers.allow}` : 'no Allow header',
  );
};

/** The registry: the order is the order of the report. */
export const CHECKS: Record<string, Check> = {
  answered,
  no_server_error: noServerError,
  status_as_documented: statusAsDocumented,
  content_type_is_json: contentTypeIsJson,
  body_matches_schema: bodyMatchesSchema,
  error_as_documented: errorAsDocumented,
  field_errors_name_the_fields: fieldErrorsNameTheFields,
  success_echoes_request: successEchoesRequest,
  allow_lists_methods: allowListsMethods,
};
