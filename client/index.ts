// The client of this API: the generic client of core.ts bound to what `npm run generate` made from openapi/, so
// an operation, parameter or answer the document adds or changes shows up here as a type change, not as a
// surprise at run time.
import { operations, servers } from '../generated/operations.ts';
import type { components, paths } from '../generated/schema.d.ts';
import { createClientFor, type ClientFor, type ClientOptionsFor } from './core.ts';

export type { ApiResult, TransportFailure } from './core.ts';

type Operations = typeof operations;
export type OperationId = keyof Operations;
export type Schemas = components['schemas'];
export type ClientOptions = ClientOptionsFor<Operations>;
/** The security scheme the token is sent by: `accessToken` (x-access-token) or `bearerToken` (Bearer). */
export type AuthStyle = NonNullable<ClientOptions['auth']>;
export type Client = ClientFor<paths, Operations>;
/** The argument of an operation's function: `InputOf<'getPackagingOrderDetails'>['query']`. */
export type InputOf<Id extends OperationId> = NonNullable<Parameters<Client[Id]>[0]>;
/** What an operation's function resolves to: `ResultOf<'createPackagingOrder'>`. */
export type ResultOf<Id extends OperationId> = Awaited<ReturnType<Client[Id]>>;

export function createClient(options: ClientOptions): Client {
  return createClientFor<paths, Operations>({ servers, operations }, options);
}
