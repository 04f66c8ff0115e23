// The checks: each one small named function with one job, registered under its own name. A check looks at one
// answer against what the document promises, and says what it expected, what came, and what to fix; it gives
// nothing when it does not apply. Every check but `answered` needs an answer, and every check of the body needs
// one read within the suite's limits; `whenAnswered` and `whenBodyRead` say so once. Findings hold whole texts:
// the runner blanks secrets first and only then cuts them to length.
import { isDeepStrictEqual } from 'node:util';
import { isObject } from '../../lib/contract.ts';
import { echoOf, echoPlaces, valueAt } from '../../lib/echo.ts';
import { fieldErrorsProperty } from '../../lib/field-errors.ts';
import { branchesOf } from '../../lib/schema-shape.ts';
import type { Expectation } from '../engine/case.ts';
import type { Finding } from '../engine/result.ts';
import {
  finding,
  show,
  whenAnswered,
  whenBodyRead,
  type Answered,
  type Check,
  type CheckContext,
  type Exchange,
} from './check-kit.ts';
import { includesEarlier, itemsAsLeft, listAsLeft, parametersEchoed, sameAsEarlier } from './state-checks.ts';

export type { Answered, Check, CheckContext, Exchange } from './check-kit.ts';

export function answered(_expect: Expectation, exchange: Exchange, { timeoutMs }: CheckContext): Finding {
  return finding(
    exchange.failure === undefined,
    `an answer within ${timeoutMs} ms`,
    exchange.failure ?? `answered in ${exchange.ms} ms`,
    'Answer every request, within the time limit and the size limits of the suite.',
  );
}

/** The suite reads at most a MiB of body and parses only JSON of a sane shape; beyond that, nothing is graded. */
function answerWithinLimits(_expect: Expectation, exchange: Answered): Finding {
  return finding(
    exchange.overLimit === undefined,
    'a body within the limits of the suite (1 MiB after decompression; JSON at most 64 deep and 100,000 values)',
    exchange.overLimit ?? 'within the limits',
    'Answer with the small JSON body the document describes.',
  );
}

function noServerError(_expect: Expectation, exchange: Answered): Finding {
  return finding(
    exchange.status < 500,
    'no 5xx status',
    `status ${exchange.status}`,
    'Find why the server failed: a 5xx is never a documented answer to a request of this suite.',
  );
}

function statusAsDocumented(expect: Expectation, exchange: Answered, { testCase }: CheckContext): Finding {
  return finding(
    exchange.status === expect.status,
    `status ${expect.status}`,
    `status ${exchange.status}`,
    `Answer this request with status ${expect.status}, as ${testCase.rule} documents.`,
  );
}

function contentTypeIsJson(_expect: Expectation, exchange: Answered): Finding {
  const type = exchange.headers['content-type'] ?? '';
  return finding(
    /^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type),
    'Content-Type: application/json',
    type ? `Content-Type: ${type}` : 'no Content-Type',
    'Send every answer as Content-Type: application/json.',
  );
}

function bodyMatchesSchema(
  expect: Expectation,
  exchange: Answered,
  { contract, validator }: CheckContext,
): Finding | undefined {
  if (!expect.schema) return undefined;
  const fix = `Send a body valid against ${expect.schema.pointer}.`;
  if (exchange.json === undefined)
    return finding(false, 'a JSON body valid against the documented schema', `not JSON: ${exchange.text}`, fix);
  const problems = validator.problems(expect.schema, exchange.json);
  if (problems.length === 0) return finding(true, 'a body valid against the documented schema', 'valid', fix);
  // Against a oneOf, ajv lists every branch's problems and then that none matched: the same fault twice, and faults
  // of branches the server never meant. The branch the body comes closest to says what is wrong with it.
  const closest = branchesOf(contract, expect.schema)
    ?.branches.map(({ node }) => ({ node, problems: validator.problems(node, exchange.json) }))
    .sort((a, b) => a.problems.length - b.problems.length)[0];
  const shown = closest?.problems.length ? closest.problems : problems;
  const described = [
    ...new Set(
      shown.map(
        (p) =>
          `${p.instancePath || '(body)'} ${p.message}${'additionalProperty' in p.params ? ` (${String(p.params.additionalProperty)})` : ''}`,
      ),
    ),
  ].join('; ');
  return finding(
    false,
    'a body valid against the documented schema',
    closest?.problems.length ? `${described} (against ${closest.node.pointer}, the closest branch)` : described,
    fix,
  );
}

