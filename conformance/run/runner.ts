// Sends each case to the server under test and grades the answer with every check of the registry. A case's
// prelude (stateful cases) is sent first; its last answer feeds the placeholders and checks that build on it.
// Every answer is read within limits (conformance/http/): whatever the server sends, a case ends as a result, and
// what a result holds is free of secrets and short.
import type { Json } from '../../lib/contract.ts';
import fc from 'fast-check';
import type { Case, CaseRequest, Drawn, Expectation } from '../engine/case.ts';
import type { CaseResult, CheckResult } from '../engine/result.ts';
import { CHECKS, ROOT_CAUSES, type CheckName, type Exchange } from './checks.ts';
import { answerLimits, ANSWER_LIMITS, unjudgedNote, type AnswerLimits } from './answer-limits.ts';
import { DEFAULT_JSON_LIMITS, parseBoundedJson } from './http/parse-json.ts';
import { bodyText, exchange as boundedExchange, isAnswer, truncationNote } from './http/read-response.ts';
import { fill, secretWrittenIn, type Filled } from '../engine/placeholders.ts';
import type { ContractReading } from '../engine/reading.ts';
import { excerpt } from './secrets.ts';
import type { Target } from './target.ts';

/** Characters of one expected or actual value that a result keeps: enough to see what is wrong. */
export const SHOWN_CHARS = 1000;

export interface RunOptions {
  concurrency: number;
  /** Requests drawn per generated case (0: generated cases are not run). */
  generatedRuns: number;
  /** The seed generated cases draw from; each case derives its own from it and its id. */
  seed: number;
}

export type Sender = (
  target: Target,
  operationId: string,
  request: CaseRequest,
  earlier?: Json,
  limits?: AnswerLimits,
) => Promise<Exchange | { inapplicable: string }>;

/** Fills the request's placeholders and sends it; never throws. */
export const send: Sender = async (target, operationId, request, earlier, limits = ANSWER_LIMITS) => {
  const path = fill(request.path, target.secrets, earlier, encodeURIComponent);
  const headers = Object.entries(request.headers).map(
    ([name, value]) => [name, fill(value, target.secrets, earlier, (v) => v)] as const,
  );
  const body =
    request.body === undefined
      ? undefined
      : padded(fill(request.body, target.secrets, earlier, jsonEscaped), request.padTo);
  const inapplicable =
    [path, ...headers.map(([, h]) => h), ...(body ? [body] : [])].find((f) => f.inapplicable)?.inapplicable ??
    (request.body === undefined ? undefined : secretWrittenIn(request.body, target.secrets));
  if (inapplicable) return { inapplicable };
  const base = target.baseUrlFor(operationId).replace(/\/+$/, '');
  const outcome = await boundedExchange(
    `${base}${path.text}`,
    {
      method: request.method,
      headers: Object.fromEntries(headers.map(([name, value]) => [name, value.text])),
      ...(body ? { body: body.text } : {}),
    },
    { maxBodyBytes: limits.maxBodyBytes, timeoutMs: target.timeoutMs },
  );
  if (!isAnswer(outcome)) return { headers: {}, text: '', ms: outcome.ms, failure: outcome.failure };
  const answered = { status: outcome.status, headers: outcome.headers, ms: outcome.ms };
  const truncated = truncationNote(outcome);
  // A cut body is not graded, so it is not kept either: a MiB per answer adds up over hundreds of cases.
  if (truncated) return { ...answered, text: '', overLimit: truncated };
  const text = bodyText(outcome);
  const parsed = parseBoundedJson(text, { maxDepth: DEFAULT_JSON_LIMITS.maxDepth, maxNodes: limits.maxNodes });
  if (parsed.ok) return { ...answered, text, json: parsed.value as Json };
  // Not JSON is for the checks to judge; JSON of a shape past the limits is never handed to them.
  return /^not JSON/.test(parsed.reason) ? { ...answered, text } : { ...answered, text, overLimit: parsed.reason };
};

/** The findings of every check for one answer, against the expectation its status picks. */
export function grade(
  testCase: Case,
  exchange: Exchange,
  target: Target,
  context: ContractReading,
  earlier: Json[] = [],
): CheckResult[] {
  const expect = chosen(testCase.expect, exchange.status);
  const checkContext = { ...context, timeoutMs: target.timeoutMs, testCase, earlier };
  const failures: CheckResult[] = [];
  // Graded on the raw answer; what a result keeps has its secrets blanked first, and is cut only then.
  const shown = (text: string) => excerpt(text, SHOWN_CHARS, target.redact);
  for (const [name, check] of Object.entries(CHECKS)) {
    const result = check(expect, exchange, checkContext);
    if (result && !result.passed)
      failures.push({
        check: name,
        explainsTheRest: ROOT_CAUSES.has(name as CheckName),
        passed: false,
        expected: shown(result.expected),
        actual: shown(result.actual),
        fix: shown(result.fix),
      });
  }
  return failures;
}

