// The CLI's options and environment: what a vendor may give, read into settings, with a clear error for anything
// else. Credentials are named from the document (lib/credentials.ts): --token, --channel-key, --api-key… and
// CONFORMANCE_TOKEN, CONFORMANCE_CHANNEL_KEY, CONFORMANCE_API_KEY…
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BUNDLE_PATH } from '../../lib/contract.ts';
import { wholeNumber } from '../../lib/whole-number.ts';
import type { Credential, Secrets } from '../../lib/credentials.ts';
import { FAMILIES } from '../engine/case.ts';
import { REPORT_FORMATS, type ReportFormat } from '../report/files.ts';
import { TOOL } from './tool.ts';

export class UsageError extends Error {}

export function usage(credentials: Credential[]): string {
  const secret = credentials.map((c) =>
    row(`--${c.option} <value>`, `${c.description} (better: env CONFORMANCE_${c.env}); never printed`),
  );
  return [
    `Usage: ${TOOL.name} --base-url <url> [options]      (secrets best given in the environment, not on the command line)`,
    '',
    row('--base-url <url>', "server URL as in the document's servers (env CONFORMANCE_BASE_URL)"),
    ...secret,
    row('--only <names,…>', `run only the cases these name: a family (${FAMILIES.join(', ')}),`),
    row('', 'an operationId, whole id segments (body.quantity) or a rule pointer (#/components/…)'),
    row('--skip <names,…>', 'leave out the cases these name (same names)'),
    row('--timeout <ms>', 'per request, connect to last body byte (default 10000)'),
    row('--concurrency <n>', 'requests at once (default 4)'),
    row(
      '--unique-prefix <text>',
      'start of every new value of an x-unique field, e.g. order IDs (default conformance)',
    ),
    row('--generated <n>', 'requests drawn per generated case (default 25; 0 leaves generated cases out)'),
    row('--seed <n>', 'seed of the generated cases (default random; printed, so that a run can be replayed)'),
    row('--list', 'print the cases and send nothing'),
    row('--report <formats,…>', `reports to write: ${REPORT_FORMATS.join(', ')}`),
    row('--report-dir <dir>', 'where to write them (default conformance-report)'),
    row('--document <path>', "the bundled OpenAPI document (default: the kit's own)"),
    row('--help, --version', ''),
    '',
    'Exit codes: 0 conformant (in full or in the part run), 1 not conformant, 2 could not run or judge.',
  ].join('\n');
}

/** One option of the usage text: its description in the column every other one starts in. */
function row(option: string, description: string): string {
  return `  ${option.padEnd(25)} ${description}`.trimEnd();
}

export interface Settings {
  help: boolean;
  version: boolean;
  list: boolean;
  baseUrl?: string;
  secrets: Secrets;
  /** Options of the credentials given on the command line rather than in the environment. */
  secretsOnCommandLine: string[];
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

export function documentPath(argv: string[]): string {
  const { values } = parseArgs({ args: argv, strict: false, options: { document: { type: 'string' } } });
  return resolve(typeof values.document === 'string' ? values.document : BUNDLE_PATH);
}

/**
 * The credential values given, read leniently (before the options are checked), so that even a usage error is
 * printed with them blanked.
 */
export function secretsGiven(argv: string[], credentials: Credential[], env: NodeJS.ProcessEnv): Secrets {
  const options = Object.fromEntries(credentials.map((c) => [c.option, { type: 'string' as const }]));
  const { values } = parseArgs({ args: argv, strict: false, options });
  const secrets: Secrets = {};
  for (const c of credentials) {
    const given = values[c.option];
    const value = typeof given === 'string' ? given : env[`CONFORMANCE_${c.env}`];
    if (value) secrets[c.key] = value;
  }
  return secrets;
}

export function settingsFrom(argv: string[], credentials: Credential[], env: NodeJS.ProcessEnv): Settings {
  const secretOptions = Object.fromEntries(credentials.map((c) => [c.option, { type: 'string' as const }]));
  const { values } = strictly(() =>
    parseArgs({
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
    }),
  );
  const given: Record<string, string | boolean | undefined> = values;
  const text = (name: string) => {
    const value = given[name];
    return typeof value === 'string' ? value : undefined;
  };
  const whole = (name: string, fallback: number, least: number) => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const value = wholeNumber(raw);
    if (value === undefined || value < least) {
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
  const unknown = reports.filter((r) => !isReportFormat(r));
  if (unknown.length) throw new UsageError(`--report takes ${REPORT_FORMATS.join(', ')}; not ${unknown.join(', ')}`);
  const baseUrl = text('base-url') ?? env.CONFORMANCE_BASE_URL;
  if (baseUrl !== undefined)
    checkBaseUrl(baseUrl, text('base-url') === undefined ? 'CONFORMANCE_BASE_URL' : '--base-url');
  return {
    help: values.help === true,
    version: values.version === true,
    list: values.list === true,
    ...(baseUrl !== undefined ? { baseUrl } : {}),
    secrets: secretsGiven(argv, credentials, env),
    secretsOnCommandLine: credentials.filter((c) => text(c.option) !== undefined).map((c) => `--${c.option}`),
    only: list(text('only')),
    skip: list(text('skip')),
    timeoutMs: whole('timeout', 10_000, 1),
    concurrency: whole('concurrency', 4, 1),
    generated: whole('generated', 25, 0),
    seed: whole('seed', Math.floor(Math.random() * 2 ** 31), 0),
    uniquePrefix: text('unique-prefix') ?? 'conformance',
    reports: reports.filter(isReportFormat),
    reportDir: resolve(text('report-dir') ?? 'conformance-report'),
  };
}

function isReportFormat(name: string): name is ReportFormat {
  return (REPORT_FORMATS as string[]).includes(name);
}

/**
 * The options as parseArgs reads them, its refusals (an unknown option, a value missing, a stray argument) as
 * usage errors: they are the vendor's to correct, like every other.
 */
function strictly<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS_'))
      throw new UsageError(error.message);
    throw error;
  }
}

/**
 * An http(s) URL without user or password: those would be sent to the server and shown in every report. `source`
 * names where it was given, the option or the environment variable.
 */
function checkBaseUrl(baseUrl: string, source: string) {
  let url: URL | undefined;
  try {
    url = new URL(baseUrl);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol) || !url.hostname)
    throw new UsageError(`${source} must be an http(s) URL, got "${baseUrl}"`);
  if (url.username || url.password)
    throw new UsageError(`${source} must not hold a user or password: give credentials with their own options`);
}
