// One known-good request before grading, to learn whether the server can be judged at all. It cannot when no
// answer comes, when it redirects (the suite follows none), when it refuses the credentials, when the URL reaches
// no route of the document, or when it fails (5xx): every case would then report the same noise, so the run stops
// and says what came back and what to do. Any other answer, even one the document does not allow (a 201 for a
// 200, a body off the schema), is the cases' to grade: the run goes on, and they say where the server departs.
import { answerFor, isObject, type Contract, type Operation } from '../../lib/contract.ts';
import { credentialsOf } from '../../lib/credentials.ts';
import type { ErrorCase } from '../../lib/extensions.ts';
import type { Case } from '../engine/case.ts';
import type { ContractReading } from '../engine/reading.ts';
import type { Finding } from '../engine/result.ts';
import type { Exchange } from './checks.ts';
import { send, type Sender } from './runner.ts';
import { excerpt } from './secrets.ts';
import type { Target } from './target.ts';

export type Preflight =
  | {
      ok: true;
      testCase: Case;
      /** How the answer departs from the documented one, for the cases to grade. */ off?: string;
    }
  | {
      ok: false;
      testCase?: Case;
      /** One sentence: what was sent, what must come and what came. */ reason: string;
      finding: Finding;
    };

/** How much of the refused answer's body the reason quotes. */
const QUOTED_CHARS = 300;

/** The error cases that refuse a credential: an answer that is one of them says the credentials are wrong. */
const CREDENTIAL_CASES: ErrorCase[] = ['credentials-missing', 'credentials-rejected', 'credential-invalid'];

/** The first documented request that must succeed outright, and whose secrets the target has. */
export function knownGood(cases: Case[], target: Target): Case | undefined {
  const given = (text: string) =>
    [...text.matchAll(/\{\{([^{}|$]+)\}\}/g)].every(([, key]) => target.secrets[key!] !== undefined);
  return cases.find(
    (c) =>
      c.family === 'success' &&
      !c.prelude &&
      !c.expect.orElse &&
      c.expect.status >= 200 &&
      c.expect.status < 300 &&
      given(JSON.stringify(c.request)),
  );
}

/** Never throws. A refusal is free of secrets and short, but still the server's text: escape it to show it. */
export async function preflight(
  cases: Case[],
  target: Target,
  reading: ContractReading,
  sender: Sender = send,
): Promise<Preflight> {
  const testCase = knownGood(cases, target);
  if (!testCase) {
    const reason = 'the document has no request that must succeed with the credentials given';
    const fix = 'Give the credentials of the documented requests (see --help).';
    return {
      ok: false,
      reason,
      finding: { passed: false, expected: 'a documented request to send', actual: reason, fix },
    };
  }
  const { method, path } = testCase.request;
  const where = `${method} ${target.baseUrlFor(testCase.operationId)}${path} (${testCase.id})`;
  const exchange = await sender(target, testCase.operationId, testCase.request);
  const expected = `status ${testCase.expect.status}`;
  const refuse = (actual: string, fix: string): Preflight => ({
    ok: false,
    testCase,
    reason: `${where} must be answered ${testCase.expect.status}; ${actual.replace(/^status/, 'the server answered')}`,
    finding: { passed: false, expected, actual, fix },
  });
  if ('inapplicable' in exchange)
    return refuse(`it could not be sent: ${exchange.inapplicable}`, 'Give every credential it needs.');
  const quote = (text: string) => excerpt(text, QUOTED_CHARS, target.redact);
  if (exchange.status === undefined)
    return refuse(
      quote(exchange.failure ?? 'no answer'),
      'Check that --base-url reaches the server, and that it answers within --timeout.',
    );
  if (exchange.status === testCase.expect.status) return { ok: true, testCase };
  const operation = reading.contract.operations.find((op) => op.operationId === testCase.operationId)!;
  const fix = whyUnjudgeable({ ...exchange, status: exchange.status }, operation, reading, testCase, quote);
  const actual = `status ${exchange.status} (${answerShown(exchange, quote)})`;
  return fix
    ? refuse(actual, fix)
    : { ok: true, testCase, off: `${where} was answered ${exchange.status}, not ${testCase.expect.status}` };
}

/** What to do when the answer shows the suite cannot judge the server; undefined when the cases can. */
function whyUnjudgeable(
  exchange: Exchange & { status: number },
  operation: Operation,
  { contract }: ContractReading,
  testCase: Case,
  quote: (text: string) => string,
): string | undefined {
  const { status, headers } = exchange;
  const documented = (code: number) => operation.responses.some((r) => r.status === String(code));
  if (status >= 300 && status < 400)
    return `It redirects${headers.location ? ` to ${quote(headers.location)}` : ''}; the suite follows no redirect: give the URL the API answers at.`;
  if (status >= 500) return 'The server failed on a documented request: find why (its log), then run the suite again.';
  const refusesCredentials =
    status === 401 ||
    status === 403 ||
    CREDENTIAL_CASES.some((errorCase) => isDocumentedAnswer(exchange, answerFor(contract, errorCase, operation)));
  if (refusesCredentials) return `Check the credentials it sends: ${secretsOf(testCase, contract).join(', ')}.`;
  const routeStatuses = contract.routeErrors.map((r) => Number(r.status));
  if ((status === 404 || status === 405 || routeStatuses.includes(status)) && !documented(status))
    return `The URL reaches no route of the document: --base-url is the server URL of the document, such as ${contract.servers[0]?.defaultUrl ?? 'https://host/api'}.`;
  return undefined;
}

/** Whether the answer is this documented error answer: its status, and the scalar members of its example. */
function isDocumentedAnswer(exchange: Exchange, found: ReturnType<typeof answerFor>): boolean {
  if (!found || exchange.status !== Number(found.response.status)) return false;
  const example = found.example.value;
  const json = exchange.json;
  if (!isObject(example) || !isObject(json)) return false;
  return Object.entries(example).every(
    ([key, value]) => (typeof value === 'object' && value !== null) || json[key] === value,
  );
}

/** The credentials a case's request sends, described (`header x-channel-key`). */
function secretsOf(testCase: Case, contract: Contract): string[] {
  const keys = new Set([...JSON.stringify(testCase.request).matchAll(/\{\{([^{}|$]+)\}\}/g)].map(([, key]) => key));
  return credentialsOf(contract)
    .filter((credential) => keys.has(credential.key))
    .map((credential) => credential.description);
}

function answerShown(exchange: Exchange, quote: (text: string) => string): string {
  const type = exchange.headers['content-type'] ? quote(exchange.headers['content-type']) : 'no Content-Type';
  const body = exchange.overLimit ?? (exchange.text ? `"${quote(exchange.text)}"` : 'an empty body');
  return `${type}, ${body}`;
}