export async function runCase(
  testCase: Case,
  target: Target,
  context: ContractReading,
  options: Pick<RunOptions, 'generatedRuns' | 'seed'> = { generatedRuns: 0, seed: 0 },
  sender: Sender = send,
): Promise<CaseResult> {
  if (testCase.property) return runProperty(testCase, target, context, options, sender);
  const earlier: Json[] = [];
  let ms = 0;
  /** Sends one request within its operation's limits; an unbounded list over them leaves the case unjudged. */
  const sendWithin = async (operationId: string, request: CaseRequest) => {
    const limits = answerLimits(context.contract, operationId);
    const exchange = await sender(target, operationId, request, earlier.at(-1), limits);
    return 'overLimit' in exchange && exchange.overLimit !== undefined && limits.unbounded
      ? { inapplicable: unjudgedNote(operationId, exchange.overLimit, limits) }
      : exchange;
  };
  for (const [index, step] of (testCase.prelude ?? []).entries()) {
    const exchange = await sendWithin(step.operationId, step.request);
    if ('inapplicable' in exchange)
      return { testCase, outcome: 'inapplicable', passed: true, ms, failures: [], note: exchange.inapplicable };
    ms += exchange.ms;
    const stepCase = { ...testCase, request: step.request, expect: step.expect };
    const failures = grade(stepCase, exchange, target, context, earlier);
    if (failures.length > 0) {
      const note = `step ${index + 1} of the prelude (${step.operationId}) was not answered as documented, so the case could not go on`;
      return { testCase, outcome: 'failed', passed: false, status: exchange.status, ms, failures, note };
    }
    earlier.push(exchange.json ?? null);
  }
  const exchange = await sendWithin(testCase.operationId, testCase.request);
  if ('inapplicable' in exchange)
    return { testCase, outcome: 'inapplicable', passed: true, ms, failures: [], note: exchange.inapplicable };
  const failures = grade(testCase, exchange, target, context, earlier);
  const outcome = failures.length === 0 ? 'passed' : 'failed';
  return { testCase, outcome, passed: outcome === 'passed', status: exchange.status, ms: ms + exchange.ms, failures };
}

/**
 * Draws `generatedRuns` requests from a generated case, one after another; on the first that fails, fast-check
 * shrinks it to the smallest that still fails, and that one is reported with the seed that replays it.
 */
async function runProperty(
  testCase: Case,
  target: Target,
  context: ContractReading,
  { generatedRuns, seed }: Pick<RunOptions, 'generatedRuns' | 'seed'>,
  sender: Sender,
): Promise<CaseResult> {
  const caseSeed = seedFor(seed, testCase.id);
  let smallest: { drawn: Drawn; failures: CheckResult[]; status?: number } | undefined;
  let ms = 0;
  const property = fc.asyncProperty(testCase.property!.arbitrary, async (drawn) => {
    const exchange = await sender(target, testCase.operationId, drawn.request);
    if ('inapplicable' in exchange) return true;
    ms += exchange.ms;
    const failures = grade({ ...testCase, ...drawn }, exchange, target, context);
    if (failures.length > 0) smallest = { drawn, failures, status: exchange.status };
    return failures.length === 0;
  });
  const details = await fc.check(property, {
    numRuns: generatedRuns,
    seed: caseSeed,
    interruptAfterTimeLimit: 30_000,
    markInterruptAsFailure: false,
  });
  if (!details.failed || !smallest)
    return {
      testCase,
      outcome: 'passed',
      passed: true,
      ms,
      failures: [],
      note: `${details.numRuns} requests drawn, seed ${caseSeed}`,
    };
  const note = `failed on draw ${details.numRuns} of ${generatedRuns} (seed ${caseSeed}; replay with --seed ${seed} --only ${testCase.id}), shrunk ${details.numShrinks} time(s) to the request below`;
  return {
    testCase,
    outcome: 'failed',
    passed: false,
    status: smallest.status,
    ms,
    failures: smallest.failures,
    note,
    sent: smallest.drawn.request,
  };
}

/** A generated case's own seed: the run's seed and its id, so that one case replays alone. */
export function seedFor(seed: number, id: string): number {
  let hash = seed | 0;
  for (const char of id) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

/** Runs the cases `concurrency` at a time; `onResult` sees each result as it comes, for progress output. */
export async function runCases(
  cases: Case[],
  target: Target,
  context: ContractReading,
  options: RunOptions,
  onResult: (result: CaseResult) => void = () => {},
  sender: Sender = send,
): Promise<CaseResult[]> {
  const { concurrency } = options;
  const results = new Array<CaseResult>(cases.length);
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const index = next++;
      const testCase = cases[index]!;
      try {
        results[index] = await runCase(testCase, target, context, options, sender);
      } catch (error) {
        // runCase does not throw on anything a server sends; if it throws, the suite is at fault. The other cases
        // still run, so the vendor gets a report, and the CLI says the run is not to be trusted (exit 2).
        results[index] = suiteError(testCase, error, target);
      }
      onResult(results[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, cases.length)) }, worker));
  return results;
}

function suiteError(testCase: Case, error: unknown, target: Target): CaseResult {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const note = `the suite failed on this case (a bug of the suite, not of the server): ${message.split('\n')[0]}`;
  return {
    testCase,
    outcome: 'error',
    passed: false,
    ms: 0,
    failures: [],
    note: excerpt(note, 300, target.redact),
  };
}

/** The expectation an answer is graded by: the one whose status it has (the primary when none has). */
function chosen(expect: Expectation, status: number | undefined): Expectation {
  if (status === expect.status) return expect;
  return expect.orElse?.find((alternative) => alternative.status === status) ?? expect;
}

/** A filled body padded with spaces to `size` bytes (JSON ignores white space after the value). */
function padded(filled: Filled, size: number | undefined): Filled {
  if (size === undefined) return filled;
  return { ...filled, text: filled.text + ' '.repeat(Math.max(0, size - Buffer.byteLength(filled.text))) };
}

function jsonEscaped(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}
