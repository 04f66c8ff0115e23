// One run of the CLI once its command line is read: each step a function, in the order a vendor sees them: the
// cases chosen (or listed), what the run needs checked, the header, the preflight and the cases, then the failures,
// the summary, the reports and the exit code.
import type { Contract } from '../../lib/contract.ts';
import { isSecondTenants, type Credential } from '../../lib/credentials.ts';
import { FAMILIES, type Case } from '../engine/case.ts';
import { buildCatalogue, type Catalogue } from '../engine/catalogue.ts';
import { readingOf, type ContractReading } from '../engine/reading.ts';
import type { CaseResult } from '../engine/result.ts';
import { selectCases } from '../engine/select.ts';
import { writeReports } from '../report/files.ts';
import { forTerminal } from '../report/output/safe-text.ts';
import {
  describeFailure,
  EXIT_CODES,
  failureText,
  header,
  result,
  summary,
  type Reproduction,
  type RunInfo,
} from '../report/report.ts';
import { preflight, type Preflight } from '../run/preflight.ts';
import { reproduce } from '../run/reproduce.ts';
import { runCases } from '../run/runner.ts';
import type { TargetRedactor } from '../run/secrets.ts';
import { targetFor, type Target } from '../run/target.ts';
import type { GivenSecrets, Settings } from './options.ts';
import { usage } from './options.ts';
import { reason } from './reason.ts';
import { TOOL } from './tool.ts';

export type Print = (text: string) => void;

/** What every step of a run shares: read once, made once. */
export interface RunContext {
  contract: Contract;
  credentials: Credential[];
  settings: Settings;
  secrets: GivenSecrets;
  /** The one redactor of the run: the printers use it, and so do the target and the reports. */
  redact: TargetRedactor;
  /** Print to stdout and stderr, every secret blanked and every control character made visible. */
  say: Print;
  warn: Print;
}

/** The cases a run sends: the catalogue, and those of it the options select and the secrets given allow. */
interface Plan {
  reading: ContractReading;
  catalogue: Catalogue;
  cases: Case[];
  /** Selected, but not run: they need credentials of a second tenant, and none were given. */
  withheld: RunInfo['withheld'];
}

export async function run(context: RunContext): Promise<number> {
  const { contract, credentials, settings, say } = context;
  if (settings.help) return (say(usage(credentials)), 0);
  if (settings.version)
    return (say(`${TOOL.name} ${TOOL.version} (contract ${contract.title} ${contract.version})`), 0);
  const plan = planOf(context);
  if (settings.list) return (listCases(plan, say), 0);
  const refusal = whyItCannotRun(context, plan);
  if (refusal) return (context.warn(refusal), 2);
  warnAboutSecrets(context);
  const target = targetFor(
    contract,
    { baseUrl: settings.baseUrl!, secrets: context.secrets.values, timeoutMs: settings.timeoutMs },
    context.redact,
  );
  const info = runInfo(context, plan, target);
  say(header(info).join('\n'));
  const started = performance.now();
  const results = await gradeCases(context, plan, target, info);
  info.wallMs = Math.round(performance.now() - started);
  return finish(context, results, info, target);
}

function planOf({ contract, settings, credentials, secrets }: RunContext): Plan {
  const reading = readingOf(contract);
  const runId = Date.now().toString(36);
  const catalogue = buildCatalogue(reading, { uniquePrefix: `${settings.uniquePrefix}-${runId}` });
  const selected = selectCases(catalogue.cases, settings.only, settings.skip);
  const wanted = settings.generated === 0 ? selected.filter((c) => !c.property) : selected;
  const missing = credentials.filter((c) => isSecondTenants(c) && secrets.values[c.key] === undefined);
  const needsMissing = (k: Case) => missing.some((c) => operationsSending(k, c.key).length > 0);
  const held = wanted.filter(needsMissing);
  const reason = `no credentials of a second tenant were given (${missing.map((c) => `--${c.option} or CONFORMANCE_${c.env}`).join(', ')})`;
  const withheld = held.length ? [{ reason, ids: held.map((c) => c.id) }] : [];
  return { reading, catalogue, cases: wanted.filter((c) => !needsMissing(c)), withheld };
}

function listCases({ catalogue, cases }: Plan, say: Print) {
  for (const c of cases)
    say(`${c.id.padEnd(64)} ${c.family.padEnd(11)} ${String(c.expect.status)}  ${c.title}  [${c.rule}]`);
  const left = catalogue.notes.length;
  say(`${cases.length} cases${left ? `; ${left} probes left out (the schema decides them otherwise)` : ''}`);
}

/** Why the run cannot start: no target, no case, or a secret a selected case needs that was not given. */
function whyItCannotRun({ settings, credentials, secrets }: RunContext, { cases }: Plan): string | undefined {
  if (!settings.baseUrl) return `Missing --base-url (or CONFORMANCE_BASE_URL).\n\n${usage(credentials)}`;
  if (cases.length === 0) return 'No case is left after --only/--skip.';
  const needed = credentials.filter(
    (c) =>
      !isSecondTenants(c) &&
      secrets.values[c.key] === undefined &&
      cases.some((k) => operationsSending(k, c.key).length > 0),
  );
  if (needed.length === 0) return undefined;
  const operations = [...new Set(cases.flatMap((k) => needed.flatMap((c) => operationsSending(k, c.key))))];
  return `Missing ${needed.map((c) => `--${c.option} (CONFORMANCE_${c.env})`).join(', ')}: cases of ${operations.join(', ')} need them. Give them, or --skip ${operations.join(',')}.`;
}

