// The words of the contract's `x-` vocabulary that code branches on. openapi/extensions.md explains each; the
// Spectral rule `x-error-case-known` in .spectral.yaml lists the same names, and lib/extensions.test.ts keeps the
// two lists equal.

/**
 * Which request gets an error answer (`x-error-case` on an error example). Each names a check that servers make,
 * so a tool can build the request that fails it and know the answer the document gives.
 */
export const ERROR_CASES = [
  'route-not-found',
  'method-not-allowed',
  'body-too-large',
  'credentials-missing',
  'credentials-rejected',
  'credential-invalid',
  'body-unparsable',
  'fields-invalid',
  'resource-exists',
  'resource-not-found',
  'transition-refused',
] as const;

export type ErrorCase = (typeof ERROR_CASES)[number];

export function isErrorCase(value: unknown): value is ErrorCase {
  return typeof value === 'string' && (ERROR_CASES as readonly string[]).includes(value);
}
