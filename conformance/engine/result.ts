// What grading a case gives: the findings of the checks, and the case's outcome. Reports and the CLI read these;
// the runner (run/) makes them.
import type { Case, CaseRequest } from './case.ts';

/** What one check found in one answer. */
export interface Finding {
  passed: boolean;
  expected: string;
  actual: string;
  /** What the server must change, in a sentence. */
  fix: string;
}

/** A finding of a named check, as results keep it: secrets blanked, values cut to length. */
export interface CheckResult extends Finding {
  check: string;
  /** The case's other findings follow from this one when it comes first (no answer, a wrong status). */
  explainsTheRest: boolean;
}

/** `error`: the suite itself failed on the case (a bug of ours, never the server's fault). */
export type Outcome = 'passed' | 'failed' | 'inapplicable' | 'error';

export interface CaseResult {
  testCase: Case;
  outcome: Outcome;
  passed: boolean;
  status?: number;
  ms: number;
  /** The failed checks: the first is the root cause, and the others follow from it when it `explainsTheRest`. */
  failures: CheckResult[];
  /** Why the case could not be sent as meant, what its prelude answered, or how a generated case failed. */
  note?: string;
  /** For a generated case that failed: the smallest request found that still fails (it replaces `request`). */
  sent?: CaseRequest;
}
