// `npm run conformance -- --base-url <url>` (secrets from CONFORMANCE_* variables): grades a server against the
// document. Exit codes: 0 conformant (in full or in the part selected), 1 not conformant, 2 could not run.
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BUNDLE_PATH, loadContract, type Contract } from '../lib/contract.ts';
import { credentialsOf, type Credential, type Secrets } from '../lib/credentials.ts';
import { schemaValidator } from '../lib/schema-validator.ts';
import { FAMILIES, type Case } from './case.ts';
import { buildCatalogue } from './catalogue.ts';
import { preflight } from './preflight.ts';
import {
  REPORT_FORMATS,
  describeFailure,
  header,
  summary,
  writeReports,
  type ReportFormat,
  type RunInfo,
} from './report.ts';
import { reproduce } from './reproduce.ts';
import { runCases, type Target } from './runner.ts';
import { selectCases } from './select.ts';
import { baseUrlFor } from './target.ts';
import { TOOL } from './tool.ts';

class UsageError extends Error {}

function usage(credentials: Credential[]): string {
  const secret = credentials.map(
    (c) => `  --${`${c.option} <value>`.padEnd(26)}${c.description} (env CONFORMANCE_${c.env}); never printed`,
  );
  return [
    'Usage: conformance --base-url <url> [options]      (secrets best given in the environment, not on the command line)',
    '',
    "  --base-url <url>          server URL as in the document's servers (env CONFORMANCE_BASE_URL)",
    ...secret,
    `  --only <names,…>          run only the cases these name: a family (${FAMILIES.join(', ')}),`,
    '                            an operationId, whole id segments (body.quantity) or a rule pointer (#/components/…)',
    '  --skip <names,…>          leave out the cases these name (same names)',
    '  --timeout <ms>            per request (default 10000)',
    '  --concurrency <n>         requests at once (default 4)',
    '  --unique-prefix <text>    start of every new value of an x-unique field, e.g. order IDs (default conformance)',
    '  --generated <n>           requests drawn per generated case (default 25; 0 leaves generated cases out)',
    '  --seed <n>                seed of the generated cases (default random; printed, so that a run can be replayed)',
    '  --list                    print the cases and send nothing',
    '  --report <junit,json,html> reports to write',
    '  --report-dir <dir>        where to write them (default conformance-report)',
    "  --document <path>         the bundled OpenAPI document (default: the kit's own)",
    '  --help, --version',
  ].join('\n');
}

interface Settings {
  help: boolean;
  version: boolean;
  list: boolean;
  baseUrl?: string;
  secrets: Secrets;
  only: string[];
  skip: string[];
  timeoutMs: number;
  concurrency: number;
  uniquePrefix: string;
  generated: number;
  seed: number;
  reports: ReportFormat[];
  reportDir: string;
}

function documentPath(argv: string[]): string {
  const { values } = parseArgs({ args: argv, strict: false, options: { document: { type: 'string' } } });
  return resolve(typeof values.document === 'string' ? values.document : BUNDLE_PATH);
}

function settingsFrom(argv: string[], credentials: Credential[], env: NodeJS.ProcessEnv): Settings {
  const secretOptions = Object.fromEntries(credentials.map((c) => [c.option, { type: 'string' as const }]));
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      ...secretOptions,
      'base-url': { type: 'string' },
      only: { type: 'string' },
      skip: { type: 'string' },
      timeout: { type: 'string' },
      concurrency: { type: 'string' },
      'unique-prefix': { type: 'string' },
      generated: { type: 'string' },
      seed: { type: 'string' },
      list: { type: 'boolean' },
      report: { type: 'string' },
      'report-dir': { type: 'string' },
      document: { type: 'string' },
      help: { type: 'boolean' },
      version: { type: 'boolean' },
    },
  });
  const given: Record<string, string | boolean | undefined> = values;
  const text = (name: string) => {
    const value = given[name];
    return typeof value === 'string' ? value : undefined;
  };
  const whole = (name: string, fallback: number, least: number) => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < least) {
      throw new UsageError(`--${name} must be a whole number of at least ${least}, got "${raw}"`);
    }
    return value;
  };
  const list = (raw?: string) =>
    (raw ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const reports = list(text('report'));
  const unknown = reports.filter((r) => !REPORT_FORMATS.includes(r as ReportFormat));
  if (unknown.length) throw new UsageError(`--report takes ${REPORT_FORMATS.join(', ')}; not ${unknown.join(', ')}`);
  const secrets: Secrets = {};
  for (const c of credentials) {
    const value = text(c.option) ?? env[`CONFORMANCE_${c.env}`];
    if (value) secrets[c.key] = value;
  }
  return {
    help: values.help === true,
    version: values.version === true,
    list: values.list === true,
    baseUrl: text('base-url') ?? env.CONFORMANCE_BASE_URL,
    secrets,
    only: list(text('only')),
    skip: list(text('skip')),
    timeoutMs: whole('timeout', 10_000, 1),
    concurrency: whole('concurrency', 4, 1),
    generated: whole('generated', 25, 0),
    seed: whole('seed', Math.floor(Math.random() * 2 ** 31), 0),
    uniquePrefix: text('unique-prefix') ?? 'conformance',
    reports: reports as ReportFormat[],
    reportDir: resolve(text('report-dir') ?? 'conformance-report'),
  };
}

