// One known-good request before grading: if the server cannot be reached or refuses the credentials, grading
// would only report noise, so the run stops and says why.
import { exampleForCase, isObject, type Contract, type Json } from '../lib/contract.ts';
import { buildCases } from './cases.ts';
import { send, type Target } from './runner.ts';

export type Preflight = { ok: true } | { ok: false; reason: string };

export async function preflight(contract: Contract, target: Target, uniquePrefix: string): Promise<Preflight> {
  const knownGood = buildCases(contract, { uniquePrefix }).find((c) => c.area === 'success');
  if (!knownGood) return { ok: false, reason: 'the document has no success case to try' };
  const exchange = await send(target, knownGood.request);
  if (exchange.failure)
    return {
      ok: false,
      reason: `${knownGood.request.method} ${target.baseUrl}${knownGood.request.path}: ${exchange.failure}`,
    };
  const operation = contract.operations.find((op) => op.operationId === knownGood.operationId)!;
  const refusal = ['credentials-missing', 'credentials-rejected', 'parameter-invalid']
    .map((errorCase) => ({ errorCase, found: exampleForCase(operation.responses, errorCase) }))
    .find(({ found }) => found && sameMessage(found.example.value, exchange.json));
  if (refusal || exchange.status === 401 || exchange.status === 403) {
    return {
      ok: false,
      reason: `the server refused the credentials (status ${exchange.status}: ${exchange.text.slice(0, 200)}). Check --token and --channel-key.`,
    };
  }
  if (exchange.status === 404) {
    return {
      ok: false,
      reason: `${target.baseUrl}${knownGood.request.path} was not found (404). --base-url is the server URL of the document, e.g. https://host/v1/manufacturer/v2/api`,
    };
  }
  return { ok: true };
}

function sameMessage(documented: Json, actual: Json | undefined): boolean {
  return isObject(documented) && isObject(actual) && documented.message === actual.message;
}
