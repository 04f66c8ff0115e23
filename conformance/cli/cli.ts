// `npm run conformance -- --base-url <url>` (secrets from CONFORMANCE_* variables): grades a server against the
// document. Exit codes: 0 conformant (in full or in the part selected), 1 not conformant, 2 could not run or judge
// (bad options, preflight refused, a failure of the suite itself). The server under test may answer anything:
// everything printed has every secret blanked (in every spelling) and every control character made visible, and
// the run ends with the summary and the reports whatever it did.
import { loadContract, type Contract } from '../../lib/contract.ts';
import { credentialsOf } from '../../lib/credentials.ts';
import { isEntryPoint } from '../../lib/entry-point.ts';
import { schemaValidator } from '../../lib/schema-validator.ts';
import { FAMILIES, type Case } from '../engine/case.ts';
import { buildCatalogue } from '../engine/catalogue.ts';
import { documentPath, secretsGiven, settingsFrom, usage, type Settings } from './options.ts';
import { forTerminal } from '../report/output/safe-text.ts';
import { preflight } from '../run/preflight.ts';
import { writeReports } from '../report/files.ts';
import { EXIT_CODES, failureText, header, result, summary, type RunInfo } from '../report/report.ts';
import { reproduce } from '../run/reproduce.ts';
import { runCases, type CaseResult, type Target } from '../run/runner.ts';
import { redactorFor } from '../run/secrets.ts';
import { selectCases } from '../engine/select.ts';
import { baseUrlFor } from '../run/target.ts';
import { TOOL } from './tool.ts';

type Print = (text: string) => void;

/** The redactor of the run under way, for the last words of runAsProgram if the process dies. */
let lastWordsRedactor: (text: string) => string = (text) => text;

export async function main(argv: string[], out: Print = console.log, err: Print = console.error, env = process.env) {
  // Until the document is read, no credential has a name: print nothing of what was given.
  const document = documentPath(argv);
  let contract: Contract;
  try {
    contract = loadContract(document);
  } catch (error) {
    err(forTerminal(`Cannot read the document ${document}: ${reason(error)}`));
    return 2;
  }
  const credentials = credentialsOf(contract);
  const redact = redactorFor(secretsGiven(argv, credentials, env));
  lastWordsRedactor = redact;
  const safe =
    (print: Print): Print =>
    (text) =>
      print(forTerminal(redact(text), { multiline: true }));
  const say = safe(out);
  const warn = safe(err);
  try {
    return await run(argv, contract, env, say, warn);
  } catch (error) {
    warn(`conformance: the suite failed (exit 2): ${reason(error)}`);
    return 2;
  }
}

