// Which tenant a request acts for, where no token says it: a server with several tenants (the mock, the reference
// server) knows each tenant's credentials, and a request without a token (the Authentication request) is named by
// the first credential value it carries — a parameter marked `x-credential`, else a body property so marked (the API
// key). Every other credential it carries must then be that tenant's too.
import type { Operation } from './contract.ts';
import { credentialKey } from './credentials.ts';
import { isObject, type Json } from './json.ts';
import { parameterValue, type RequestParts } from './parameters.ts';

/** A credential value a request carries, by credential key (`apiKey`). */
export interface CredentialSent {
  key: string;
  value: string;
}

/**
 * The first credential value a request carries outside the token: a parameter, else the body (read only when the
 * operation has body credentials, so that no body is parsed for nothing). Undefined when it carries none.
 */
export function firstCredentialSent(
  operation: Operation,
  request: RequestParts,
  body: () => Json | undefined,
): CredentialSent | undefined {
  for (const parameter of operation.parameters.filter((p) => p.credential)) {
    const value = parameterValue(parameter, operation.path, request);
    if (value !== undefined) return { key: credentialKey(parameter.name), value };
  }
  const names = operation.requestBody?.credentials ?? [];
  const sent = names.length > 0 ? body() : undefined;
  for (const name of names) {
    const value = isObject(sent) ? sent[name] : undefined;
    if (typeof value === 'string') return { key: credentialKey(name), value };
  }
  return undefined;
}
