// `npm run conformance -- --base-url <url>` (secrets from CONFORMANCE_* variables): grades a server against the
// document. Exit codes: 0 conformant (in full or in the part selected), 1 not conformant, 2 could not run or judge
// (bad options, preflight refused, a failure of the suite itself). The server under test may answer anything:
// everything printed has every secret blanked (in every spelling) and every control character made visible, and
// the run ends with the summary and the reports whatever it did.
import { loadContract, type Contract } from '../../lib/contract.ts';
import { credentialsOf, withSecondTenant } from '../../lib/credentials.ts';
import { isEntryPoint } from '../../lib/entry-point.ts';
import { forTerminal } from '../report/output/safe-text.ts';
import { redactorFor } from '../run/secrets.ts';
import { commandLineOf } from './command-line.ts';
import { documentPath, readSettings, usage } from './options.ts';
import { run, type Print } from './run.ts';
import { reason } from './reason.ts';

/** The redactor of the run under way, for the last words of runAsProgram if the process dies. */
let lastWordsRedactor: (text: string) => string = (text) => text;

export async function main(argv: string[], out: Print = console.log, err: Print = console.error, env = process.env) {
  const line = commandLineOf(argv);
  // Until the document is read, no credential has a name: print nothing of what was given.
  const document = documentPath(line);
  let contract: Contract;
  try {
    contract = loadContract(document);
  } catch (error) {
    err(forTerminal(`Cannot read the document ${document}: ${reason(error)}`));
    return 2;
  }
  const credentials = withSecondTenant(credentialsOf(contract));
  const reading = readSettings(line, credentials, env);
  const redact = redactorFor(reading.secrets.values);
  lastWordsRedactor = redact;
  const safe =
    (print: Print): Print =>
    (text) =>
      print(forTerminal(redact(text), { multiline: true }));
  const say = safe(out);
  const warn = safe(err);
  if ('usageError' in reading) {
    warn(`${reading.usageError}\n\n${usage(credentials)}`);
    return 2;
  }
  try {
    return await run({
      contract,
      credentials,
      settings: reading.settings,
      secrets: reading.secrets,
      redact,
      say,
      warn,
    });
  } catch (error) {
    warn(`conformance: the suite failed (exit 2): ${reason(error)}`);
    return 2;
  }
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
