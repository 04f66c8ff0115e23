// A typed client for any document of the kit, on openapi-fetch: one function per operation, built from two things
// scripts/generate.ts writes — the operations module (method, path, servers, documented statuses, which credentials
// go where) and openapi-typescript's `paths` (what each part of a request and each answer holds). A new operation
// in the document is a new typed function without a change here. Nothing throws: a request that cannot be made
// and an answer the document does not describe are results like the documented ones.
import createFetchClient from 'openapi-fetch';
import { placeholder } from '../lib/credentials.ts';
import { operationServerUrl } from '../lib/servers.ts';

/**
 * A credential an operation sends: `value` with `{{key}}` filled from the client option `key`, at `in`/`name`.
 * A credential parameter in a cookie has no place here (a browser does not let a script set cookies), so a document
 * with one fails to compile where its operations are bound (client/index.ts) rather than at run time.
 */
export interface SentCredential {
  key: string;
  in: Location;
  name: string;
  value: string;
}

/** What the client needs to know of an operation at run time: one entry of generated `operations`. */
export interface OperationFacts {
  method: Uppercase<HttpMethod>;
  path: string;
  /** The path prefixes of the operation's servers. */
  servers: readonly string[];
  statuses: readonly number[];
  /** The security alternatives: the token as each scheme of the alternative presents it. */
  security: readonly (readonly (SentCredential & { scheme: string })[])[];
  /** Its `x-credential` parameters. */
  credentials: readonly SentCredential[];
}

/** A generated operations module: the document's server path prefixes and its operations by operationId. */
export interface GeneratedApi<Operations extends Record<string, OperationFacts>> {
  servers: readonly string[];
  operations: Operations;
}

type Credential<Operations> = {
  [Id in keyof Operations]: Operations[Id] extends OperationFacts
    ? Operations[Id]['credentials'][number] | Operations[Id]['security'][number][number]
    : never;
}[keyof Operations];

export type ClientOptionsFor<Operations extends Record<string, OperationFacts>> = {
  /**
   * The server URL as in the document's `servers` (`https://api.movilitas.cloud/v1/manufacturer/v2/api`).
   * Operations with servers of their own are sent to theirs, found by lib/servers.ts.
   */
  baseUrl: string;
  /** The security scheme to send the token by, where an operation offers it; else its first alternative. */
  auth?: Extract<Credential<Operations>, { scheme: string }>['scheme'];
  /** A fetch of your own (tests, proxies); the global fetch by default. */
  fetch?: (request: Request) => Promise<Response>;
} & CredentialOptions<Credential<Operations>['key']>;

/** The credentials, by their keys in lib/credentials.ts (`token`, `channelKey`…), each sent only where declared. */
type CredentialOptions<Key extends string> = string extends Key
  ? { [key: string]: unknown } // operations loaded at run time, whose credential names no type knows
  : { [K in Key]?: string };

/** The request could not be made, or its answer is not one the document describes. */
export type TransportFailure =
  | { ok: false; kind: 'network'; message: string; cause: unknown }
  | { ok: false; kind: 'undocumented'; status: number; message: string; body: string };

type JsonOf<T> = T extends { content: infer Media } ? Media[Extract<keyof Media, `${string}json`>] : never;
type Status<Responses> = Extract<keyof Responses, number>;
type SuccessStatus<Responses> = {
  [S in Status<Responses>]: `${S}` extends `2${string}` ? S : never;
}[Status<Responses>];
type ErrorStatus<Responses> = Exclude<Status<Responses>, SuccessStatus<Responses>>;

/**
 * One variant per documented status. Narrow on `ok`, then `status`, then the body's literal `code` or `message`:
 * `if (!r.ok && r.kind === 'error' && r.status === 401 && r.error.code === 'ERR0001')`.
 */
export type ApiResult<Responses> =
  | { [S in SuccessStatus<Responses>]: { ok: true; status: S; data: JsonOf<Responses[S]> } }[SuccessStatus<Responses>]
  | {
      [S in ErrorStatus<Responses>]: { ok: false; kind: 'error'; status: S; error: JsonOf<Responses[S]> };
    }[ErrorStatus<Responses>]
  | TransportFailure;

/** openapi-typescript's type of the operation these facts describe: `paths['/packaging_order']['post']`. */
type OperationType<Paths, Facts> = Facts extends { path: infer Path; method: infer Method extends string }
  ? Path extends keyof Paths
    ? Lowercase<Method> extends keyof Paths[Path]
      ? NonNullable<Paths[Path][Lowercase<Method>]>
      : never
    : never
  : never;

type Location = 'path' | 'query' | 'header';
type Flat<T> = { [K in keyof T]: T[K] };

/** The operation's parameters in one location, without the credentials the client sends by itself. */
type ParametersIn<Operation, Facts, In extends Location> = Operation extends { parameters: infer Parameters }
  ? In extends keyof Parameters
    ? [NonNullable<Parameters[In]>] extends [never]
      ? never
      : Omit<NonNullable<Parameters[In]>, CredentialName<Facts, In>>
    : never
  : never;
type CredentialName<Facts, In> = Facts extends OperationFacts
  ? Extract<Facts['credentials'][number], { in: In }>['name']
  : never;

