// One known-good request before grading: if the server cannot be reached, refuses the credentials or answers
// anything but the documented success, grading would only report noise, so the run stops and says why.
import type { Case } from './case.ts';
import type { Exchange } from './checks.ts';
import { send, type Sender, type Target } from './runner.ts';

export type Preflight = { ok: true; testCase: Case } | { ok: false; reason: string; exchange?: Exchange };

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

export async function preflight(cases: Case[], target: Target, sender: Sender = send): Promise<Preflight> {
  const testCase = knownGood(cases, target);
  if (!testCase)
    return { ok: false, reason: 'the document has no request that must succeed with the credentials given' };
  const { method, path } = testCase.request;
  const where = `${method} ${target.baseUrlFor?.(testCase.operationId) ?? target.baseUrl}${path}`;
  const exchange = await sender(target, testCase.operationId, testCase.request);
  if ('inapplicable' in exchange) return { ok: false, reason: `${where}: ${exchange.inapplicable}` };
  if (exchange.failure) return { ok: false, reason: `${where}: ${exchange.failure}`, exchange };
  if (exchange.status === testCase.expect.status) return { ok: true, testCase };
  const hint =
    exchange.status === 401 || exchange.status === 403
      ? ' Check the credentials.'
      : exchange.status === 404
        ? ' --base-url is the server URL of the document, e.g. https://host/v1/manufacturer/v2/api.'
        : exchange.status !== undefined && exchange.status >= 300 && exchange.status < 400
          ? ` It redirects${exchange.headers.location ? ` to ${exchange.headers.location}` : ''}; give the URL it should be reached at.`
          : '';
  return {
    ok: false,
    reason: `${where} (${testCase.id}) must be answered ${testCase.expect.status}; the server answered ${exchange.status}.${hint}`,
    exchange,
  };
}
