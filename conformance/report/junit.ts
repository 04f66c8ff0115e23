// The JUnit XML report, one testsuite per family, for CI servers. Everything in it goes through forXml, so that
// whatever the server sent (U+FFFE, NUL, ESC, lone surrogates, `]]>`) it stays well-formed XML 1.0.
import { forXml } from './output/safe-text.ts';
import {
  describeFailure,
  headerFields,
  rootCause,
  scores,
  verdict,
  type Reproduction,
  type RunInfo,
} from './report.ts';
import type { CaseResult } from '../engine/result.ts';

export function junitReport(results: CaseResult[], info: RunInfo, reproduction: Reproduction): string {
  const suites = scores(results).map(({ family, failed, inapplicable, errors }) => {
    const of = results.filter((r) => r.testCase.family === family);
    const cases = of.map((r) => testcase(r, family, reproduction));
    return `  <testsuite name="${forXml(family)}" tests="${of.length}" failures="${failed}" errors="${errors}" skipped="${inapplicable}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  for (const { reason, ids } of info.withheld)
    suites.push(
      `  <testsuite name="not run" tests="${ids.length}" failures="0" errors="0" skipped="${ids.length}">\n${ids.map((id) => `    <testcase classname="not run" name="${forXml(id)}" time="0"><skipped message="${forXml(reason)}"/></testcase>`).join('\n')}\n  </testsuite>`,
    );
  if (info.stopped !== undefined)
    suites.push(
      `  <testsuite name="preflight" tests="1" failures="0" errors="1" skipped="0">\n    <testcase classname="preflight" name="preflight" time="0"><error message="${forXml(info.stopped)}"/></testcase>\n  </testsuite>`,
    );
  const failures = results.filter((r) => r.outcome === 'failed').length;
  const errors = results.filter((r) => r.outcome === 'error').length + (info.stopped !== undefined ? 1 : 0);
  const properties = [['Verdict', verdict(results, info)] as const, ...headerFields(info)]
    .map(
      ([name, value]) =>
        `    <property name="${forXml(name.toLowerCase().replace(' ', '-'))}" value="${forXml(value)}"/>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${forXml(info.tool.name)}" tests="${results.length}" failures="${failures}" errors="${errors}" time="${(info.wallMs / 1000).toFixed(3)}">\n  <properties>\n${properties}\n  </properties>\n${suites.join('\n')}\n</testsuites>\n`;
}

function testcase(r: CaseResult, family: string, reproduction: Reproduction): string {
  const open = `    <testcase classname="${forXml(`${r.testCase.operationId}.${family}`)}" name="${forXml(`${r.testCase.id}: ${r.testCase.title}`)}" time="${(r.ms / 1000).toFixed(3)}"`;
  switch (r.outcome) {
    case 'passed':
      return `${open}/>`;
    case 'inapplicable':
      return `${open}>\n      <skipped message="${forXml(r.note ?? '')}"/>\n    </testcase>`;
    case 'error':
      return `${open}>\n      <error message="${forXml(r.note ?? 'the suite failed')}"/>\n    </testcase>`;
    case 'failed': {
      const { root } = rootCause(r);
      const message = root ? `${root.check}: expected ${root.expected}, actual ${root.actual}` : (r.note ?? 'failed');
      return `${open}>\n      <failure message="${forXml(message)}">${forXml(describeFailure(r, reproduction))}</failure>\n    </testcase>`;
    }
  }
}
