// The HTML report, for a person: the verdict and what was run first, then the failures grouped by rule (root
// cause, what to fix, cURL), then the scores, then what passed. Every text goes through forHtml; the page carries no
// script, and its columns and cURL lines wrap, so it reads at 1280 px (and on a phone) without scrolling sideways.
import { forHtml } from './output/safe-text.ts';
import {
  failuresByRule,
  headerFields,
  result,
  rootCause,
  scores,
  verdict,
  type Reproduction,
  type Result,
  type RunInfo,
} from './report.ts';
import type { CaseResult, CheckResult } from '../engine/result.ts';

const STYLE = `*{box-sizing:border-box}
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em auto;max-width:1200px;padding:0 1em;overflow-wrap:anywhere}
h1{font-size:1.4em}h2{font-size:1.2em;margin-top:1.5em}h3{font-size:1.05em}h4{margin:.2em 0}
.verdict{font-size:1.15em;font-weight:bold;padding:.5em .8em;border-radius:4px}
.good{background:#e7f6e7}.part{background:#fff6d6}.bad{background:#fdecec}
table{border-collapse:collapse;max-width:100%}td,th{border:1px solid #ccc;padding:2px 8px;text-align:left;vertical-align:top}
table.run th{white-space:nowrap}
article{border:1px solid #ddd;border-radius:4px;padding:.5em 1em;margin:.5em 0}
dl.finding{display:grid;grid-template-columns:6em minmax(0,1fr);gap:.1em .8em;margin:.4em 0}
dl.finding dt{font-weight:bold;grid-column:1/-1}dl.finding dd{margin:0}
pre,code,dd{white-space:pre-wrap;overflow-wrap:anywhere;word-break:break-word}
pre{background:#f6f6f6;padding:.5em;margin:.4em 0}
.folded{color:#555}.fix{color:#064}details{margin-top:1em}`;

const TONES: Record<Result, string> = {
  conformant: 'good',
  'conformant-in-part': 'part',
  'not-conformant': 'bad',
  'not-graded': 'bad',
  'suite-error': 'bad',
};

export function htmlReport(results: CaseResult[], info: RunInfo, reproduction: Reproduction): string {
  const tone = TONES[result(results, info)];
  const run = headerFields(info)
    .map(([label, value]) => `<tr><th>${forHtml(label)}</th><td>${forHtml(value)}</td></tr>`)
    .join('');
  const groups = failuresByRule(results);
  const failures = groups.map(
    ([rule, group]) =>
      `<section><h3>Rule <code>${forHtml(rule)}</code>: ${group.length} case(s)</h3>${group.map((r) => failedCase(r, reproduction)).join('')}</section>`,
  );
  const rows = scores(results)
    .map(
      (s) =>
        `<tr><td>${forHtml(s.family)}</td><td>${s.passed}</td><td>${s.failed}</td><td>${s.inapplicable}</td><td>${s.errors}</td></tr>`,
    )
    .join('');
  const others = results.filter((r) => r.outcome !== 'failed');
  const mark = { passed: '✓', inapplicable: '–', error: '!', failed: '✗' };
  const otherList = others
    .map((r) => `<li>${mark[r.outcome]} ${forHtml(r.testCase.id)}${r.note ? `: ${forHtml(r.note)}` : ''}</li>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Conformance report: ${forHtml(info.contract.title)} ${forHtml(info.contract.version)}</title>
<style>${STYLE}</style></head><body>
<h1>Conformance report: ${forHtml(info.contract.title)} ${forHtml(info.contract.version)}</h1>
<p class="verdict ${tone}">${forHtml(verdict(results, info))}</p>
<table class="run">${run}</table>
${failures.length ? `<h2>Failures, by the rule they break (${results.filter((r) => r.outcome === 'failed').length} cases, ${groups.length} rules)</h2>\n${failures.join('\n')}` : ''}
${rows ? `<h2>Score by family</h2><table><tr><th>family</th><th>passed</th><th>failed</th><th>not applicable</th><th>suite error</th></tr>${rows}</table>` : ''}
${others.length ? `<details><summary>Cases that passed, did not apply or could not be graded (${others.length})</summary><ul>${otherList}</ul></details>` : ''}
</body></html>\n`;
}

function failedCase(r: CaseResult, reproduction: Reproduction): string {
  const { root, folded, others } = rootCause(r);
  const findings = [root, ...others].filter((f): f is CheckResult => f !== undefined).map(finding);
  const more = folded.length
    ? `<p class="folded">${folded.length} more finding(s) follow from it: ${forHtml(folded.map((f) => f.check).join(', '))}</p>`
    : '';
  const curl = reproduction.curl(r);
  return `<article><h4>${forHtml(r.testCase.id)}</h4><p>${forHtml(r.testCase.title)}</p>${r.note ? `<p>${forHtml(r.note)}</p>` : ''}${findings.join('')}${more}${curl.length ? `<pre class="curl">${forHtml(curl.join('\n'))}</pre>` : ''}</article>`;
}

function finding(f: CheckResult): string {
  return `<dl class="finding"><dt>${forHtml(f.check)}</dt><dd>expected</dd><dd>${forHtml(f.expected)}</dd><dd>actual</dd><dd>${forHtml(f.actual)}</dd><dd>fix</dd><dd class="fix">${forHtml(f.fix)}</dd></dl>`;
}
