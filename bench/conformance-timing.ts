// Issue 4's timing: the full conformance suite against our mock (started as its own process, as a user runs it),
// through the suite's CLI entry `main()` in this process, and through the CLI as a fresh process (including the
// start of node and tsx), each `rounds` times; medians are printed.
import { join } from 'node:path';
import { main } from '../conformance/cli.ts';
import { buildCases } from '../conformance/cases.ts';
import type { Contract } from '../lib/contract.ts';
import { ROOT, freePort, runToEnd, scratchDir, sleep, startProcess } from './processes.ts';
import { fixed, heading, median, table, verdict } from './table.ts';

export interface TimingOptions {
  rounds: number;
  token: string;
  channelKey: string;
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

export async function runConformanceTiming(contract: Contract, options: TimingOptions, print: (text: string) => void) {
  print(heading('2. Conformance suite timing (issue 4)'));
  const cases = buildCases(contract, { uniquePrefix: 'count' }).length;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logDir = scratchDir('conformance');
  const mock = startProcess(process.execPath, ['--import', 'tsx', 'mocks/cli.ts'], {
    logDir,
    name: 'mock',
    env: { PORT: String(port), MOCK_TOKEN: options.token, MOCK_CHANNEL_KEY: options.channelKey },
  });
  const args = [
    '--base-url',
    url,
    '--token',
    options.token,
    '--channel-key',
    options.channelKey,
    '--order-id-prefix',
    'bench',
  ];
  print(
    `Target: our mock as a process (node --import tsx mocks/cli.ts) at ${url}; ${cases} cases; default concurrency (4); preflight included.`,
  );
  try {
    await waitForListening(url);
    const inProcess: { ms: number; code: number; summary: string }[] = [];
    for (let round = 1; round <= options.rounds; round++) {
      const lines: string[] = [];
      const started = performance.now();
      const code = await main(
        args,
        (line) => lines.push(line),
        (line) => lines.push(line),
      );
      const ms = performance.now() - started;
      const summary =
        lines
          .join('\n')
          .split('\n')
          .filter((l) => /CONFORMANT/.test(l))
          .slice(-1)[0] ?? '';
      inProcess.push({ ms, code, summary });
      print(
        `  round ${round} main(): exit ${code}, ${fixed(ms, 0)} ms, ${fixed(cases / (ms / 1000), 0)} cases/s  ${summary.trim()}`,
      );
    }
    const cli: { ms: number; code: number | null }[] = [];
    for (let round = 1; round <= options.rounds; round++) {
      const run = await runToEnd(process.execPath, ['--import', 'tsx', join(ROOT, 'conformance/cli.ts'), ...args], {
        timeoutMs: 60_000,
      });
      cli.push({ ms: run.ms, code: run.code });
      print(`  round ${round} CLI process: exit ${run.code}, ${run.ms} ms (node + tsx start included)`);
    }
    const medIn = median(inProcess.map((r) => r.ms));
    const medCli = median(cli.map((r) => r.ms));
    const allPassed = inProcess.every((r) => r.code === 0) && cli.every((r) => r.code === 0);
    print('\nMedians:');
    print(
      table(
        ['how', 'cases', 'wall ms', 'cases/s', 'all runs exit 0'],
        [
          [
            'main() in the bench process',
            String(cases),
            fixed(medIn, 0),
            fixed(cases / (medIn / 1000), 0),
            allPassed ? 'yes' : 'NO',
          ],
          [
            'CLI as a new process',
            String(cases),
            fixed(medCli, 0),
            fixed(cases / (medCli / 1000), 0),
            allPassed ? 'yes' : 'NO',
          ],
        ],
      ),
    );
    print(
      `Goal (issue 4): a full run against the local mock under 5 s: ${fixed(medIn / 1000, 2)} s in process, ${fixed(medCli / 1000, 2)} s as a CLI process: ${verdict(medCli < 5000 && medIn < 5000)}`,
    );
    return { cases, medianMs: medIn, medianCliMs: medCli, allPassed };
  } finally {
    await mock.stop();
  }
}
