// What every check is made of: the exchange it judges, the context it reads, the finding it gives, and the guards
// that keep a check from judging what it cannot (no answer, a body past the suite's limits).
import type { Contract, Json } from '../../lib/contract.ts';
import type { SchemaValidator } from '../../lib/schema-validator.ts';
import type { Case, Expectation } from '../engine/case.ts';
import type { Finding } from '../engine/result.ts';

export interface Exchange {
  status?: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json?: Json;
  ms: number;
  /** Why no answer came (timeout, refused connection, cut short, not HTTP). */
  failure?: string;
  /** Why the body was not graded: over the byte cap (then `text` is empty), or JSON too deep or too large. */
  overLimit?: string;
}

export type Answered = Exchange & { status: number };

export interface CheckContext {
  contract: Contract;
  validator: SchemaValidator;
  timeoutMs: number;
  testCase: Case;
  /** The answers to the case's prelude steps, in order, for cases that build on them. */
  earlier?: Json[];
}

export type Check = (expect: Expectation, exchange: Exchange, context: CheckContext) => Finding | undefined;

export const show = (value: unknown) => (value === undefined ? '(nothing)' : JSON.stringify(value));
export const finding = (passed: boolean, expected: string, actual: string, fix: string): Finding => ({
  passed,
  expected,
  actual,
  fix,
});

/** A check that only means something once the server answered. */
export function whenAnswered(
  check: (expect: Expectation, exchange: Answered, context: CheckContext) => Finding | undefined,
): Check {
  return (expect, exchange, context) =>
    exchange.status === undefined ? undefined : check(expect, { ...exchange, status: exchange.status }, context);
}

/** A check of the body, which means nothing when the body was not read within the suite's limits. */
export function whenBodyRead(
  check: (expect: Expectation, exchange: Answered, context: CheckContext) => Finding | undefined,
): Check {
  return whenAnswered((expect, exchange, context) =>
    exchange.overLimit === undefined ? check(expect, exchange, context) : undefined,
  );
}
