// Turns results into what a vendor reads: the verdict and what the run covered first, then the failures grouped
// by the rule they break (each with its root cause, what to fix and a cURL line), then a score per family. The
// JUnit, JSON and HTML files their CI can keep are made from the same model (report-files.ts). Results reach
// here with secrets blanked and values cut to length (runner.ts); each format escapes the server's text for where
// it goes, and the CLI escapes what it prints for the terminal.
import { FAMILIES, type Family } from '../engine/case.ts';
import { forTerminal } from './output/safe-text.ts';
import type { CaseResult, CheckResult } from '../engine/result.ts';

/** What the run was: printed first in every report. */
export interface RunInfo {
  date: string;
  tool: { name: string; version: string };
  contract: { title: string; version: string };
  target: string;
  options: Record<string, string | number | boolean>;
  /** Cases of the catalogue left out by --only/--skip (or --generated 0), by family. */
  notSelected: Record<string, number>;
  /** Cases selected but not run, and why (no credentials of a second tenant); each counts as not run. */
  withheld: { reason: string; ids: string[] }[];
  catalogueSize: number;
  wallMs: number;
  /** Why nothing was graded (the preflight's refusal), when the run stopped before the cases. */
  stopped?: string;
}

export interface Reproduction {
  /** The cURL lines that reproduce a result. */
  curl(result: CaseResult): string[];
}

export type Result = 'conformant' | 'conformant-in-part' | 'not-conformant' | 'not-graded' | 'suite-error';

/** The exit code of each result: 0 conformant (in full or in the part run), 1 not conformant, 2 could not judge. */
export const EXIT_CODES: Record<Result, 0 | 1 | 2> = {
  conformant: 0,
  'conformant-in-part': 0,
  'not-conformant': 1,
  'not-graded': 2,
  'suite-error': 2,
};

export interface FamilyScore {
  family: Family;
  passed: number;
  failed: number;
  inapplicable: number;
  errors: number;
}

const count = (results: CaseResult[], outcome: CaseResult['outcome']) =>
  results.filter((r) => r.outcome === outcome).length;

export function scores(results: CaseResult[]): FamilyScore[] {
  return FAMILIES.map((family) => {
    const of = results.filter((r) => r.testCase.family === family);
    return {
      family,
      passed: count(of, 'passed'),
      failed: count(of, 'failed'),
      inapplicable: count(of, 'inapplicable'),
      errors: count(of, 'error'),
    };
  }).filter((s) => s.passed + s.failed + s.inapplicable + s.errors > 0);
}

export function notRun(info: RunInfo): number {
  const withheld = info.withheld.reduce((sum, { ids }) => sum + ids.length, 0);
  return Object.values(info.notSelected).reduce((a, b) => a + b, 0) + withheld;
}

export function result(results: CaseResult[], info: RunInfo): Result {
  if (info.stopped !== undefined) return 'not-graded';
  if (count(results, 'error') > 0) return 'suite-error';
  if (count(results, 'failed') > 0) return 'not-conformant';
  return notRun(info) > 0 ? 'conformant-in-part' : 'conformant';
}

export function verdict(results: CaseResult[], info: RunInfo): string {
  const failed = count(results, 'failed');
  const errors = count(results, 'error');
  const passed = count(results, 'passed');
  const inapplicable = count(results, 'inapplicable');
  const left = notRun(info);
  const part = left > 0 ? `; ${left} of the ${info.catalogueSize} cases of the catalogue were not run` : '';
  // Only the cases that passed are as documented: the ones that could not be sent as meant are not.
  const asDocumented =
    inapplicable > 0
      ? `${passed} of the ${results.length} cases run are as documented, and ${inapplicable} could not be applied to this server`
      : `all ${results.length} cases${left > 0 ? ' run are' : ''} as documented`;
  switch (result(results, info)) {
    case 'not-graded':
      return 'NOT GRADED: the preflight request was refused, so no case was run';
    case 'suite-error':
      return `NOT GRADED IN FULL: the suite itself failed on ${errors} of ${results.length} cases (a bug of the suite, not of the server)${failed ? `; ${failed} cases depart from the document` : ''}${part}`;
    case 'not-conformant':
      return `NOT CONFORMANT: ${failed} of ${results.length} cases depart from the document${part}`;
    case 'conformant-in-part':
      return `CONFORMANT IN PART: ${asDocumented}${part}`;
    case 'conformant':
      return `CONFORMANT: ${asDocumented}`;
  }
}

/** The first failure, and the ones that follow from it when it is a root cause (a wrong status explains the rest). */
export function rootCause(result: CaseResult): { root?: CheckResult; folded: CheckResult[]; others: CheckResult[] } {
  const [root, ...rest] = result.failures;
  if (!root) return { folded: [], others: [] };
  return root.explainsTheRest ? { root, folded: rest, others: [] } : { root, folded: [], others: rest };
}

