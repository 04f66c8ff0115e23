// Turns results into what a vendor reads: the verdict and what the run covered first, then the failures grouped
// by the rule they break (each with its root cause, what to fix and a cURL line), then a score per family; and
// JUnit, JSON and HTML files their CI can keep. Results reach here redacted; cURL lines hold shell variables.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FAMILIES, type Family } from './case.ts';
import { ROOT_CAUSES } from './checks.ts';
import type { CaseResult, CheckResult } from './runner.ts';

export type ReportFormat = 'junit' | 'json' | 'html';
export const REPORT_FORMATS: ReportFormat[] = ['junit', 'json', 'html'];

/** What the run was: printed first in every report. */
export interface RunInfo {
  date: string;
  tool: { name: string; version: string };
  contract: { title: string; version: string };
  target: string;
  options: Record<string, string | number | boolean>;
  /** Cases of the catalogue left out by --only/--skip, by family. */
  notSelected: Record<string, number>;
  catalogueSize: number;
  wallMs: number;
}

export interface Reproduction {
  /** cURL lines for each result, by case id. */
  curl(result: CaseResult): string[];
}

export interface FamilyScore {
  family: Family;
  passed: number;
  failed: number;
  inapplicable: number;
}

export function scores(results: CaseResult[]): FamilyScore[] {
  return FAMILIES.map((family) => {
    const of = results.filter((r) => r.testCase.family === family);
    return {
      family,
      passed: of.filter((r) => r.outcome === 'passed').length,
      failed: of.filter((r) => r.outcome === 'failed').length,
      inapplicable: of.filter((r) => r.outcome === 'inapplicable').length,
    };
  }).filter((s) => s.passed + s.failed + s.inapplicable > 0);
}

export function verdict(results: CaseResult[], info: RunInfo): string {
  const failed = results.filter((r) => r.outcome === 'failed').length;
  const left = Object.values(info.notSelected).reduce((a, b) => a + b, 0);
  if (failed > 0) return `NOT CONFORMANT: ${failed} of ${results.length} cases depart from the document`;
  if (left > 0)
    return `CONFORMANT IN PART: all ${results.length} cases run are as documented; ${left} of ${info.catalogueSize} were not run`;
  return `CONFORMANT: all ${results.length} cases as documented`;
}

/** The first failure, and the ones that follow from it when it is a root cause (a wrong status explains the rest). */
export function rootCause(result: CaseResult): { root?: CheckResult; folded: CheckResult[]; others: CheckResult[] } {
  const [root, ...rest] = result.failures;
  if (!root) return { folded: [], others: [] };
  return ROOT_CAUSES.has(root.check) ? { root, folded: rest, others: [] } : { root, folded: [], others: rest };
}

export function describeFailure(result: CaseResult, reproduction: Reproduction): string {
  const { root, folded, others } = rootCause(result);
  const lines = [`✗ ${result.testCase.id}: ${result.testCase.title}`, `    rule:      ${result.testCase.rule}`];
  if (result.note) lines.push(`    note:      ${result.note}`);
  for (const failure of [root, ...others].filter((f): f is CheckResult => f !== undefined)) {
    lines.push(
      `    ${failure.check}`,
      `      expected ${failure.expected}`,
      `      actual   ${failure.actual}`,
      `      fix      ${failure.fix}`,
    );
  }
  if (folded.length)
    lines.push(`    (${folded.length} more finding(s) follow from it: ${folded.map((f) => f.check).join(', ')})`);
  for (const line of reproduction.curl(result)) lines.push(`    reproduce: ${line}`);
  return lines.join('\n');
}

/** The failures, grouped by the rule they break, rules in the order of their first failure. */
export function failuresByRule(results: CaseResult[]): [string, CaseResult[]][] {
  const groups = new Map<string, CaseResult[]>();
  for (const result of results.filter((r) => r.outcome === 'failed')) {
    groups.set(result.testCase.rule, [...(groups.get(result.testCase.rule) ?? []), result]);
  }
  return [...groups];
}