async function run(argv: string[], contract: Contract, env: NodeJS.ProcessEnv, say: Print, warn: Print) {
  const credentials = credentialsOf(contract);
  let settings: Settings;
  try {
    settings = settingsFrom(argv, credentials, env);
  } catch (error) {
    warn(`${reason(error)}\n\n${usage(credentials)}`);
    return 2;
  }
  if (settings.help) return (say(usage(credentials)), 0);
  if (settings.version)
    return (say(`${TOOL.name} ${TOOL.version} (contract ${contract.title} ${contract.version})`), 0);

  const runId = Date.now().toString(36);
  const catalogue = buildCatalogue(contract, { uniquePrefix: `${settings.uniquePrefix}-${runId}` });
  const selected = selectCases(catalogue.cases, settings.only, settings.skip);
  const cases = settings.generated === 0 ? selected.filter((c) => !c.property) : selected;
  if (settings.list) {
    for (const c of cases)
      say(`${c.id.padEnd(64)} ${c.family.padEnd(11)} ${String(c.expect.status)}  ${c.title}  [${c.rule}]`);
    say(
      `${cases.length} cases${catalogue.notes.length ? `; ${catalogue.notes.length} probes left out (the schema decides them otherwise)` : ''}`,
    );
    return 0;
  }
  if (!settings.baseUrl) {
    warn(`Missing --base-url (or CONFORMANCE_BASE_URL).\n\n${usage(credentials)}`);
    return 2;
  }
  if (cases.length === 0) {
    warn('No case is left after --only/--skip.');
    return 2;
  }
  const needed = credentials.filter(
    (c) => settings.secrets[c.key] === undefined && cases.some((k) => usesSecret(k, c.key)),
  );
  if (needed.length) {
    const operations = [...new Set(cases.flatMap((k) => needed.flatMap((c) => operationsSending(k, c.key))))];
    warn(
      `Missing ${needed.map((c) => `--${c.option} (CONFORMANCE_${c.env})`).join(', ')}: cases of ${operations.join(', ')} need them. Give them, or --skip ${operations.join(',')}.`,
    );
    return 2;
  }
  if (settings.secretsOnCommandLine.length)
    warn(
      `Warning: ${settings.secretsOnCommandLine.join(', ')} on the command line can be seen in the process list and shell history (and npm prints its command line); prefer the CONFORMANCE_ variables.`,
    );
  for (const key of redactorFor(settings.secrets).ignored)
    warn(
      `Warning: the ${key} given is shorter than 4 characters, too short to be told apart from other text, so it is not blanked in the output.`,
    );

  const target: Target = {
    baseUrl: settings.baseUrl,
    secrets: settings.secrets,
    timeoutMs: settings.timeoutMs,
    baseUrlFor: baseUrlFor(contract, settings.baseUrl),
  };
  const started = performance.now();
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
      generated: settings.generated,
      seed: settings.seed,
    },
    notSelected: Object.fromEntries(
      FAMILIES.map((f) => [f, catalogue.cases.filter((c) => c.family === f && !cases.includes(c)).length]),
    ),
    catalogueSize: catalogue.cases.length,
    wallMs: 0,
  };
  say(header(info).join('\n'));

  let results: CaseResult[] = [];
  const ready = await preflight(catalogue.cases.map(catalogue.renew), target);
  if (!ready.ok) {
    info.stopped = ready.reason;
    warn(`Preflight refused, nothing was graded: ${forTerminal(ready.reason)}`);
  } else {
    say(`Preflight passed (${ready.testCase.id}). Running ${cases.length} cases (${settings.concurrency} at a time)…`);
    let done = 0;
    let failed = 0;
    const grading = { contract, validator: schemaValidator(contract.document) };
    const runOptions = { concurrency: settings.concurrency, generatedRuns: settings.generated, seed: settings.seed };
    results = await runCases(cases, target, grading, runOptions, (r) => {
      done++;
      if (r.outcome === 'failed' || r.outcome === 'error') failed++;
      if (done % 50 === 0 || done === cases.length)
        say(`  [${done}/${cases.length}] ${failed ? `${failed} failed so far` : 'all as documented so far'}`);
    });
  }
  info.wallMs = Math.round(performance.now() - started);

  const reproduction = { curl: (r: CaseResult) => reproduce(r.testCase, target.baseUrlFor!, credentials) };
  const failures = failureText(results, reproduction);
  if (failures) say(`\n${failures}`);
  say(`\n${summary(results, info)}`);
  if (settings.reports.length) {
    try {
      for (const path of writeReports(
        results,
        settings.reports,
        settings.reportDir,
        info,
        reproduction,
        redactorFor(settings.secrets),
      ))
        say(`Report: ${path}`);
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

/** The operations whose requests in a case send a secret (or a near-miss of it): its own, or a prelude step's. */
function operationsSending(testCase: Case, key: string): string[] {
  const requests = [testCase, ...(testCase.prelude ?? [])];
  return requests.filter((step) => JSON.stringify(step.request).includes(`{{${key}`)).map((step) => step.operationId);
}

function usesSecret(testCase: Case, key: string): boolean {
  return operationsSending(testCase, key).length > 0;
}

/** One line: the first line of an error's message, never its stack. */
function reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? '';
}

/**
 * Runs `main` as the process: its result is the exit code, and anything that escapes it (an exception, a rejected
 * promise, an event loop left with nothing to wait for while it was still running) ends the process with exit 2
 * and one line on stderr, never a stack trace, exit 1 or a silent exit 0.
 */
export function runAsProgram(program: () => Promise<number> = () => main(process.argv.slice(2))): void {
  let finished = false;
  const fail = (what: string) => {
    if (finished) return;
    finished = true;
    process.stderr.write(`${forTerminal(lastWordsRedactor(`conformance: the suite failed (exit 2): ${what}`))}\n`);
    process.exitCode = 2;
  };
  process.on('uncaughtException', (error) => {
    fail(reason(error));
    process.exit(2);
  });
  process.on('unhandledRejection', (error) => {
    fail(reason(error));
    process.exit(2);
  });
  process.on('exit', () => fail('the run stopped before it finished, with nothing left to wait for'));
  program().then(
    (code) => {
      finished = true;
      process.exitCode = code;
    },
    (error: unknown) => fail(reason(error)),
  );
}

if (isEntryPoint(import.meta.url)) runAsProgram();