/** The operations whose requests in a case send a secret (or a near-miss of it): its own, or a prelude step's. */
function operationsSending(testCase: Case, key: string): string[] {
  const requests = [testCase, ...(testCase.prelude ?? [])];
  return requests.filter((step) => JSON.stringify(step.request).includes(`{{${key}`)).map((step) => step.operationId);
}

function warnAboutSecrets({ secrets, redact, warn }: RunContext) {
  if (secrets.onCommandLine.length)
    warn(
      `Warning: ${secrets.onCommandLine.join(', ')} on the command line can be seen in the process list and shell history (and npm prints its command line); prefer the CONFORMANCE_ variables.`,
    );
  for (const key of redact.ignored)
    warn(
      `Warning: the ${key} given is shorter than 4 characters, too short to be told apart from other text, so it is not blanked in the output.`,
    );
}

function runInfo({ contract, settings }: RunContext, { catalogue, cases, withheld }: Plan, target: Target): RunInfo {
  const held = new Set(withheld.flatMap(({ ids }) => ids));
  return {
    date: new Date().toISOString(),
    tool: TOOL,
    contract: { title: contract.title, version: contract.version },
    target: target.baseUrl,
    options: {
      ...(settings.only.length ? { only: settings.only.join(',') } : {}),
      ...(settings.skip.length ? { skip: settings.skip.join(',') } : {}),
      timeoutMs: settings.timeoutMs,
      concurrency: settings.concurrency,
      generated: settings.generated,
      seed: settings.seed,
    },
    notSelected: Object.fromEntries(
      FAMILIES.map((f) => [
        f,
        catalogue.cases.filter((c) => c.family === f && !cases.includes(c) && !held.has(c.id)).length,
      ]),
    ),
    withheld,
    catalogueSize: catalogue.cases.length,
    wallMs: 0,
  };
}

/** The preflight, then every case with progress lines; none when the preflight refused (`info.stopped` says why). */
async function gradeCases(
  { settings, credentials, say, warn }: RunContext,
  { reading, catalogue, cases }: Plan,
  target: Target,
  info: RunInfo,
): Promise<CaseResult[]> {
  const ready = await preflight(catalogue.cases.map(catalogue.renew), target, reading);
  if (!ready.ok) {
    info.stopped = `${ready.reason}. ${ready.finding.fix}`;
    warn(preflightRefusal(ready, target, credentials));
    return [];
  }
  say(
    ready.off
      ? `Preflight: ${ready.off}; the cases grade that. Running ${cases.length} cases (${settings.concurrency} at a time)…`
      : `Preflight passed (${ready.testCase.id}). Running ${cases.length} cases (${settings.concurrency} at a time)…`,
  );
  let done = 0;
  let failed = 0;
  const options = { concurrency: settings.concurrency, generatedRuns: settings.generated, seed: settings.seed };
  return runCases(cases, target, reading, options, (r) => {
    done++;
    if (r.outcome === 'failed' || r.outcome === 'error') failed++;
    if (done % 50 === 0 || done === cases.length)
      say(`  [${done}/${cases.length}] ${failed ? `${failed} failed so far` : 'all as documented so far'}`);
  });
}

/** A refused preflight, told as a failing case is: what came, what to fix, and the cURL line to try it again. */
function preflightRefusal(refused: Preflight & { ok: false }, target: Target, credentials: Credential[]): string {
  const lead = 'Preflight refused: the server cannot be judged, so no case was run.';
  if (!refused.testCase) return `${lead} ${refused.reason}. ${refused.finding.fix}`;
  const failure = { check: 'preflight', explainsTheRest: true, ...refused.finding };
  const result: CaseResult = {
    testCase: refused.testCase,
    outcome: 'failed',
    passed: false,
    ms: 0,
    failures: [failure],
  };
  const reproduction: Reproduction = { curl: (r) => reproduce(r.testCase, target.baseUrlFor, credentials) };
  return `${lead}\n${describeFailure(result, reproduction)}`;
}

/** The failures, the summary and the reports; the exit code of the verdict (2 when the reports cannot be written). */
function finish(context: RunContext, results: CaseResult[], info: RunInfo, target: Target): number {
  const { settings, credentials, say, warn } = context;
  const reproduction: Reproduction = { curl: (r) => reproduce(r.testCase, target.baseUrlFor, credentials) };
  const failures = failureText(results, reproduction);
  if (failures) say(`\n${failures}`);
  say(`\n${summary(results, info)}`);
  if (settings.reports.length) {
    try {
      const paths = writeReports(results, settings.reports, settings.reportDir, info, reproduction, context.redact);
      for (const path of paths) say(`Report: ${path}`);
    } catch (error) {
      warn(`Cannot write the reports to ${settings.reportDir}: ${reason(error)}`);
      return 2;
    }
  }
  const errors = results.filter((r) => r.outcome === 'error');
  if (errors.length)
    warn(
      `The suite itself failed on ${errors.length} case(s), so the verdict is incomplete (exit 2): ${forTerminal(errors[0]!.note ?? '')}`,
    );
  return EXIT_CODES[result(results, info)];
}
