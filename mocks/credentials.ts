// Checks the token the way the document's security describes it: the first alternative whose credentials are
// all present decides, and a present credential must be a token the mock knows.
import type { Operation } from '../lib/contract.ts';
import { presented } from '../lib/security.ts';
import type { MockRequest } from './types.ts';

export type CredentialsVerdict = 'accepted' | 'credentials-missing' | 'credentials-rejected';

/**
 * The tokens of the first alternative of the operation's security whose credentials the request all presents: none
 * (`[]`) where an alternative needs none, undefined when the request presents no alternative whole.
 */
export function presentedTokens(operation: Operation, request: MockRequest): string[] | undefined {
  if (operation.security.length === 0) return [];
  for (const alternative of operation.security) {
    const values = alternative.map((scheme) => presented(scheme, request.headers, request.query));
    if (values.every((value) => value !== undefined)) return values as string[];
  }
  return undefined;
}

export function checkCredentials(
  operation: Operation,
  request: MockRequest,
  knows: (token: string) => boolean,
): CredentialsVerdict {
  const tokens = presentedTokens(operation, request);
  if (tokens === undefined) return 'credentials-missing';
  return tokens.every(knows) ? 'accepted' : 'credentials-rejected';
}
