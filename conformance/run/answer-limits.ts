// How much of an answer the suite reads. Every answer of the document is small but one: a list it sets no bound on
// (an `x-resource` list whose array has no `maxItems`) holds every item the server has in it, and the suite adds
// items on every run. On a server that lives for weeks such a list outgrows the 1 MiB that is generous for any other
// answer, and calling it a departure would fail a conformant server. A list the document leaves unbounded is read
// up to a larger limit; an answer over even that is not judged (the document allows it), and the case says why.
import type { Contract } from '../../lib/contract.ts';
import { listBound } from '../../lib/lifecycle.ts';
import { DEFAULT_JSON_LIMITS } from './http/parse-json.ts';
import { DEFAULT_LIMITS } from './http/read-response.ts';

export interface AnswerLimits {
  /** Body bytes read, after decompression. */
  maxBodyBytes: number;
  /** JSON values parsed at most (run/http/parse-json.ts). */
  maxNodes: number;
  /** The document sets no bound on this answer's length: over the limits, it is not judged. */
  unbounded: boolean;
}

export const ANSWER_LIMITS: AnswerLimits = {
  maxBodyBytes: DEFAULT_LIMITS.maxBodyBytes,
  maxNodes: DEFAULT_JSON_LIMITS.maxNodes,
  unbounded: false,
};

/**
 * 8 MiB and 500,000 values: about 25,000 orders, the leftovers of some 70 full runs, while four such answers in
 * flight at once stay within a few hundred MB of heap.
 */
export const UNBOUNDED_LIST_LIMITS: AnswerLimits = {
  maxBodyBytes: 8 * 1024 * 1024,
  maxNodes: 500_000,
  unbounded: true,
};

/** The limits an operation's answer is read within. */
export function answerLimits(contract: Contract, operationId: string): AnswerLimits {
  const operation = contract.operations.find((op) => op.operationId === operationId);
  const unbounded = operation?.resource?.action === 'list' && listBound(contract, operation) === undefined;
  return unbounded ? UNBOUNDED_LIST_LIMITS : ANSWER_LIMITS;
}

/** Why a case whose unbounded list went past the limits is not judged, and what the vendor can do. */
export function unjudgedNote(operationId: string, overLimit: string, limits: AnswerLimits): string {
  const mib = limits.maxBodyBytes / (1024 * 1024);
  return `not judged: the answer of ${operationId} is longer than the suite reads (${overLimit}; it reads ${mib} MiB and ${limits.maxNodes.toLocaleString('en-US')} values of a list). The document sets no bound on this list, so its length is no departure; judge it on a server that holds fewer items`;
}