export function header(info: RunInfo): string[] {
  const left = Object.entries(info.notSelected).filter(([, n]) => n > 0);
  return [
    `${info.tool.name} ${info.tool.version} · ${info.contract.title} ${info.contract.version} · ${info.date}`,
    `Target: ${info.target}`,
    `Options: ${
      Object.entries(info.options)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(' ') || '(defaults)'
    }`,
    left.length
      ? `Not run (left out by --only/--skip): ${left.map(([family, n]) => `${family} ${n}`).join(', ')}`
      : 'Every case of the catalogue was selected.',
  ];
}

export function summary(results: CaseResult[], info: RunInfo): string {
  const rows = scores(results).map(
    (s) =>
      `  ${s.family.padEnd(12)} ${String(s.passed).padStart(4)} passed${s.failed ? `, ${s.failed} failed ✗` : ''}${s.inapplicable ? `, ${s.inapplicable} not applicable` : ''}`,
  );
  const inapplicable = results.filter((r) => r.outcome === 'inapplicable');
  return [
    'Score by family:',
    ...rows,
    ...(inapplicable.length
      ? [
          `Not applicable to this server (${inapplicable.length}): ${inapplicable.map((r) => `${r.testCase.id} (${r.note})`).join('; ')}`,
        ]
      : []),
    `${verdict(results, info)}, in ${(info.wallMs / 1000).toFixed(2)} s.`,
  ].join('\n');
}

export function writeReports(
  results: CaseResult[],
  formats: ReportFormat[],
  directory: string,
  info: RunInfo,
  reproduction: Reproduction,
): string[] {
  mkdirSync(directory, { recursive: true });
  const written: string[] = [];
  const write = (name: string, content: string) => {
    const path = join(directory, name);
    writeFileSync(path, content);
    written.push(path);
  };
  if (formats.includes('json'))
    write('conformance.json', `${JSON.stringify(jsonReport(results, info, reproduction), null, 2)}\n`);
  if (formats.includes('junit')) write('conformance.junit.xml', junitReport(results, info, reproduction));
  if (formats.includes('html')) write('conformance.html', htmlReport(results, info, reproduction));
  return written;
}

export function jsonReport(results: CaseResult[], info: RunInfo, reproduction: Reproduction) {
  return {
    $schema: 'https://movilitas.example/contract-kit/conformance-report.schema.json',
    verdict: verdict(results, info),
    conformant: results.every((r) => r.outcome !== 'failed'),
    complete: Object.values(info.notSelected).every((n) => n === 0),
    ...info,
    totals: {
      run: results.length,
      passed: results.filter((r) => r.outcome === 'passed').length,
      failed: results.filter((r) => r.outcome === 'failed').length,
      inapplicable: results.filter((r) => r.outcome === 'inapplicable').length,
    },
    families: scores(results),
    cases: results.map((r) => ({
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
      failures: r.failures,
      ...(r.outcome === 'failed' ? { reproduce: reproduction.curl(r) } : {}),
    })),
  };
}