/** Error answers carry the documented message and code (the scalar members of the example), not just any error. */
function errorAsDocumented(expect: Expectation, exchange: Answered): Finding | undefined {
  const example = expect.example;
  if (!isObject(example)) return undefined;
  const expected = Object.fromEntries(
    Object.entries(example).filter(([, value]) => typeof value !== 'object' || value === null),
  );
  const json = exchange.json;
  const actual = isObject(json) ? Object.fromEntries(Object.keys(expected).map((key) => [key, json[key]])) : json;
  return finding(
    isDeepStrictEqual(expected, actual),
    show(expected),
    show(actual),
    `Answer with the documented body: ${show(expected)} (the ${expect.errorCase} example).`,
  );
}

/** Each offending field once, and no other. */
function fieldErrorsNameTheFields(
  expect: Expectation,
  exchange: Answered,
  { contract }: CheckContext,
): Finding | undefined {
  const fields = expect.fields;
  if (!fields) return undefined;
  const json = exchange.json;
  const property = fieldErrorsProperty(contract, expect.schema) ?? 'errors';
  const list = isObject(json) ? json[property] : undefined;
  const listed = Array.isArray(list) ? list.map((e) => (isObject(e) ? e.field : undefined)).sort() : undefined;
  const fix = `List each offending field once, named as the contract names fields (${fields.map((f) => show(f)).join(', ')}).`;
  return finding(
    isDeepStrictEqual(listed, [...fields].sort()),
    `errors naming ${show(fields)}`,
    listed ? `errors naming ${show(listed)}` : 'no errors list',
    fix,
  );
}

/** Objects the schema marks `x-echoes-request-body` repeat the documented fields that were sent, nothing else. */
function successEchoesRequest(
  expect: Expectation,
  exchange: Answered,
  { contract }: CheckContext,
): Finding | undefined {
  const sent = expect.echoOf;
  if (!sent || !expect.schema || exchange.json === undefined) return undefined;
  const wrong = echoPlaces(contract, expect.schema)
    .map(({ path, node }) => ({
      path,
      expected: echoOf(contract, node, sent),
      actual: valueAt(exchange.json!, path),
    }))
    .find(({ expected, actual }) => !isDeepStrictEqual(expected, actual));
  const fix = wrong
    ? `Repeat at /${wrong.path.join('/')} exactly the documented fields that were sent, as they were sent.`
    : '';
  return finding(
    !wrong,
    wrong ? show(wrong.expected) : 'the request echoed',
    wrong ? show(wrong.actual) : 'echoed',
    fix,
  );
}

/** `Allow` lists the path's documented methods; HEAD may be added where GET is one. */
function allowListsMethods(expect: Expectation, exchange: Answered): Finding | undefined {
  const allow = expect.allow;
  if (!allow) return undefined;
  const listed = (exchange.headers.allow ?? '')
    .split(',')
    .map((m) => m.trim().toUpperCase())
    .filter(Boolean);
  const extra = listed.filter((m) => !allow.includes(m) && !(m === 'HEAD' && allow.includes('GET')) && m !== 'OPTIONS');
  const missing = allow.filter((m) => !listed.includes(m));
  return finding(
    extra.length === 0 && missing.length === 0,
    `Allow: ${allow.join(', ')}`,
    exchange.headers.allow ? `Allow: ${exchange.headers.allow}` : 'no Allow header',
    `Send Allow: ${allow.join(', ')}.`,
  );
}

/**
 * The registry, in report order, each check under its name. The name is written here, as data: a function's own
 * name is not kept by a minifier, and the packaged CLI is minified.
 */
export const CHECKS = {
  answered,
  noServerError: whenAnswered(noServerError),
  statusAsDocumented: whenAnswered(statusAsDocumented),
  answerWithinLimits: whenAnswered(answerWithinLimits),
  contentTypeIsJson: whenAnswered(contentTypeIsJson),
  bodyMatchesSchema: whenBodyRead(bodyMatchesSchema),
  errorAsDocumented: whenBodyRead(errorAsDocumented),
  fieldErrorsNameTheFields: whenBodyRead(fieldErrorsNameTheFields),
  successEchoesRequest: whenBodyRead(successEchoesRequest),
  allowListsMethods: whenAnswered(allowListsMethods),
  sameAsEarlier: whenBodyRead(sameAsEarlier),
  includesEarlier: whenBodyRead(includesEarlier),
  itemsAsLeft: whenBodyRead(itemsAsLeft),
  listAsLeft: whenBodyRead(listAsLeft),
  parametersEchoed: whenBodyRead(parametersEchoed),
} satisfies Record<string, Check>;

export type CheckName = keyof typeof CHECKS;

/** Checks whose failure makes the rest of a case's findings consequences of it. */
export const ROOT_CAUSES: ReadonlySet<CheckName> = new Set([
  'answered',
  'noServerError',
  'statusAsDocumented',
  'answerWithinLimits',
]);
