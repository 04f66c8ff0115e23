// Checks the token the way the document's security schemes describe: the first alternative whose credentials are
// all present decides, and a present credential must be the one known token.
import type { HttpSecurityScheme, IHttpOperation } from '@stoplight/types';
import type { MockRequest } from './types.ts';

export type CredentialsVerdict = 'accepted' | 'credentials-missing' | 'credentials-rejected';

export function checkCredentials(
  operation: IHttpOperation,
  request: MockRequest,
  knownToken: string,
): CredentialsVerdict {
  const alternatives = operation.security ?? [];
  if (alternatives.length === 0) return 'accepted';
  for (const requirement of alternatives) {
    if (requirement.length === 0) return 'accepted';
    const presented = requirement.map((scheme) => credentialOf(scheme, request));
    if (presented.every((value) => value !== undefined)) {
      return presented.every((value) => value === knownToken) ? 'accepted' : 'credentials-rejected';
    }
  }
  return 'credentials-missing';
}

function credentialOf(scheme: HttpSecurityScheme, request: MockRequest): string | undefined {
  if (scheme.type === 'apiKey') {
    const raw =
      scheme.in === 'query'
        ? request.query[scheme.name]
        : scheme.in === 'header'
          ? request.headers[scheme.name.toLowerCase()]
          : undefined;
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    return value ? value : undefined;
  }
  if (scheme.type === 'http' && scheme.scheme.toLowerCase() === 'bearer') {
    // RFC 7235: the scheme word is case-insensitive; "Bearer" with no token is no credential at all.
    return request.headers.authorization?.match(/^bearer[ \t]+(\S+)[ \t]*$/i)?.[1];
  }
  return undefined;
}