/** A part of the argument: required when it has a required member, and none at all when it has no member. */
type Part<Name extends string, T> = [T] extends [never]
  ? { [K in Name]?: never }
  : [keyof T] extends [never]
    ? { [K in Name]?: never }
    : {} extends T
      ? { [K in Name]?: Flat<T> }
      : { [K in Name]: Flat<T> };

type BodyPart<Operation> = Operation extends { requestBody: infer Body }
  ? { body: JsonOf<Body> }
  : Operation extends { requestBody?: infer Body }
    ? [NonNullable<Body>] extends [never]
      ? { body?: never }
      : { body?: JsonOf<NonNullable<Body>> }
    : { body?: never };

/** The one argument of an operation's function: `{ body, path, query, header, signal }`, each as documented. */
export type InputFor<Operation, Facts> = Flat<
  BodyPart<Operation> &
    Part<'path', ParametersIn<Operation, Facts, 'path'>> &
    Part<'query', ParametersIn<Operation, Facts, 'query'>> &
    Part<'header', ParametersIn<Operation, Facts, 'header'>> & { signal?: AbortSignal }
>;

type Call<Operation, Facts> =
  {} extends InputFor<Operation, Facts>
    ? (input?: InputFor<Operation, Facts>) => Promise<ApiResult<ResponsesOf<Operation>>>
    : (input: InputFor<Operation, Facts>) => Promise<ApiResult<ResponsesOf<Operation>>>;
type ResponsesOf<Operation> = Operation extends { responses: infer Responses } ? Responses : never;

/** One function per operationId of the generated operations, typed from `paths`. */
export type ClientFor<Paths, Operations extends Record<string, OperationFacts>> = {
  [Id in keyof Operations]: Call<OperationType<Paths, Operations[Id]>, Operations[Id]>;
};

/** What a call gets before its types are applied: the shape every `ApiResult` has. */
type Outcome =
  | { ok: true; status: number; data: unknown }
  | { ok: false; kind: 'error'; status: number; error: unknown }
  | TransportFailure;

interface LooseInput {
  body?: unknown;
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  header?: Record<string, unknown>;
  signal?: AbortSignal;
}

type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';
/** openapi-fetch's view of any operation: the types that matter are checked by ClientFor, not here. */
type AnyPaths = Record<
  string,
  Record<
    HttpMethod,
    {
      parameters: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, unknown> };
      requestBody?: { content: { 'application/json': unknown } };
      responses: Record<number, unknown>;
    }
  >
>;

export function createClientFor<Paths, Operations extends Record<string, OperationFacts>>(
  api: GeneratedApi<Operations>,
  options: ClientOptionsFor<Operations>,
): ClientFor<Paths, Operations> {
  const transport = createFetchClient<AnyPaths>({ fetch: options.fetch });
  const secrets: Record<string, unknown> = options;
  const functions = Object.entries(api.operations).map(([operationId, facts]) => {
    const baseUrl = operationServerUrl(options.baseUrl, api.servers, facts.servers);
    const alternative = facts.security.find((a) => a.some((c) => c.scheme === options.auth)) ?? facts.security[0];
    const sent = [...(alternative ?? []), ...facts.credentials];
    const call = (input: LooseInput = {}): Promise<Outcome> =>
      settle(facts.statuses, () => {
        const params = { path: { ...input.path }, query: { ...input.query }, header: { ...input.header } };
        for (const credential of sent) {
          const secret = secrets[credential.key];
          if (typeof secret !== 'string') continue; // not given: the server gives its documented answer
          params[credential.in][credential.name] = credential.value.replace(placeholder(credential.key), () => secret);
        }
        return transport.request(LOWER_CASE[facts.method], facts.path, {
          baseUrl,
          params,
          body: input.body,
          parseAs: 'text',
          signal: input.signal,
        });
      });
    return [operationId, call] as const;
  });
  // The one unchecked step: the functions are built from run-time facts, their types from the same document's
  // `paths`; scripts/generate.ts writes both from one bundle, and the tests call each through its type.
  return Object.fromEntries(functions) as ClientFor<Paths, Operations>;
}

const LOWER_CASE: Record<Uppercase<HttpMethod>, HttpMethod> = {
  GET: 'get',
  PUT: 'put',
  POST: 'post',
  DELETE: 'delete',
  OPTIONS: 'options',
  HEAD: 'head',
  PATCH: 'patch',
  TRACE: 'trace',
};

async function settle(
  documented: readonly number[],
  send: () => Promise<{ response: Response; data?: unknown; error?: unknown }>,
): Promise<Outcome> {
  let outcome: Awaited<ReturnType<typeof send>>;
  try {
    outcome = await send();
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, kind: 'network', message: `request failed: ${message}`, cause };
  }
  const { response } = outcome;
  const text = String(
    outcome.data ?? (typeof outcome.error === 'string' ? outcome.error : JSON.stringify(outcome.error ?? '')),
  );
  const undocumented = (message: string): Outcome => ({
    ok: false,
    kind: 'undocumented',
    status: response.status,
    message,
    body: text,
  });
  if (!documented.includes(response.status)) return undocumented(`status ${response.status} is not documented`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undocumented(`status ${response.status} came with a body that is not JSON`);
  }
  return response.ok
    ? { ok: true, status: response.status, data: body }
    : { ok: false, kind: 'error', status: response.status, error: body };
}
