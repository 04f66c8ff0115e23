// The conformance suite's timing: the full catalogue against our mock (started as its own process, as a user runs
// it), deterministic cases only and with `--generated 100`, through the suite's CLI entry `main()` in this process
// and through the CLI as a fresh process (node and tsx start included), each `rounds` times; medians are printed,
// with the number of cases per operation and family.
import { join } from 'node:path';
import { main } from '../conformance/cli/cli.ts';
import { buildCatalogue } from '../conformance/engine/catalogue.ts';
import { readingOf } from '../conformance/engine/reading.ts';
import { FAMILIES, type Case } from '../conformance/engine/case.ts';
import type { Contract } from '../lib/contract.ts';
import { credentialsOf, environmentFor, secondTenantSecrets, withSecondTenant } from '../lib/credentials.ts';
import { ROOT, freePort, runToEnd, scratchDir, sleep, startProcess } from './processes.ts';
import { fixed, heading, median, table, verdict } from './table.ts';
import type { Tenants } from './tools.ts';

export interface TimingOptions {
  rounds: number;
  /** The mock's two tenants, so that the run holds the tenancy cases too. */
  tenants: Tenants;
}

async function waitForListening(url: string, timeoutMs = 30_000) {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    try {
      await (await fetch(`${url}/openapi.yaml`)).arrayBuffer();
      return;
    } catch {
      await sleep(20);
    }
  }
  throw new Error(`the mock at ${url} did not start within ${timeoutMs} ms`);
}

type Print = (text: string) => void;

export async function runConformanceTiming(contract: Contract, options: TimingOptions, print: Print) {
  print(heading('2. Conformance suite timing (issues 4 and 9)'));
  const { cases } = buildCatalogue(readingOf(contract), { uniquePrefix: 'count' });
  printCaseCounts(contract, cases, print);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const credentials = credentialsOf(contract);
  const { credentials: first, secondTenant } = options.tenants;
  const secrets = { ...first, ...secondTenantSecrets(credentials, secondTenant) };
  const env = (prefix: string) => environmentFor(withSecondTenant(credentials), prefix, secrets);
  const mock = startProcess(process.execPath, ['--import', 'tsx', 'mocks/cli.ts'], {
    logDir: scratchDir('conformance'),
    name: 'mock',
    env: { PORT: String(port), ...env('MOCK_') },
  });
  print(
    `Target: our mock as a process (node --import tsx mocks/cli.ts) at ${url}, with two tenants; default concurrency (4); preflight included.`,
  );
  try {
    await waitForListening(url);
    const rows: string[][] = [];
    const results: Record<string, number> = {};
    let allPassed = true;
    for (const generated of [0, 100]) {
      const count = cases.filter((c) => generated > 0 || !c.property).length;
      const run = { url, generated, rounds: options.rounds, env: env('CONFORMANCE_'), selected: count };
      const timed = await timeRounds(run, print);
      allPassed &&= timed.allPassed;
      const [inProcess, asProcess] = [median(timed.inProcess), median(timed.processes)];
      rows.push([
        `--generated ${generated}`,
        String(count),
        fixed(inProcess, 0),
        fixed(asProcess, 0),
        fixed(count / (inProcess / 1000), 0),
      ]);
      results[`main${generated}`] = inProcess;
      results[`cli${generated}`] = asProcess;
    }
    print('\nMedians:');
    print(table(['run', 'cases', 'main() ms', 'CLI process ms', 'cases/s in process'], rows));
    const deterministic = Math.max(results.main0!, results.cli0!);
    print(
      `Goal (issues 4 and 9): a full deterministic run against the local mock under 5 s: ${fixed(deterministic / 1000, 2)} s (slower of in process and as a CLI process): ${verdict(deterministic < 5000 && allPassed)}`,
    );
    return { cases: cases.length, results, allPassed };
  } finally {
    await mock.stop();
  }
}

function printCaseCounts(contract: Contract, cases: Case[], print: Print) {
  const families = FAMILIES.filter((f) => cases.some((c) => c.family === f));
  print('Cases per operation and family (generated cases draw --generated requests each):');
  print(
    table(
      ['operation', ...families, 'total'],
      contract.operations.map((op) => {
        const own = cases.filter((c) => c.operationId === op.operationId);
        return [
          op.operationId,
          ...families.map((f) => String(own.filter((c) => c.family === f).length)),
          String(own.length),
        ];
      }),
    ),
  );
}

interface TimedRun {
  url: string;
  generated: number;
  rounds: number;
  /** The CONFORMANCE_ variables of the mock's credentials. */
  env: Record<string, string>;
  /** Cases the options select: every one of them must be run and pass. */
  selected: number;
}

/** `rounds` runs of the whole catalogue, each through main() in this process and as a fresh CLI process. */
async function timeRounds({ url, generated, rounds, env, selected }: TimedRun, print: Print) {
  const args = ['--base-url', url, '--unique-prefix', 'bench', '--generated', String(generated), '--seed', '1'];
  const inProcess: number[] = [];
  const processes: number[] = [];
  let allPassed = true;
  for (let round = 1; round <= rounds; round++) {
    const lines: string[] = [];
    const started = performance.now();
    const code = await main(
      args,
      (line) => lines.push(line),
      (line) => lines.push(line),
      { ...process.env, ...env },
    );
    inProcess.push(performance.now() - started);
    const cli = join(ROOT, 'conformance/cli/cli.ts');
    const run = await runToEnd(process.execPath, ['--import', 'tsx', cli, ...args], { timeoutMs: 120_000, env });
    processes.push(run.ms);
    const verdictLine =
      lines
        .join('\n')
        .split('\n')
        .filter((l) => /CONFORMANT/.test(l))
        .pop() ?? '';
    // Every case selected was run and passed: none left out for want of the second tenant's credentials.
    allPassed &&= code === 0 && run.code === 0 && verdictLine.includes(`all ${selected} cases`);
    print(
      `  --generated ${generated} round ${round}: main() exit ${code} in ${fixed(inProcess.at(-1)!, 0)} ms; CLI process exit ${run.code} in ${run.ms} ms  ${verdictLine.trim()}`,
    );
  }
  return { inProcess, processes, allPassed };
}
