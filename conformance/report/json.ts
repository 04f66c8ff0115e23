// The JSON report: the same header, verdict and findings as the other reports, for machines. Its shape is
// published as conformance/report.schema.json (tests validate every report against it), and `reportVersion` only
// changes when a field a reader relies on changes.
import {
  EXIT_CODES,
  failuresByRule,
  notRun,
  result,
  rootCause,
  scores,
  verdict,
  type Reproduction,
  type RunInfo,
} from './report.ts';
import type { CaseResult, CheckResult } from '../engine/result.ts';

/** The `$id` of conformance/report.schema.json, written as `$schema` into every report. */
export const REPORT_SCHEMA_ID = 'urn:movilitas:conformance-report:1';

export function jsonReport(results: CaseResult[], info: RunInfo, reproduction: Reproduction) {
  const finding = ({ check, expected, actual, fix }: CheckResult) => ({ check, expected, actual, fix });
  const outcome = result(results, info);
  return {
    $schema: REPORT_SCHEMA_ID,
    reportVersion: 1,
    verdict: verdict(results, info),
    result: outcome,
    exitCode: EXIT_CODES[outcome],
    conformant: outcome === 'conformant' || outcome === 'conformant-in-part',
    complete: notRun(info) === 0 && info.stopped === undefined,
    date: info.date,
    tool: info.tool,
    contract: info.contract,
    target: info.target,
    options: info.options,
    notSelected: info.notSelected,
    withheld: info.withheld,
    catalogueSize: info.catalogueSize,
    wallMs: info.wallMs,
    ...(info.stopped !== undefined ? { stopped: info.stopped } : {}),
    totals: {
      run: results.length,
      passed: results.filter((r) => r.outcome === 'passed').length,
      failed: results.filter((r) => r.outcome === 'failed').length,
      inapplicable: results.filter((r) => r.outcome === 'inapplicable').length,
      errors: results.filter((r) => r.outcome === 'error').length,
    },
    families: scores(results),
    failuresByRule: failuresByRule(results).map(([rule, group]) => ({ rule, cases: group.map((r) => r.testCase.id) })),
    cases: results.map((r) => {
      const { root, folded, others } = rootCause(r);
      return {
        id: r.testCase.id,
        family: r.testCase.family,
        operationId: r.testCase.operationId,
        title: r.testCase.title,
        rule: r.testCase.rule,
        outcome: r.outcome,
        expectedStatus: r.testCase.expect.status,
        status: r.status ?? null,
        ms: r.ms,
        ...(r.note ? { note: r.note } : {}),
        ...(root
          ? { rootCause: finding(root), consequences: folded.map(finding), otherFindings: others.map(finding) }
          : {}),
        ...(r.outcome === 'failed' ? { reproduce: reproduction.curl(r) } : {}),
      };
    }),
  };
}

/**
 * The report as text. JSON.stringify already escapes C0 controls; DEL, the C1 controls, bidi overrides and the
 * line separators are escaped too (`\u009b`), so that `cat conformance.json` cannot drive a terminal either.
 */
export function jsonReportText(results: CaseResult[], info: RunInfo, reproduction: Reproduction): string {
  const text = JSON.stringify(jsonReport(results, info, reproduction), null, 2);
  return `${text.replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
