// Checks the token the way the document's security describes it: the first alternative whose credentials are
// all present decides, and a present credential must be a token the mock knows.
import type { Operation } from '../lib/contract.ts';
import { presented } from '../lib/security.ts';
import type { MockRequest } from './types.ts';

export type CredentialsVerdict = 'accepted' | 'credentials-missing' | 'credentials-rejected';

export function checkCredentials(
  operation: Operation,
  request: MockRequest,
  knows: (token: string) => boolean,
): CredentialsVerdict {
  if (operation.security.length === 0) return 'accepted';
  for (const alternative of operation.security) {
    if (alternative.length === 0) return 'accepted';
    const values = alternative.map((scheme) => presented(scheme, request.headers, request.query));
    if (values.every((value) => value !== undefined)) {
      return values.every((value) => knows(value!)) ? 'accepted' : 'credentials-rejected';
    }
  }
  return 'credentials-missing';
}
