// The CLI's options and environment: what a vendor may give, read into settings, with a clear error for anything
// else. Credentials are named from the document (lib/credentials.ts): --token, --channel-key, --api-key… and
// CONFORMANCE_TOKEN, CONFORMANCE_CHANNEL_KEY, CONFORMANCE_API_KEY… They are pulled out of the settings: the
// settings can be shown, the secrets never.
import { resolve } from 'node:path';
import { BUNDLE_PATH } from '../../lib/contract.ts';
import { isSecondTenants, type Credential, type Secrets } from '../../lib/credentials.ts';
import { wholeNumber } from '../../lib/whole-number.ts';
import { FAMILIES } from '../engine/case.ts';
import { isReportFormat, REPORT_FORMATS, type ReportFormat } from '../report/formats.ts';
import { optionValues, type CommandLine, type OptionType } from './command-line.ts';
import { TOOL } from './tool.ts';

export function usage(credentials: Credential[]): string {
  const secret = credentials
    .filter((c) => !isSecondTenants(c))
    .map((c) => row(`--${c.option} <value>`, `${c.description} (better: env CONFORMANCE_${c.env}); never printed`));
  const second = credentials.some(isSecondTenants)
    ? [
        row('--second-<name> <value>', 'each of those of a second tenant (env CONFORMANCE_SECOND_<NAME>), for the'),
        row('', 'tenancy cases: without them, those cases are not run'),
      ]
    : [];
  return [
    `Usage: ${TOOL.name} --base-url <url> [options]      (secrets best given in the environment, not on the command line)`,
    '',
    row('--base-url <url>', "server URL as in the document's servers (env CONFORMANCE_BASE_URL)"),
    ...secret,
    ...second,
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

/** The credential values given, by key, and where: the options among them show in the process list. */
export interface GivenSecrets {
  values: Secrets;
  /** Options of the credentials given on the command line rather than in the environment. */
  onCommandLine: string[];
}

/** What the command line says: settings, or a usage error; the secrets either way, so that nothing shows them. */
export type Reading = { secrets: GivenSecrets } & ({ settings: Settings } | { usageError: string });

/** The options every document has; each credential the document names adds a string option. */
const OPTIONS: Record<string, OptionType> = {
  'base-url': 'string',
  only: 'string',
  skip: 'string',
  timeout: 'string',
  concurrency: 'string',
  'unique-prefix': 'string',
  generated: 'string',
  seed: 'string',
  list: 'boolean',
  report: 'string',
  'report-dir': 'string',
  document: 'string',
  help: 'boolean',
  version: 'boolean',
};

/** The document to read: `--document`, resolved from the working directory, else the kit's own. */
export function documentPath(line: CommandLine): string {
  const { document } = optionValues(line, OPTIONS, 'lenient').values;
  return resolve(typeof document === 'string' ? document : BUNDLE_PATH);
}

export function readSettings(line: CommandLine, credentials: Credential[], env: NodeJS.ProcessEnv): Reading {
  const secretOptions = Object.fromEntries(credentials.map((c) => [c.option, 'string' as const]));
  const options = { ...OPTIONS, ...secretOptions };
  // Leniently first: a command line with a mistake still names its secrets, and the error is printed blanked.
  const secrets = secretsOf(optionValues(line, options, 'lenient').values, credentials, env);
  const { values, error } = optionValues(line, options, 'strict');
  if (error) return { secrets, usageError: error };
  try {
    return { secrets, settings: settingsOf(values, env) };
  } catch (caught) {
    if (caught instanceof UsageError) return { secrets, usageError: caught.message };
    throw caught;
  }
}

class UsageError extends Error {}

function secretsOf(
  values: Record<string, string | boolean>,
  credentials: Credential[],
  env: NodeJS.ProcessEnv,
): GivenSecrets {
  const secrets: GivenSecrets = { values: {}, onCommandLine: [] };
  for (const c of credentials) {
    const option = values[c.option];
    if (typeof option === 'string') secrets.onCommandLine.push(`--${c.option}`);
    const value = typeof option === 'string' ? option : env[`CONFORMANCE_${c.env}`];
    if (value) secrets.values[c.key] = value;
  }
  return secrets;
}

function settingsOf(values: Record<string, string | boolean>, env: NodeJS.ProcessEnv): Settings {
  const text = (name: string) => {
    const value = values[name];
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