function junitReport(results: CaseResult[], info: RunInfo, reproduction: Reproduction): string {
  const suites = scores(results).map(({ family, failed, inapplicable }) => {
    const of = results.filter((r) => r.testCase.family === family);
    const cases = of.map((r) => {
      const open = `    <testcase classname="${xml(`${r.testCase.operationId}.${family}`)}" name="${xml(`${r.testCase.id}: ${r.testCase.title}`)}" time="${(r.ms / 1000).toFixed(3)}"`;
      if (r.outcome === 'passed') return `${open}/>`;
      if (r.outcome === 'inapplicable')
        return `${open}>\n      <skipped message="${xml(r.note ?? '')}"/>\n    </testcase>`;
      const { root } = rootCause(r);
      const message = root ? `${root.check}: expected ${root.expected}, actual ${root.actual}` : (r.note ?? 'failed');
      return `${open}>\n      <failure message="${xml(message)}">${xml(describeFailure(r, reproduction))}</failure>\n    </testcase>`;
    });
    return `  <testsuite name="${xml(family)}" tests="${of.length}" failures="${failed}" skipped="${inapplicable}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const failures = results.filter((r) => r.outcome === 'failed').length;
  const properties = header(info)
    .map((line, i) => `    <property name="run.${i}" value="${xml(line)}"/>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(verdict(results, info))}" tests="${results.length}" failures="${failures}" time="${(info.wallMs / 1000).toFixed(3)}">\n  <properties>\n${properties}\n  </properties>\n${suites.join('\n')}\n</testsuites>\n`;
}

function htmlReport(results: CaseResult[], info: RunInfo, reproduction: Reproduction): string {
  const failed = failuresByRule(results).map(([rule, group]) => {
    const items = group.map((r) => {
      const { root, folded, others } = rootCause(r);
      const findings = [root, ...others]
        .filter((f): f is CheckResult => f !== undefined)
        .map(
          (f) =>
            `<dl><dt>${html(f.check)}</dt><dd>expected ${html(f.expected)}</dd><dd>actual ${html(f.actual)}</dd><dd class="fix">fix: ${html(f.fix)}</dd></dl>`,
        )
        .join('');
      const more = folded.length
        ? `<p class="folded">${folded.length} more finding(s) follow from it: ${html(folded.map((f) => f.check).join(', '))}</p>`
        : '';
      return `<article><h3>${html(r.testCase.id)}</h3><p>${html(r.testCase.title)}</p>${r.note ? `<p>${html(r.note)}</p>` : ''}${findings}${more}<pre>${html(reproduction.curl(r).join('\n'))}</pre></article>`;
    });
    return `<section><h2><code>${html(rule)}</code></h2>${items.join('')}</section>`;
  });
  const rows = scores(results)
    .map((s) => `<tr><td>${html(s.family)}</td><td>${s.passed}</td><td>${s.failed}</td><td>${s.inapplicable}</td></tr>`)
    .join('');
  const passedList = results
    .filter((r) => r.outcome !== 'failed')
    .map((r) => `<li>${r.outcome === 'passed' ? '✓' : '–'} ${html(r.testCase.id)}</li>`)
    .join('');
  return `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Conformance report</title>
<style>body{font:14px system-ui,sans-serif;margin:1.5em auto;max-width:1200px;padding:0 1em}h1{font-size:1.4em}
.verdict{font-size:1.2em;font-weight:bold;padding:.5em;border-radius:4px}.bad{background:#fdecec}.good{background:#e7f6e7}
article{border:1px solid #ddd;border-radius:4px;padding:.5em 1em;margin:.5em 0}pre,code,dd{white-space:pre-wrap;overflow-wrap:anywhere;word-break:break-word}
pre{background:#f6f6f6;padding:.5em}dl{margin:.3em 0}dd{margin-left:1em}.fix{color:#064}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px}
details{margin-top:1em}</style>
<h1>Conformance report</h1>
<p class="verdict ${results.some((r) => r.outcome === 'failed') ? 'bad' : 'good'}">${html(verdict(results, info))}</p>
<ul>${header(info)
    .map((line) => `<li>${html(line)}</li>`)
    .join('')}</ul>
${failed.length ? `<h2>Failures, by the rule they break</h2>${failed.join('\n')}` : ''}
<h2>Score by family</h2><table><tr><th>family</th><th>passed</th><th>failed</th><th>not applicable</th></tr>${rows}</table>
<details><summary>Cases that passed or did not apply (${results.length - results.filter((r) => r.outcome === 'failed').length})</summary><ul>${passedList}</ul></details>
</html>\n`;
}

function xml(text: string): string {
  return text
    .replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

const html = xml;
