// Checks called directly on made-up answers: one finding per fault, said once.
import { describe, expect, it } from 'vitest';
import { isObject, loadContract } from '../../lib/contract.ts';
import { buildCatalogue } from '../engine/catalogue.ts';
import { readingOf } from '../engine/reading.ts';
import { CHECKS, type Exchange } from './checks.ts';

const contract = loadContract();
const reading = readingOf(contract);
const { validator } = reading;
const { cases } = buildCatalogue(reading, { uniquePrefix: 'checks' });
const refused = cases.find((c) => c.expect.status === 401 && c.expect.schema?.schema.oneOf && !c.prelude)!;

function failed(exchange: Exchange) {
  const context = { contract, validator, timeoutMs: 1000, testCase: refused };
  return Object.entries(CHECKS)
    .map(([name, check]) => ({ name, result: check(refused.expect, exchange, context) }))
    .filter(({ result }) => result && !result.passed)
    .map(({ name, result }) => ({ name, actual: result!.actual }));
}

const answer = (json: object): Exchange => ({
  status: 401,
  headers: { 'content-type': 'application/json' },
  text: JSON.stringify(json),
  json: json as Exchange['json'],
  ms: 1,
});

describe('bodyMatchesSchema against a oneOf', () => {
  it('names each fault once, from the branch the body comes closest to', () => {
    const example = refused.expect.example;
    const body = { ...(isObject(example) ? example : {}), extra: 1 };
    const schema = failed(answer(body)).find((f) => f.name === 'bodyMatchesSchema')!;
    expect(schema.actual).toMatch(
      /^\(body\) must NOT have additional properties \(extra\) \(against #\/.+, the closest branch\)$/,
    );
  });
});

describe('an answer over the limits', () => {
  it('is one finding of answerWithinLimits, and no check reads the body', () => {
    const over: Exchange = {
      status: 401,
      headers: {},
      text: '',
      ms: 1,
      overLimit: 'JSON nested deeper than 64 levels',
    };
    expect(failed(over)).toEqual([
      { name: 'answerWithinLimits', actual: 'JSON nested deeper than 64 levels' },
      { name: 'contentTypeIsJson', actual: 'no Content-Type' },
    ]);
  });
});

describe('allowListsMethods', () => {
  const wrongMethod = cases.find((c) => c.expect.allow)!;
  const allowed = (allow: string | undefined) => {
    const exchange: Exchange = { status: 405, headers: allow === undefined ? {} : { allow }, text: '', ms: 1 };
    const context = { contract, validator, timeoutMs: 1000, testCase: wrongMethod };
    return CHECKS.allowListsMethods(wrongMethod.expect, exchange, context)?.passed;
  };
  const own = wrongMethod.expect.allow!;

  it('takes the path’s own methods, in any order and case, with HEAD beside GET and OPTIONS', () => {
    expect(allowed(own.join(', '))).toBe(true);
    expect(allowed([...own].reverse().join(',').toLowerCase())).toBe(true);
    expect(allowed([...own, 'OPTIONS'].join(', '))).toBe(true);
  });

  it('refuses a method the path does not have, one left out, and no Allow at all', () => {
    const other = ['GET', 'PUT', 'DELETE'].find((m) => !own.includes(m))!;
    expect(allowed([...own, other].join(', '))).toBe(false);
    expect(allowed(own.slice(1).join(', ') || 'OPTIONS')).toBe(false);
    expect(allowed(undefined)).toBe(false);
  });
});
