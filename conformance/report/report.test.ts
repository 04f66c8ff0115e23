// The reports on results that carry the worst a server can send: every format stays valid and safe (XML 1.0 JUnit,
// escaped HTML that fits 1280 px, JSON valid against its published schema), and each leads with the verdict and
// what was run.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../../docs/browser.ts';
import { loadContract } from '../../lib/contract.ts';
import { credentialsOf } from '../../lib/credentials.ts';
import { buildCatalogue } from '../engine/catalogue.ts';
import { readingOf } from '../engine/reading.ts';
import { xml10Problems } from './output/xml-check.ts';
import { writeReports } from './files.ts';
import { htmlReport } from './html.ts';
import { jsonReport, jsonReportText } from './json.ts';
import { junitReport } from './junit.ts';
import { failureText, headerFields, result, summary, verdict, type RunInfo } from './report.ts';
import { reproduce } from '../run/reproduce.ts';
import type { CaseResult } from '../engine/result.ts';
import { baseUrlFor } from '../run/target.ts';

const contract = loadContract();
const credentials = credentialsOf(contract);
const { cases } = buildCatalogue(readingOf(contract), { uniquePrefix: 'report' });
const reproduction = {
  curl: (r: CaseResult) => reproduce(r.testCase, baseUrlFor(contract, 'http://127.0.0.1:1'), credentials),
};
const dir = mkdtempSync(join(tmpdir(), 'report-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Everything that breaks XML, HTML or a terminal, and a long unbroken run that must wrap. */
const HOSTILE = `\ufffe\uffff \ud800 x\u0000y ]]> & <script>alert(1)</script> " ' \x1b[2J\x1b]0;t\x07 \u009b2J \u202eevil\u202c ${'W'.repeat(400)}`;

const info = (overrides: Partial<RunInfo> = {}): RunInfo => ({
  date: '2026-01-02T03:04:05.000Z',
  tool: { name: 'movilitas-conformance', version: '9.9.9' },
  contract: { title: contract.title, version: contract.version },
  target: 'http://127.0.0.1:1',
  options: { timeoutMs: 1000, concurrency: 4 },
  notSelected: {},
  withheld: [],
  catalogueSize: cases.length,
  wallMs: 1234,
  ...overrides,
});

const [first, second, third, fourth] = cases;
const results: CaseResult[] = [
  {
    testCase: first!,
    outcome: 'failed',
    passed: false,
    status: 500,
    ms: 3,
    failures: [
      {
        check: 'noServerError',
        explainsTheRest: true,
        passed: false,
        expected: 'no 5xx status',
        actual: 'status 500',
        fix: 'Fix it.',
      },
      {
        check: 'statusAsDocumented',
        explainsTheRest: true,
        passed: false,
        expected: 'status 200',
        actual: 'status 500',
        fix: 'Fix it.',
      },
      {
        check: 'bodyMatchesSchema',
        explainsTheRest: false,
        passed: false,
        expected: 'a body',
        actual: `not JSON: ${HOSTILE}`,
        fix: 'Fix.',
      },
    ],
  },
  {
    testCase: second!,
    outcome: 'failed',
    passed: false,
    status: 200,
    ms: 2,
    note: `a note from afar: ${HOSTILE}`,
    failures: [
      {
        check: 'contentTypeIsJson',
        explainsTheRest: false,
        passed: false,
        expected: 'json',
        actual: HOSTILE,
        fix: 'Send JSON.',
      },
    ],
  },
  { testCase: third!, outcome: 'passed', passed: true, status: 200, ms: 1, failures: [] },
  { testCase: fourth!, outcome: 'inapplicable', passed: true, ms: 0, failures: [], note: HOSTILE },
];

describe('verdict', () => {
  it('counts the cases that could not be applied apart from those as documented', () => {
    const passedAndNot = [results[2]!, results[3]!];
    expect(verdict(passedAndNot, info())).toBe(
      'CONFORMANT: 1 of the 2 cases run are as documented, and 1 could not be applied to this server',
    );
  });

  it('names what a subset run left out, and never calls it simply CONFORMANT', () => {
    const passed = [results[2]!];
    expect(verdict(passed, info())).toMatch(/^CONFORMANT: all 1 cases/);
    const subset = info({ notSelected: { auth: 66, body: 10 } });
    expect(result(passed, subset)).toBe('conformant-in-part');
    expect(verdict(passed, subset)).toBe(
      `CONFORMANT IN PART: all 1 cases run are as documented; 76 of the ${cases.length} cases of the catalogue were not run`,
    );
    expect(summary(passed, subset)).toContain('CONFORMANT IN PART');
  });

  it('says when nothing was graded, and when the suite itself failed', () => {
    expect(result([], info({ stopped: 'the server answered 302' }))).toBe('not-graded');
    // The reason is told once, where the run stopped, and in the reports' header: the verdict only names it.
    expect(verdict([], info({ stopped: 'the server answered 302' }))).toBe(
      'NOT GRADED: the preflight request was refused, so no case was run',
    );
    expect(headerFields(info({ stopped: 'the server answered 302' }))).toContainEqual([
      'Stopped',
      'the server answered 302',
    ]);
    expect(htmlReport([], info({ stopped: 'the server answered 302' }), reproduction)).toContain(
      'the server answered 302',
    );
    const error: CaseResult = { testCase: first!, outcome: 'error', passed: false, ms: 0, failures: [], note: 'boom' };
    expect(result([error, results[0]!], info())).toBe('suite-error');
  });
});

describe('terminal text', () => {
  it('groups failures by rule, gives one root cause per case and folds what follows from it', () => {
    const text = failureText(results, reproduction);
    expect(text).toMatch(/^Failing cases, by the rule they break \(2 cases, \d rules\)/);
    expect(text).toContain(`rule ${first!.rule} (1 case(s))`);
    expect(text.match(/^ {4}noServerError$/gm)).toHaveLength(1);
    expect(text).not.toMatch(/^ {4}statusAsDocumented$/m);
    expect(text).toContain('(2 more finding(s) follow from it: statusAsDocumented, bodyMatchesSchema)');
  });
});

describe('JUnit', () => {
  it('is well-formed XML 1.0 whatever the server sent', () => {
    const xml = junitReport(results, info(), reproduction);
    expect(xml10Problems(xml)).toEqual([]);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<property name="verdict" value="NOT CONFORMANT: 2 of 4 cases');
    expect(xml).toContain('<property name="tool" value="movilitas-conformance 9.9.9"/>');
  });

  it('reports a refused preflight as an error, so that CI shows why nothing ran', () => {
    const xml = junitReport([], info({ stopped: `answered 302 ${HOSTILE}` }), reproduction);
    expect(xml10Problems(xml)).toEqual([]);
    expect(xml).toMatch(/<testsuite name="preflight" tests="1" failures="0" errors="1"/);
  });
});

describe('JSON', () => {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  ajvFormats.default(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(new URL('./report.schema.json', import.meta.url), 'utf8')));

  it.each([
    ['a failing run', results, info()],
    ['a subset run that passed', [results[2]!], info({ notSelected: { auth: 3 } })],
    ['a run stopped by the preflight', [], info({ stopped: 'the server answered 500' })],
  ])('%s is valid against report.schema.json', (_name, given, runInfo) => {
    const report = JSON.parse(jsonReportText(given, runInfo, reproduction));
    expect(validate(report) ? [] : validate.errors).toEqual([]);
  });

  it('leads with verdict, date, versions, target and options, and gives each failing case its root cause', () => {
    const report = jsonReport(results, info(), reproduction);
    expect(Object.keys(report).slice(0, 12)).toEqual([
      '$schema',
      'reportVersion',
      'verdict',
      'result',
      'exitCode',
      'conformant',
      'complete',
      'date',
      'tool',
      'contract',
      'target',
      'options',
    ]);
    expect(report).toMatchObject({ result: 'not-conformant', exitCode: 1, date: '2026-01-02T03:04:05.000Z' });
    expect(report.cases[0]).toMatchObject({
      rootCause: { check: 'noServerError' },
      consequences: [{ check: 'statusAsDocumented' }, { check: 'bodyMatchesSchema' }],
      otherFindings: [],
    });
  });

  it('escapes C1 and bidi controls as well as C0, so that printing the file drives no terminal', () => {
    const text = jsonReportText(results, info(), reproduction);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(text).toContain('\\u009b2J');
    expect(JSON.parse(text).cases[1].rootCause.actual).toBe(HOSTILE);
  });
});

describe('HTML', () => {
  const page = htmlReport(results, info({ notSelected: { auth: 3 } }), reproduction);

  it('escapes every text: the only elements are its own', () => {
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });

  it('leads with the verdict, date, contract, tool, target, options and what was not run, failures before scores', () => {
    const order = [
      'class="verdict',
      '<th>Date',
      '<th>Target',
      '<th>Contract',
      '<th>Tool',
      '<th>Options',
      '<th>Not run',
    ];
    const at = [...order, 'Failures, by the rule', 'Score by family'].map((text) => page.indexOf(text));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(page).toContain('3 of ');
  });

  it.runIf(hasChromium)('fits 1280 px: nothing overflows sideways and the cURL line wraps (Chromium)', async () => {
    const [path] = writeReports(results, ['html'], dir, info(), reproduction);
    const browser = await launchChromium();
    try {
      const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await tab.goto(`file://${path}`);
      const layout = await tab.evaluate(() => {
        const curl = document.querySelector('pre.curl')!;
        const lineHeight = parseFloat(getComputedStyle(curl).lineHeight);
        const wide = [...document.querySelectorAll('body *')].filter((e) => e.scrollWidth > e.clientWidth + 1);
        return {
          page: document.documentElement.scrollWidth,
          viewport: window.innerWidth,
          curlLines: Math.round(curl.getBoundingClientRect().height / lineHeight),
          curlOverflows: curl.scrollWidth > curl.clientWidth + 1,
          wide: wide.map((e) => e.tagName),
        };
      });
      expect(layout.page).toBeLessThanOrEqual(layout.viewport);
      expect(layout.curlOverflows).toBe(false);
      expect(layout.curlLines).toBeGreaterThan(1);
      expect(layout.wide).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
