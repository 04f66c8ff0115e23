// The mock's tenants: the first, from the credentials it is started with, and a second one when it is given one, so
// that a client can see that one tenant never meets another's items. Each tenant has its own store and its own
// tokens (its static one, and those the Authentication request issued to it). A request acts for the tenant its token
// names; a request without a token (the Authentication request) for the tenant whose credential it carries first
// (the API key). Every other credential it carries must then be that tenant's: another tenant's channel key is as
// unknown as a made-up one.
import type { Operation } from '../lib/contract.ts';
import { TOKEN, type Secrets } from '../lib/credentials.ts';
import type { Json } from '../lib/json.ts';
import { firstCredentialSent } from '../lib/tenancy.ts';
import { presentedTokens } from './credentials.ts';
import { createStore, type ListView, type Store } from './store.ts';
import { createTokens, type Tokens } from './tokens.ts';
import type { MockRequest } from './types.ts';

export interface Tenant {
  name: 'first' | 'second';
  /** Its values, by credential key (lib/credentials.ts): `{ token, channelKey, apiKey, apiSecret }`. */
  secrets: Secrets;
  store: Store;
  tokens: Tokens;
}

export interface Tenants {
  all: Tenant[];
  /** Whether a token is one of a tenant's. */
  knows(token: string): boolean;
  /** The tenant a request acts for; the first when its credentials name none (the checks refuse it then). */
  of(operation: Operation, request: MockRequest, body: () => Json | undefined): Tenant;
  /** Forgets every tenant's items and issued tokens. */
  reset(): void;
}

export interface TenantSettings {
  credentials: Secrets;
  /** The second tenant's values, by the first tenant's keys. */
  secondTenant?: Secrets;
  /** The lists the document declares (store.ts). */
  views: ListView[];
  maxItems?: number;
}

export function createTenants({ credentials, secondTenant, views, maxItems }: TenantSettings): Tenants {
  const tenantOf = (name: Tenant['name'], secrets: Secrets): Tenant => ({
    name,
    secrets,
    store: createStore(views, maxItems),
    tokens: createTokens(secrets[TOKEN] ? [secrets[TOKEN]] : []),
  });
  const all = [tenantOf('first', credentials)];
  if (secondTenant) all.push(tenantOf('second', { ...secondTenantDefaults(credentials), ...secondTenant }));
  const shared = secondTenant ? sharedKeys(credentials, all[1]!.secrets) : [];
  if (shared.length > 0)
    throw new Error(
      `the second tenant's ${shared.join(', ')} must differ from the first tenant's: a credential names its tenant`,
    );
  const ofToken = (token: string) => all.find((tenant) => tenant.tokens.knows(token));
  return {
    all,
    knows: (token) => ofToken(token) !== undefined,
    of(operation, request, body) {
      const [token] = presentedTokens(operation, request) ?? [];
      const byToken = token === undefined ? undefined : ofToken(token);
      if (byToken) return byToken;
      const named = firstCredentialSent(operation, request, body);
      return (named && all.find((tenant) => tenant.secrets[named.key] === named.value)) ?? all[0]!;
    },
    reset() {
      for (const tenant of all) {
        tenant.store.reset();
        tenant.tokens.forgetIssued();
      }
    },
  };
}

/**
 * A second tenant's value for each credential of the first that it is not given: the first's with `second` before
 * it, clearly another, and as the first's schema would have it (letters and digits stay letters and digits).
 */
export function secondTenantDefaults(first: Secrets): Secrets {
  return Object.fromEntries(
    Object.entries(first).map(([key, value]) => [
      key,
      /^[A-Za-z0-9]+$/.test(value) ? `Second${value}` : `second-${value}`,
    ]),
  );
}

/** The keys whose value two tenants share: such a value could not tell a request's tenant. */
export function sharedKeys(first: Secrets, second: Secrets): string[] {
  return Object.keys(second).filter((key) => first[key] !== undefined && first[key] === second[key]);
}