export async function main(argv: string[], out = console.log, err = console.error, env = process.env): Promise<number> {
  const document = documentPath(argv);
  let contract: Contract;
  try {
    contract = loadContract(document);
  } catch (error) {
    err(`Cannot read the document ${document}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const credentials = credentialsOf(contract);
  let settings: Settings;
  try {
    settings = settingsFrom(argv, credentials, env);
  } catch (error) {
    err(`${error instanceof Error ? error.message : String(error)}\n\n${usage(credentials)}`);
    return 2;
  }
  if (settings.help) return (void out(usage(credentials)), 0);
  if (settings.version)
    return (void out(`${TOOL.name} ${TOOL.version} (contract ${contract.title} ${contract.version})`), 0);

  const runId = Date.now().toString(36);
  const catalogue = buildCatalogue(contract, { uniquePrefix: `${settings.uniquePrefix}-${runId}` });
  const selected = selectCases(catalogue.cases, settings.only, settings.skip);
  const cases = settings.generated === 0 ? selected.filter((c) => !c.property) : selected;
  if (settings.list) {
    for (const c of cases)
      out(`${c.id.padEnd(64)} ${c.family.padEnd(11)} ${String(c.expect.status)}  ${c.title}  [${c.rule}]`);
    out(
      `${cases.length} cases${catalogue.notes.length ? `; ${catalogue.notes.length} probes left out (the schema decides them otherwise)` : ''}`,
    );
    return 0;
  }
  if (!settings.baseUrl || !/^https?:\/\/[^/]/i.test(settings.baseUrl)) {
    err(
      `${settings.baseUrl ? `--base-url must be an http(s) URL, got "${settings.baseUrl}"` : 'Missing --base-url (or CONFORMANCE_BASE_URL).'}\n\n${usage(credentials)}`,
    );
    return 2;
  }
  if (cases.length === 0) {
    err('No case is left after --only/--skip.');
    return 2;
  }
  const needed = credentials.filter(
    (c) => settings.secrets[c.key] === undefined && cases.some((k) => usesSecret(k, c.key)),
  );
  if (needed.length) {
    const operations = [
      ...new Set(cases.filter((k) => needed.some((c) => usesSecret(k, c.key))).map((k) => k.operationId)),
    ];
    err(
      `Missing ${needed.map((c) => `--${c.option} (CONFORMANCE_${c.env})`).join(', ')}: cases of ${operations.join(', ')} need them. Give them, or --skip ${operations.join(',')}.`,
    );
    return 2;
  }

  const target: Target = {
    baseUrl: settings.baseUrl,
    secrets: settings.secrets,
    timeoutMs: settings.timeoutMs,
    baseUrlFor: baseUrlFor(contract, settings.baseUrl),
  };
  const redact = redactor(settings.secrets);
  const say = (line: string) => out(redact(line));
  const ready = await preflight(catalogue.cases.map(catalogue.renew), target);
  if (!ready.ok) {
    err(redact(`Preflight failed, nothing was graded: ${ready.reason}`));
    return 2;
  }
  say(
    `Preflight passed (${ready.testCase.id}). Running ${cases.length} cases against ${target.baseUrl} (${settings.concurrency} at a time)…`,
  );

  const started = performance.now();
  let done = 0;
  const grading = { contract, validator: schemaValidator(contract.document) };
  const runOptions = { concurrency: settings.concurrency, generatedRuns: settings.generated, seed: settings.seed };
  const results = await runCases(cases, target, grading, runOptions, (result) => {
    done++;
    if (result.outcome === 'failed' || done % 50 === 0 || done === cases.length)
      say(`  [${done}/${cases.length}] ${result.outcome === 'failed' ? '✗' : '✓'} ${result.testCase.id}`);
  });
  const info: RunInfo = {
    date: new Date().toISOString(),
    tool: TOOL,
    contract: { title: contract.title, version: contract.version },
    target: target.baseUrl,
    options: {
      ...(settings.only.length ? { only: settings.only.join(',') } : {}),
      ...(settings.skip.length ? { skip: settings.skip.join(',') } : {}),
      timeoutMs: settings.timeoutMs,
      concurrency: settings.concurrency,
    },
    notSelected: Object.fromEntries(
      FAMILIES.map((f) => [f, catalogue.cases.filter((c) => c.family === f && !cases.includes(c)).length]),
    ),
    catalogueSize: catalogue.cases.length,
    wallMs: Math.round(performance.now() - started),
  };
  const reproduction = {
    curl: (result: (typeof results)[number]) => reproduce(result.testCase, target.baseUrlFor!, credentials),
  };
  const failed = results.filter((r) => r.outcome === 'failed');
  if (failed.length) say(`\nFailing cases:\n${failed.map((r) => describeFailure(r, reproduction)).join('\n\n')}`);
  say(`\n${header(info).join('\n')}\n${summary(results, info)}`);
  for (const path of settings.reports.length
    ? writeReports(results, settings.reports, settings.reportDir, info, reproduction)
    : [])
    say(`Report: ${path}`);
  return failed.length === 0 ? 0 : 1;
}

/** Whether a case sends a secret (or a near-miss of it) in its requests. */
function usesSecret(testCase: Case, key: string): boolean {
  const requests = [testCase.request, ...(testCase.prelude ?? []).map((step) => step.request)];
  return requests.some((request) => JSON.stringify(request).includes(`{{${key}`));
}

/** Blanks every secret in what is printed. */
function redactor(secrets: Secrets): (text: string) => string {
  const values = Object.entries(secrets)
    .filter(([, v]) => v.length >= 4)
    .sort(([, a], [, b]) => b.length - a.length);
  return (text) => values.reduce((t, [key, value]) => t.replaceAll(value, `<${key}>`), text);
}

function isEntryPoint(): boolean {
  try {
    return realpathSync(fileURLToPath(import.meta.url)) === realpathSync(process.argv[1] ?? '');
  } catch {
    return false;
  }
}

if (isEntryPoint()) process.exitCode = await main(process.argv.slice(2));
