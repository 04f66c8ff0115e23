// The cURL lines that reproduce a case: its prelude's requests, then its own, each secret and near-miss of one
// written as a shell expansion of the credential's variable, never as the value itself.
import type { Credential } from '../../lib/credentials.ts';
import { curlFor, shellValuesOf, type ShellValues } from '../../lib/curl.ts';
import type { Case, CaseRequest } from '../engine/case.ts';
import { nearMissOf, type NearMiss } from '../engine/placeholders.ts';

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
  const links = linksOf(testCase.request);
  const line = (operationId: string, request: CaseRequest) =>
    curlFor(baseUrlFor(operationId), request, withLinks(values, links), { showHeaders: true });
  // The runner takes a linked value from the answer to the last earlier request: the line just above the case's.
  const last = steps.at(-1);
  return [
    ...steps.map((step) => line(step.operationId, step.request)),
    ...(last
      ? links.map(
          (l) =>
            `# ${l.variable}: the value at ${l.pointer} in the answer to the ${last.operationId} request just above`,
        )
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

/** A link expression of a request, and the shell variable that stands for the value it takes from an answer. */
interface Link {
  /** `{{$response.body#/data/order_id}}` */
  mark: string;
  /** `/data/order_id` */
  pointer: string;
  /** `LINKED`; a second pointer's `LINKED_2`, and so on. */
  variable: string;
}

/** Each link expression written as `${LINKED}`, set by hand from the earlier answer. */
function withLinks(values: ShellValues, links: Link[]): ShellValues {
  return new Map([...values, ...links.map((link): [string, string] => [link.mark, `\${${link.variable}}`])]);
}

function linksOf(request: CaseRequest): Link[] {
  const marks = new Set(JSON.stringify(request).match(/\{\{\$response\.body#[^{}]*\}\}/g));
  return [...marks].map((mark, i) => ({
    mark,
    pointer: mark.slice('{{$response.body#'.length, -'}}'.length),
    variable: i === 0 ? 'LINKED' : `LINKED_${i + 1}`,
  }));
}
