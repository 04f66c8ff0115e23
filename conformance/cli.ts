// `npm run conformance -- --base-url <url> --token <t> --channel-key <k>`: grades a server against the document.
// Exit codes: 0 conformant, 1 not conformant, 2 could not run (bad arguments, unreachable server, refused
// credentials).
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { BUNDLE_PATH, loadContract } from '../lib/contract.ts';
import { schemaValidator } from '../lib/schema-validator.ts';
import { buildCases } from './cases.ts';
import { REPORT_FORMATS, describeFailure, summary, writeReports, type ReportFormat } from './report.ts';
import { preflight } from './preflight.ts';
import { runCases, type Target } from './runner.ts';
import { selectCases } from './select.ts';

const USAGE = `Usage: conformance --base-url <url> --token <token> --channel-key <key> [options]

  --base-url <url>          server URL as in the document's servers, e.g. https://host/v1/manufacturer/v2/api
                            (env CONFORMANCE_BASE_URL)
  --token <token>           a valid token (env CONFORMANCE_TOKEN); never printed or reported
  --channel-key <key>       a valid channel key (env CONFORMANCE_CHANNEL_KEY)
  --only <ids,rules,areas>  run only cases whose id, rule or area starts with one of these
  --skip <ids,rules,areas>  leave out cases whose id, rule or area starts with one of these
  --timeout <ms>            per request (default 10000)
  --concurrency <n>         requests at once (default 4)
  --order-id-prefix <text>  start of every order ID the cases create (default conformance)
  --list                    print the cases and send nothing
  --report <junit,json,html> reports to write
  --report-dir <dir>        where to write them (default conformance-report)
  --document <path>         the bundled OpenAPI document (default generated/openapi.yaml)
  --help`;

class UsageError extends Error {}

function options(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      'base-url': { type: 'string' },
      token: { type: 'string' },
      'channel-key': { type: 'string' },
      only: { type: 'string' },
      skip: { type: 'string' },
      timeout: { type: 'string' },
      concurrency: { type: 'string' },
      'order-id-prefix': { type: 'string' },
      list: { type: 'boolean' },
      report: { type: 'string' },
      'report-dir': { type: 'string' },
      document: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const positive = (name: string, raw: string | undefined, fallback: number) => {
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1)
      throw new UsageError(`--${name} must be a whole number above 0, got "${raw}"`);
    return value;
  };
  const list = (raw?: string) =>
    (raw ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const reports = list(values.report);
  const unknown = reports.filter((r) => !REPORT_FORMATS.includes(r as ReportFormat));
  if (unknown.length) throw new UsageError(`--report takes ${REPORT_FORMATS.join(', ')}; not ${unknown.join(', ')}`);
  return {
    help: values.help ?? false,
    list: values.list ?? false,
    baseUrl: values['base-url'] ?? process.env.CONFORMANCE_BASE_URL,
    token: values.token ?? process.env.CONFORMANCE_TOKEN,
    channelKey: values['channel-key'] ?? process.env.CONFORMANCE_CHANNEL_KEY,
    only: list(values.only),
    skip: list(values.skip),
    timeoutMs: positive('timeout', values.timeout, 10_000),
    concurrency: positive('concurrency', values.concurrency, 4),
    orderIdPrefix: values['order-id-prefix'] ?? 'conformance',
    reports: reports as ReportFormat[],
    reportDir: resolve(values['report-dir'] ?? 'conformance-report'),
    document: resolve(values.document ?? BUNDLE_PATH),
  };
}

export async function main(argv: string[], out = console.log, err = console.error): Promise<number> {
  let settings: ReturnType<typeof options>;
  try {
    settings = options(argv);
  } catch (error) {
    err(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (settings.help) {
    out(USAGE);
    return 0;
  }
  let contract;
  try {
    contract = loadContract(settings.document);
  } catch (error) {
    err(`Cannot read the document ${settings.document}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const runId = Date.now().toString(36);
  const cases = selectCases(
    buildCases(contract, { uniquePrefix: `${settings.orderIdPrefix}-${runId}` }),
    settings.only,
    settings.skip,
  );
  if (settings.list) {
    for (const c of cases)
      out(`${c.id.padEnd(48)} ${c.area.padEnd(12)} ${String(c.expect.status)}  ${c.title}  [${c.rule}]`);
    out(`${cases.length} cases`);
    return 0;
  }
  const missing = (['baseUrl', 'token', 'channelKey'] as const).filter((key) => !settings[key]);
  if (missing.length) {
    const names = { baseUrl: '--base-url', token: '--token', channelKey: '--channel-key' };
    err(
      `Missing ${missing.map((m) => names[m]).join(', ')} (or their CONFORMANCE_* environment variables).\n\n${USAGE}`,
    );
    return 2;
  }
  if (!/^https?:\/\/[^/]/i.test(settings.baseUrl!)) {
    err(`--base-url must be an http(s) URL, got "${settings.baseUrl}"\n\n${USAGE}`);
    return 2;
  }
  if (cases.length === 0) {
    err('No case is left after --only/--skip.');
    return 2;
  }

  const target: Target = {
    baseUrl: settings.baseUrl!,
    token: settings.token!,
    channelKey: settings.channelKey!,
    timeoutMs: settings.timeoutMs,
  };
  const grading = { contract, validator: schemaValidator(contract.document) };
  const ready = await preflight(contract, target, `${settings.orderIdPrefix}-${runId}-preflight`);
  if (!ready.ok) {
    err(`Preflight failed, nothing was graded: ${ready.reason}`);
    return 2;
  }
  out(`Preflight passed. Running ${cases.length} cases against ${target.baseUrl} (${settings.concurrency} at a time)…`);

  const started = performance.now();
  let done = 0;
  const results = await runCases(cases, target, grading, settings.concurrency, (result) => {
    done++;
    if (!result.passed || done % 25 === 0 || done === cases.length)
      out(`  [${done}/${cases.length}] ${result.passed ? '✓' : '✗'} ${result.testCase.id}`);
  });
  const wallMs = Math.round(performance.now() - started);

  const failed = results.filter((r) => !r.passed);
  if (failed.length) out(`\nFailing cases:\n${failed.map(describeFailure).join('\n\n')}`);
  out(`\n${summary(results, wallMs)}`);
  if (settings.reports.length) {
    for (const path of writeReports(results, settings.reports, settings.reportDir, { baseUrl: target.baseUrl, wallMs }))
      out(`Report: ${path}`);
  }
  return failed.length === 0 ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