/** The failures, grouped by the rule they break, rules in the order of their first failure. */
export function failuresByRule(results: CaseResult[]): [string, CaseResult[]][] {
  const groups = new Map<string, CaseResult[]>();
  for (const r of results.filter((r) => r.outcome === 'failed'))
    groups.set(r.testCase.rule, [...(groups.get(r.testCase.rule) ?? []), r]);
  return [...groups];
}

/** What the run was, as `label: value` pairs: the head of every report. */
export function headerFields(info: RunInfo): [string, string][] {
  const left = Object.entries(info.notSelected).filter(([, n]) => n > 0);
  const byOptions = left.length
    ? [`left out by the options: ${left.map(([family, n]) => `${family} ${n}`).join(', ')}`]
    : [];
  const withheld = info.withheld.map(({ reason, ids }) => `${ids.length} not run, ${reason}`);
  const options = Object.entries(info.options).map(([k, v]) => `${k}=${String(v)}`);
  return [
    ['Date', info.date],
    ['Target', info.target],
    ['Contract', `${info.contract.title} ${info.contract.version}`],
    ['Tool', `${info.tool.name} ${info.tool.version}`],
    ['Options', options.join(' ') || '(defaults)'],
    ...(info.stopped === undefined ? [] : [['Stopped', info.stopped] as [string, string]]),
    [
      'Not run',
      notRun(info) > 0
        ? `${notRun(info)} of ${info.catalogueSize} cases: ${[...byOptions, ...withheld].join('; ')}`
        : `none: all ${info.catalogueSize} cases of the catalogue were selected`,
    ],
  ];
}

export function header(info: RunInfo): string[] {
  return headerFields(info).map(([label, value]) => `${`${label}:`.padEnd(9)} ${value}`);
}

/**
 * One failing case for the terminal. Every value that may hold the server's text is kept on one line (a line feed
 * shown as `\n`), so that a server cannot start a line of its own, such as a verdict.
 */
export function describeFailure(result: CaseResult, reproduction: Reproduction): string {
  const { root, folded, others } = rootCause(result);
  const line = (text: string) => forTerminal(text);
  const lines = [`✗ ${result.testCase.id}: ${result.testCase.title}`];
  if (result.note) lines.push(`    note:      ${line(result.note)}`);
  for (const failure of [root, ...others].filter((f): f is CheckResult => f !== undefined)) {
    lines.push(
      `    ${failure.check}`,
      `      expected ${line(failure.expected)}`,
      `      actual   ${line(failure.actual)}`,
      `      fix      ${line(failure.fix)}`,
    );
  }
  if (folded.length)
    lines.push(`    (${folded.length} more finding(s) follow from it: ${folded.map((f) => f.check).join(', ')})`);
  for (const curl of reproduction.curl(result)) lines.push(`    reproduce: ${line(curl)}`);
  return lines.join('\n');
}

/** Cases of one rule printed in full on the terminal; the reports hold them all. */
const PRINTED_PER_RULE = 3;

/** The failures for the terminal, grouped by rule: the first few cases of each in full, a count for the rest. */
export function failureText(results: CaseResult[], reproduction: Reproduction): string {
  const groups = failuresByRule(results);
  if (groups.length === 0) return '';
  const blocks = groups.map(([rule, group]) => {
    const shown = group.slice(0, PRINTED_PER_RULE).map((r) => describeFailure(r, reproduction));
    const more = group.length - shown.length;
    const tail = more > 0 ? [`  … and ${more} more case(s) of this rule: see the reports, or --only '${rule}'`] : [];
    return [`rule ${rule} (${group.length} case(s))`, ...shown, ...tail].join('\n');
  });
  return `Failing cases, by the rule they break (${count(results, 'failed')} cases, ${groups.length} rules):\n\n${blocks.join('\n\n')}`;
}

export function summary(results: CaseResult[], info: RunInfo): string {
  const rows = scores(results).map(
    (s) =>
      `  ${s.family.padEnd(12)} ${String(s.passed).padStart(4)} passed${s.failed ? `, ${s.failed} failed ✗` : ''}${s.inapplicable ? `, ${s.inapplicable} not applicable` : ''}${s.errors ? `, ${s.errors} not graded (suite error)` : ''}`,
  );
  const aside = (outcome: CaseResult['outcome'], label: string) => {
    const of = results.filter((r) => r.outcome === outcome);
    const each = of.map((r) => `${r.testCase.id} (${forTerminal(r.note ?? '')})`);
    return of.length ? [`${label} (${of.length}): ${each.join('; ')}`] : [];
  };
  return [
    ...(rows.length ? ['Score by family:', ...rows] : []),
    ...aside('inapplicable', 'Not applicable to this server'),
    ...aside('error', 'Not graded, the suite failed'),
    ...info.withheld.map(({ reason, ids }) => `Not run, ${reason} (${ids.length}): ${ids.join(', ')}`),
    `${verdict(results, info)}, in ${(info.wallMs / 1000).toFixed(2)} s.`,
  ].join('\n');
}
