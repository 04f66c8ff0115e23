// The mock's whole decision for one request: route, then the checks in the document's order, then the answer.
// It holds no status, message or rule of its own: each comes from the document through the modules it calls.
// Deep import: the package root also loads Prism's mocker, which only `Prefer` needs (see preferOptions).
import type { IHttpOperation } from '@stoplight/types';
import { getHttpOperationsFromSpec } from '@stoplight/prism-http/dist/utils/operations.js';
import { BUNDLE_PATH, loadContract, type Contract } from '../lib/contract.ts';
import { TOKEN, type Secrets } from '../lib/credentials.ts';
import { schemaValidator } from '../lib/schema-validator.ts';
import { checkCredentials } from './credentials.ts';
import { createResponder, type PreferOptions } from './responder.ts';
import { createRouter } from './router.ts';
import type { MockRequest, MockResponse } from './types.ts';
import { validateRequest } from './validator.ts';

export interface Mocker {
  contract: Contract;
  /** The largest body any operation accepts, from the `x-max-body-bytes` of its body-too-large response. */
  maxBodyBytes: number;
  handle(request: MockRequest): Promise<MockResponse>;
}

/** `credentials`: the values the mock accepts, by credential key (lib/credentials.ts): the token, the channel key. */
export async function createMocker(credentials: Secrets, bundlePath = BUNDLE_PATH): Promise<Mocker> {
  const contract = loadContract(bundlePath);
  const prismOperations = new Map<string, IHttpOperation>(
    (await getHttpOperationsFromSpec(bundlePath)).map((op) => [`${op.method.toUpperCase()} ${op.path}`, op]),
  );
  const router = createRouter(contract);
  const responder = createResponder(contract);
  const validator = schemaValidator(contract.document);
  const tokens = new Set(credentials[TOKEN] ? [credentials[TOKEN]] : []);
  const maxBodyBytes = Math.max(0, ...contract.operations.map((op) => op.bodyLimit ?? 0));

  async function handle(raw: MockRequest): Promise<MockResponse> {
    const routed = router.route(raw.method, raw.path);
    if (!routed.found) {
      const answer = responder.errorAnswer(routed.errorCase);
      if (routed.errorCase === 'method-not-allowed') answer.headers.allow = routed.allow.join(', ');
      return answer;
    }
    const { operation } = routed;
    const request = { ...raw, path: routed.relativePath };
    const prism = prismOperations.get(`${operation.method} ${operation.path}`);
    if (!prism) throw new Error(`Prism read no operation ${operation.method} ${operation.path}`);

    const limit = operation.bodyLimit;
    if (raw.bodyTooLarge || (limit !== undefined && (raw.body?.length ?? 0) > limit)) {
      return responder.errorAnswer('body-too-large', operation);
    }
    const credentialsVerdict = checkCredentials(operation, request, tokens);
    if (credentialsVerdict !== 'accepted') return responder.errorAnswer(credentialsVerdict, operation);

    const verdict = validateRequest(prism, operation, request, credentials, validator);
    if (verdict.errorCase === 'fields-invalid')
      return responder.errorAnswer(verdict.errorCase, operation, verdict.fields);
    if (verdict.errorCase) return responder.errorAnswer(verdict.errorCase, operation);

    const prefer = await preferOptions(request);
    if ('error' in prefer) return responder.mockFeatureError(prefer.status, prefer.error);
    if (prefer.code !== undefined || prefer.exampleKey !== undefined || prefer.dynamic) {
      return responder.preferred(prism, operation, request, prefer);
    }
    return responder.success(operation, verdict.body);
  }

  return { contract, maxBodyBytes, handle };
}

/**
 * Prism's own reading of `Prefer` (and of its `__code`/`__example`/`__dynamic` query fallback). Its module takes
 * half a second to load, so it is loaded on the first request that asks for it, not at start.
 */
async function preferOptions(request: MockRequest): Promise<PreferOptions | { status: number; error: string }> {
  if (request.headers.prefer === undefined && !Object.keys(request.query).some((key) => key.startsWith('__')))
    return {};
  const { getHttpConfigFromRequest } = await import('@stoplight/prism-http-server/dist/getHttpConfigFromRequest.js');
  const result = getHttpConfigFromRequest({
    headers: request.headers,
    url: { path: request.path, query: request.query },
  });
  if (result._tag === 'Left')
    return { status: result.left.status, error: `Prefer: ${result.left.detail || result.left.message}` };
  const { code, exampleKey, dynamic } = result.right;
  return { code: code === undefined ? undefined : Number(code), exampleKey, dynamic };
}
