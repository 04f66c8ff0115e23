// One known-good request before grading: if the server cannot be reached, refuses the credentials or answers
// anything but the documented success status (a redirect included: the suite never follows one), grading would
// only report noise, so the run stops and says what came back. The rest of that answer (its body, its size) is for
// the cases to grade: a server that answers every request with 1 GiB still gets a report that says so.
import type { Case } from '../engine/case.ts';
import type { Exchange } from './checks.ts';
import { send, type Sender } from './runner.ts';
import { excerpt } from './secrets.ts';
import type { Target } from './target.ts';

export type Preflight = { ok: true; testCase: Case } | { ok: false; reason: string; exchange?: Exchange };

/** How much of the refused answer's body the reason quotes. */
const QUOTED_CHARS = 300;

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

/** Never throws. A refusal's reason is free of secrets and short, but still the server's text: escape it to show it. */
export async function preflight(cases: Case[], target: Target, sender: Sender = send): Promise<Preflight> {
  const testCase = knownGood(cases, target);
  if (!testCase)
    return { ok: false, reason: 'the document has no request that must succeed with the credentials given' };
  const { method, path } = testCase.request;
  const where = `${method} ${target.baseUrlFor(testCase.operationId)}${path}`;
  const exchange = await sender(target, testCase.operationId, testCase.request);
  if ('inapplicable' in exchange) return { ok: false, reason: `${where}: ${exchange.inapplicable}` };
  const quote = (text: string) => excerpt(text, QUOTED_CHARS, target.redact);
  if (exchange.status === undefined)
    return { ok: false, reason: quote(`${where}: ${exchange.failure ?? 'no answer'}`), exchange };
  if (exchange.status === testCase.expect.status) return { ok: true, testCase };
  const { status, headers } = exchange;
  const hint =
    status === 401 || status === 403
      ? ' Check the credentials.'
      : status === 404
        ? ' --base-url is the server URL of the document, e.g. https://host/v1/manufacturer/v2/api.'
        : status >= 300 && status < 400
          ? ` It redirects${headers.location ? ` to ${quote(headers.location)}` : ''}; the suite follows no redirect: give the URL the API answers at.`
          : '';
  const type = headers['content-type'] ? quote(headers['content-type']) : 'no Content-Type';
  const body = exchange.overLimit ?? (exchange.text ? `"${quote(exchange.text)}"` : 'an empty body');
  return {
    ok: false,
    reason: `${where} (${testCase.id}) must be answered ${testCase.expect.status}; the server answered ${status} (${type}, ${body}).${hint}`,
    exchange,
  };
}
