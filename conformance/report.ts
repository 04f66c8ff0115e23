// Turns results into what a vendor reads: a console summary with a score per area, and JUnit, JSON and HTML
// files their CI can keep. Nothing here sees the token: results are redacted and cURL lines use $TOKEN.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Area } from './case.ts';
import type { CaseResult } from './runner.ts';

export type ReportFormat = 'junit' | 'json' | 'html';
export const REPORT_FORMATS: ReportFormat[] = ['junit', 'json', 'html'];

export interface AreaScore {
  area: Area;
  passed: number;
  total: number;
}

export function scores(results: CaseResult[]): AreaScore[] {
  const byArea = new Map<Area, AreaScore>();
  for (const { testCase, passed } of results) {
    const score = byArea.get(testCase.area) ?? { area: testCase.area, passed: 0, total: 0 };
    score.total++;
    if (passed) score.passed++;
    byArea.set(testCase.area, score);
  }
  return [...byArea.values()];
}

export function describeFailure(result: CaseResult): string {
  const lines = [`✗ ${result.testCase.id}: ${result.testCase.title}`, `    rule:     ${result.testCase.rule}`];
  for (const failure of result.failures) {
    lines.push(`    ${failure.check}`, `      expected ${failure.expected}`, `      actual   ${failure.actual}`);
  }
  lines.push(`    reproduce: ${result.curl}`);
  return lines.join('\n');
}

export function summary(results: CaseResult[], wallMs: number): string {
  const total = results.filter((r) => r.passed).length;
  const rows = scores(results).map(
    ({ area, passed, total: count }) =>
      `  ${area.padEnd(12)} ${String(passed).padStart(4)} / ${count}${passed === count ? '' : '  ✗'}`,
  );
  const verdict = total === results.length ? 'CONFORMANT' : 'NOT CONFORMANT';
  return [
    `Score by area (cases passed / cases):`,
    ...rows,
    `  ${'total'.padEnd(12)} ${String(total).padStart(4)} / ${results.length}`,
    `${verdict}: ${total} of ${results.length} cases as documented, in ${(wallMs / 1000).toFixed(2)} s`,
  ].join('\n');
}

export function writeReports(
  results: CaseResult[],
  formats: ReportFormat[],
  directory: string,
  meta: { baseUrl: string; wallMs: number },
): string[] {
  mkdirSync(directory, { recursive: true });
  const written: string[] = [];
  const write = (name: string, content: string) => {
    const path = join(directory, name);
    writeFileSync(path, content);
    written.push(path);
  };
  if (formats.includes('json')) write('conformance.json', JSON.stringify(jsonReport(results, meta), null, 2));
  if (formats.includes('junit')) write('conformance.junit.xml', junitReport(results, meta.wallMs));
  if (formats.includes('html')) write('conformance.html', htmlReport(results, meta));
  return written;
}

function jsonReport(results: CaseResult[], meta: { baseUrl: string; wallMs: number }) {
  return {
    baseUrl: meta.baseUrl,
    conformant: results.every((r) => r.passed),
    passed: results.filter((r) => r.passed).length,
    total: results.length,
    wallMs: meta.wallMs,
    areas: scores(results),
    cases: results.map((r) => ({
      id: r.testCase.id,
      area: r.testCase.area,
      title: r.testCase.title,
      rule: r.testCase.rule,
      passed: r.passed,
      expectedStatus: r.testCase.expect.status,
      status: r.status ?? null,
      ms: r.ms,
      failures: r.failures,
      curl: r.curl,
    })),
  };
}

function junitReport(results: CaseResult[], wallMs: number): string {
  const suites = scores(results).map(({ area, passed, total }) => {
    const cases = results
      .filter((r) => r.testCase.area === area)
      .map((r) => {
        const open = `    <testcase classname="${xml(area)}" name="${xml(`${r.testCase.id}: ${r.testCase.title}`)}" time="${(r.ms / 1000).toFixed(3)}"`;
        if (r.passed) return `${open}/>`;
        const message = r.failures.map((f) => `${f.check}: expected ${f.expected}, actual ${f.actual}`).join('; ');
        return `${open}>\n      <failure message="${xml(message)}">${xml(describeFailure(r))}</failure>\n    </testcase>`;
      });
    return `  <testsuite name="${xml(area)}" tests="${total}" failures="${total - passed}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const failures = results.filter((r) => !r.passed).length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="conformance" tests="${results.length}" failures="${failures}" time="${(wallMs / 1000).toFixed(3)}">\n${suites.join('\n')}\n</testsuites>\n`;
}

function htmlReport(results: CaseResult[], meta: { baseUrl: string; wallMs: number }): string {
  const rows = results.map(
    (r) => `<tr class="${r.passed ? 'pass' : 'fail'}"><td>${r.passed ? '✓' : '✗'}</td><td>${html(r.testCase.area)}</td>
<td><b>${html(r.testCase.id)}</b><br>${html(r.testCase.title)}<br><code>${html(r.testCase.rule)}</code></td><td>${r.testCase.expect.status}</td><td>${r.status ?? '—'}</td>
<td>${r.failures.map((f) => `<div><b>${html(f.check)}</b><br>expected ${html(f.expected)}<br>actual ${html(f.actual)}</div>`).join('')}${r.passed ? '' : `<pre>${html(r.curl)}</pre>`}</td></tr>`,
  );
  const areaRows = scores(results)
    .map((s) => `<li>${html(s.area)}: ${s.passed} / ${s.total}</li>`)
    .join('');
  return `<!doctype html><meta charset="utf-8"><title>Conformance report</title>
<style>body{font:14px system-ui;margin:2em}table{border-collapse:collapse}td{border:1px solid #ccc;padding:4px;vertical-align:top}
.fail{background:#fdecec}.pass td:first-child{color:green}pre{white-space:pre-wrap;max-width:60em}</style>
<h1>Conformance of ${html(meta.baseUrl)}</h1><p>${results.filter((r) => r.passed).length} of ${results.length} cases as documented, in ${(meta.wallMs / 1000).toFixed(2)} s.</p>
<ul>${areaRows}</ul><table><tr><th></th><th>area</th><th>case and rule</th><th>expected</th><th>got</th><th>findings</th></tr>${rows.join('\n')}</table>\n`;
}

function xml(text: string): string {
  return text
    .replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

const html = xml;
