// A typed client for frontends, on openapi-fetch. Its types and documented statuses come from generated/, so a
// response the document adds or changes shows up here as a type change, not as a surprise at run time.
import createFetchClient from 'openapi-fetch';
import { operations } from '../generated/operations.ts';
import type { components, paths } from '../generated/schema.d.ts';

export type Schemas = components['schemas'];
export type PackagingOrderRequest = Schemas['PackagingOrderRequest'];

/** Which header carries the token: `x-access-token: <token>` or `Authorization: Bearer <token>`. */
export type AuthStyle = 'x-access-token' | 'bearer';

export interface ClientOptions {
  /** The server URL as in the document's `servers`, e.g. `https://api.movilitas.cloud/v1/manufacturer/v2/api`. */
  baseUrl: string;
  token: string;
  channelKey: string;
  auth?: AuthStyle;
  /** A fetch of your own (tests, proxies); the global fetch by default. */
  fetch?: typeof globalThis.fetch;
}

type JsonBody<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type SuccessStatus<R> = Extract<keyof R, 200 | 201 | 202 | 203 | 204 | 206>;
type ErrorStatus<R> = Exclude<keyof R, SuccessStatus<R>>;

/** The request could not be made, or its answer is not one the document describes. */
export type TransportFailure =
  | { ok: false; kind: 'network'; message: string; cause: unknown }
  | { ok: false; kind: 'undocumented'; status: number; message: string; body: string };

/**
 * One variant per documented status. Narrow on `ok`, then `status`, then the body's literal `code` or `message`:
 * `if (!r.ok && r.kind === 'error' && r.status === 401 && r.error.code === 'ERR0001')`.
 */
export type ApiResult<R> =
  | { [S in SuccessStatus<R>]: { ok: true; status: S; data: JsonBody<R[S]> } }[SuccessStatus<R>]
  | { [S in ErrorStatus<R>]: { ok: false; kind: 'error'; status: S; error: JsonBody<R[S]> } }[ErrorStatus<R>]
  | TransportFailure;

export type CreatePackagingOrderResult = ApiResult<paths['/packaging_order']['post']['responses']>;

export interface RequestOptions {
  signal?: AbortSignal;
}

export function createClient(options: ClientOptions) {
  const auth = options.auth ?? 'x-access-token';
  const client = createFetchClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    fetch: options.fetch,
    headers: auth === 'bearer' ? { Authorization: `Bearer ${options.token}` } : { 'x-access-token': options.token },
  });
  const channel = { 'x-channel-key': options.channelKey };

  return {
    createPackagingOrder(body: PackagingOrderRequest, init: RequestOptions = {}): Promise<CreatePackagingOrderResult> {
      return settle(operations.createPackagingOrder.statuses, () =>
        client.POST('/packaging_order', { body, params: { header: channel }, parseAs: 'text', signal: init.signal }),
      );
    },
  };
}

async function settle<T>(
  documented: readonly number[],
  send: () => Promise<{ response: Response; data?: unknown; error?: unknown }>,
): Promise<T> {
  let outcome: Awaited<ReturnType<typeof send>>;
  try {
    outcome = await send();
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, kind: 'network', message: `request failed: ${message}`, cause } as T;
  }
  const { response } = outcome;
  const text = String(
    outcome.data ?? (typeof outcome.error === 'string' ? outcome.error : JSON.stringify(outcome.error ?? '')),
  );
  const undocumented = (message: string) =>
    ({ ok: false, kind: 'undocumented', status: response.status, message, body: text }) as T;
  if (!documented.includes(response.status)) return undocumented(`status ${response.status} is not documented`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undocumented(`status ${response.status} came with a body that is not JSON`);
  }
  return (
    response.ok
      ? { ok: true, status: response.status, data: body }
      : { ok: false, kind: 'error', status: response.status, error: body }
  ) as T;
}
