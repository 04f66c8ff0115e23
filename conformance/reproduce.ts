// The cURL lines that reproduce a case: its prelude's requests, then its own, each secret and near-miss of one
// written as a shell expansion of the credential's variable, never as the value itself.
import type { Credential } from '../lib/credentials.ts';
import { curlFor, shellValuesOf, type ShellValues } from '../lib/curl.ts';
import type { Case, CaseRequest } from './case.ts';
import { nearMissOf, type NearMiss } from './placeholders.ts';

/** How each near-miss is written in a POSIX shell (bash for the case swap). */
const NEAR_MISS_SHELL: Record<NearMiss, (variable: string) => string> = {
  append: (v) => `\${${v}}0`,
  'drop-last': (v) => `\${${v}%?}`,
  'change-last': (v) => `\${${v}%?}X`,
  'change-first': (v) => `X\${${v}#?}`,
  'swap-case': (v) => `\${${v}~~}`,
};

export function reproduce(
  testCase: Case,
  baseUrlFor: (operationId: string) => string,
  credentials: Credential[],
): string[] {
  const values = valuesFor(credentials);
  const steps = testCase.prelude ?? [];
  const line = (operationId: string, request: CaseRequest) =>
    curlFor(baseUrlFor(operationId), request, linked(request, values), { showHeaders: true });
  return [
    ...steps.map((step) => line(step.operationId, step.request)),
    ...(steps.length > 0 && /\{\{\$response/.test(JSON.stringify(testCase.request))
      ? ['# LINKED: the value the answer above holds at the pointer named in the next line']
      : []),
    line(testCase.operationId, testCase.request),
  ];
}

function valuesFor(credentials: Credential[]): ShellValues {
  const values = shellValuesOf(credentials);
  for (const credential of credentials) {
    for (const [miss, write] of Object.entries(NEAR_MISS_SHELL))
      values.set(nearMissOf(credential.key, miss as NearMiss), write(credential.env));
  }
  return values;
}

/** Link expressions (`{{$response.body#/data/order_id}}`) become `$LINKED`, set from the earlier answer. */
function linked(request: CaseRequest, values: ShellValues): ShellValues {
  const found = JSON.stringify(request).match(/\{\{\$response\.body#[^{}]*\}\}/g) ?? [];
  return new Map([...values, ...found.map((mark) => [mark, '${LINKED}'] as [string, string])]);
}
