// Sends each case to the server under test and grades the answer with every check of the registry.
import type { Contract } from '../lib/contract.ts';
import type { SchemaValidator } from '../lib/schema-validator.ts';
import { CHANNEL_KEY, TOKEN, type Case, type CaseRequest } from './case.ts';
import { CHECKS, type Exchange, type Finding } from './checks.ts';
import { curlFor } from './curl.ts';

export interface Target {
  /** The server URL as in the document's `servers`, without the operation path. */
  baseUrl: string;
  token: string;
  channelKey: string;
  timeoutMs: number;
}

export interface CheckResult extends Finding {
  check: string;
}

export interface CaseResult {
  testCase: Case;
  passed: boolean;
  status?: number;
  ms: number;
  /** Only the failed checks: what was expected and what came. */
  failures: CheckResult[];
  curl: string;
}

export interface GradingContext {
  contract: Contract;
  validator: SchemaValidator;
}

export async function send(target: Target, request: CaseRequest): Promise<Exchange> {
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [name, fillSecrets(value, target)]),
  );
  const started = performance.now();
  try {
    const response = await fetch(`${target.baseUrl.replace(/\/+$/, '')}${request.path}`, {
      method: request.method,
      headers,
      body: ['GET', 'HEAD'].includes(request.method) ? undefined : request.body,
      signal: AbortSignal.timeout(target.timeoutMs),
      redirect: 'manual',
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      text,
      json: parseJson(text),
      ms: elapsed(started),
    };
  } catch (error) {
    const reason =
      error instanceof Error && error.name === 'TimeoutError'
        ? `no answer within ${target.timeoutMs} ms`
        : describeFailure(error);
    return { headers: {}, text: '', ms: elapsed(started), failure: reason };
  }
}

export function grade(testCase: Case, exchange: Exchange, target: Target, context: GradingContext): CaseResult {
  const failures: CheckResult[] = [];
  for (const [check, run] of Object.entries(CHECKS)) {
    const result = run(testCase, exchange, { ...context, timeoutMs: target.timeoutMs });
    // Graded on the raw answer; only what is reported is redacted.
    if (result && !result.passed)
      failures.push({
        check,
        passed: false,
        expected: redact(result.expected, target),
        actual: redact(result.actual, target),
      });
  }
  return {
    testCase,
    passed: failures.length === 0,
    status: exchange.status,
    ms: exchange.ms,
    failures,
    curl: curlFor(target.baseUrl, testCase.request),
  };
}

/** Runs the cases `concurrency` at a time; `onResult` sees each result as it comes, for progress output. */
export async function runCases(
  cases: Case[],
  target: Target,
  context: GradingContext,
  concurrency: number,
  onResult: (result: CaseResult) => void = () => {},
): Promise<CaseResult[]> {
  const results = new Array<CaseResult>(cases.length);
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const index = next++;
      const testCase = cases[index]!;
      results[index] = grade(testCase, await send(target, testCase.request), target, context);
      onResult(results[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, cases.length)) }, worker));
  return results;
}

/** Puts the secrets in place of the catalogue's placeholders, at the moment of sending. */
export function fillSecrets(value: string, target: Pick<Target, 'token' | 'channelKey'>): string {
  return value.replaceAll(TOKEN, target.token).replaceAll(CHANNEL_KEY, target.channelKey);
}

/** The token never leaves the run: a server that echoes it back gets it blanked in every report. */
export function redact(text: string, target: Pick<Target, 'token'>): string {
  return target.token ? text.replaceAll(target.token, '<token>') : text;
}

function parseJson(text: string) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

function describeFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === 'ECONNREFUSED') return 'connection refused';
  if (cause?.code === 'ENOTFOUND') return 'host not found';
  return cause?.message ?? (error instanceof Error ? error.message : String(error));
}
