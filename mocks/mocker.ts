// The mock's whole decision for one request: route, then the checks in the document's order, then the answer.
// It holds no status, message or rule of its own: each comes from the document through the modules it calls.
// Deep import: the package root also loads Prism's mocker, which only `Prefer` needs (see preferOptions).
import { getHttpOperationsFromSpec } from '@stoplight/prism-http/dist/utils/operations.js';
import { BUNDLE_PATH, loadContract, type Contract, type Operation } from '../lib/contract.ts';
import { checkCredentials } from './credentials.ts';
import { createResponder, type PreferOptions } from './responder.ts';
import { createRouter } from './router.ts';
import type { MockRequest, MockResponse } from './types.ts';
import { validateRequest } from './validator.ts';

export interface MockCredentials {
  /** The one token the mock accepts, in either token header. */
  token: string;
  /** The one value accepted by parameters marked `x-credential` (the channel key). */
  channelKey: string;
}

export interface Mocker {
  contract: Contract;
  /** The largest body any operation accepts, from the `x-max-body-bytes` of its body-too-large response. */
  maxBodyBytes: number;
  handle(request: MockRequest): Promise<MockResponse>;
}

export async function createMocker(credentials: MockCredentials, bundlePath = BUNDLE_PATH): Promise<Mocker> {
  const contract = loadContract(bundlePath);
  const operations = await getHttpOperationsFromSpec(bundlePath);
  const router = createRouter(contract, operations);
  const responder = createResponder(contract);
  const documented = new Map<string, Operation>(contract.operations.map((op) => [`${op.method} ${op.path}`, op]));
  const limits = contract.operations.map((op) => bodyLimitOf(op)).filter((n): n is number => n !== undefined);
  const maxBodyBytes = Math.max(...limits, 0);

  async function handle(raw: MockRequest): Promise<MockResponse> {
    const request = { ...raw, path: router.relativePath(raw.path) };
    const routed = router.route(request.method, request.path);
    if (!routed.found) {
      const answer = responder.errorAnswer(routed.errorCase);
      if (routed.errorCase === 'method-not-allowed') answer.headers.allow = routed.allow.join(', ');
      return answer;
    }
    const operation = routed.operation;

    const documentedOperation = documented.get(`${operation.method.toUpperCase()} ${operation.path}`);
    if (!documentedOperation) throw new Error(`Prism routed to ${operation.path}, which the document does not have`);
    const limit = bodyLimitOf(documentedOperation);
    if (raw.bodyTooLarge || (limit !== undefined && (raw.body?.length ?? 0) > limit)) {
      return responder.errorAnswer('body-too-large', documentedOperation);
    }

    const credentialsVerdict = checkCredentials(operation, request, credentials.token);
    if (credentialsVerdict !== 'accepted') return responder.errorAnswer(credentialsVerdict, documentedOperation);

    const verdict = validateRequest(
      operation,
      request,
      credentialHeadersOf(documentedOperation),
      credentials.channelKey,
    );
    if (verdict.errorCase === 'body-invalid')
      return responder.errorAnswer(verdict.errorCase, documentedOperation, verdict.fields);
    if (verdict.errorCase) return responder.errorAnswer(verdict.errorCase, documentedOperation);

    const prefer = await preferOptions(request);
    if ('error' in prefer) return responder.mockFeatureError(prefer.status, prefer.error);
    if (prefer.code !== undefined || prefer.exampleKey !== undefined || prefer.dynamic) {
      return responder.preferred(operation, documentedOperation, request, prefer);
    }
    return responder.success(documentedOperation, verdict.body);
  }

  return { contract, maxBodyBytes, handle };
}

function bodyLimitOf(operation: Operation): number | undefined {
  const limit = operation.responses.find((r) => r.examples.some((ex) => ex.errorCase === 'body-too-large'))?.extensions[
    'x-max-body-bytes'
  ];
  return typeof limit === 'number' ? limit : undefined;
}

function credentialHeadersOf(operation: Operation): string[] {
  return operation.parameters.filter((p) => p.in === 'header' && p['x-credential'] === true).map((p) => String(p.name));
}

/**
 * Prism's own reading of `Prefer` (and of its `__code`/`__example`/`__dynamic` query fallback). Its module takes
 * most of a second to load, so it is loaded on the first request that asks for it, not at start.
 */
async function preferOptions(request: MockRequest): Promise<PreferOptions | { status: number; error: string }> {
  if (request.headers.prefer === undefined && !Object.keys(request.query).some((key) => key.startsWith('__')))
    return {};
  const { getHttpConfigFromRequest } = await import('@stoplight/prism-http-server/dist/getHttpConfigFromRequest.js');
  const result = getHttpConfigFromRequest({
    headers: request.headers as Record<string, string>,
    url: { path: request.path, query: request.query },
  });
  if (result._tag === 'Left')
    return { status: result.left.status, error: `Prefer: ${result.left.detail || result.left.message}` };
  const { code, exampleKey, dynamic } = result.right;
  return { code: code === undefined ? undefined : Number(code), exampleKey, dynamic };
}
