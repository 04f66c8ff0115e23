// Part `long-use`: the mock as its own process under long use, as a frontend team leaves it running for days.
//   (a) with `--stored` orders in the store and four list requests in flight, the latency of other requests (the
//       documented details read and an invalid create), against the same requests with no list in flight, in the
//       same process and the same run;
//   (b) the peak RSS of the mock at its store limit (MOCK_MAX_ITEMS is set to `--stored`): filled, then lists in
//       flight; and what a create beyond the limit gets;
//   (c) the time from spawn to the first `Prefer` answer, and the worst latency of other requests meanwhile, for the
//       mock under tsx (npm run mock) and for the bundled file users install (dist/cli.js).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { credentialsOf, environmentFor, type Secrets } from '../lib/credentials.ts';
import { RESET_PATH } from '../mocks/server.ts';
import { packageIn, stagePackage } from '../scripts/packages.ts';
import { firstPrefer, printFirstPrefer, type FirstPrefer, type SpawnedMock } from './first-prefer.ts';
import { client, percentile, withLists } from './http-timing.ts';
import { firstOk, freePort, scratchDir, startProcess } from './processes.ts';
import type { BenchRequests } from './requests.ts';
import { fixed, heading, median, ratio, table, verdict } from './table.ts';

export interface LongUseOptions {
  rounds: number;
  durationS: number;
  /** Orders stored before (a) and (b); also the mock's store limit. */
  stored: number;
  secrets: Secrets;
}

const LISTS_IN_FLIGHT = 4;
const FILL_CONNECTIONS = 8;
const GOALS = { p99Ms: 50, peakRssMB: 300 };

type Print = (text: string) => void;

function startMock(command: string[], options: LongUseOptions, requests: BenchRequests, logDir: string, name: string) {
  return async (): Promise<SpawnedMock> => {
    const port = await freePort();
    const env = environmentFor(credentialsOf(requests.contract), 'MOCK_', options.secrets);
    const started = startProcess(command[0]!, command.slice(1), {
      logDir,
      name: `${name}-${port}`,
      env: { ...env, PORT: String(port), MOCK_MAX_ITEMS: String(options.stored) },
    });
    return { url: `http://127.0.0.1:${port}`, started };
  };
}

/** The process's own resident memory now and at its peak (VmRSS, VmHWM), in MB. */
function memoryOf(pid: number): { rssMB: number; peakMB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { rssMB: (kib('VmRSS') * 1024) / 1e6, peakMB: (kib('VmHWM') * 1024) / 1e6 };
}

/** Creates `count` items through the documented create, FILL_CONNECTIONS at a time; the statuses counted. */
async function fill(url: string, requests: BenchRequests, count: number) {
  const http = client(url, FILL_CONNECTIONS);
  const statuses = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const { status } = await http.send({ ...requests.valid, body: requests.createBody(next++) });
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: FILL_CONNECTIONS }, worker));
  http.close();
  return {
    seconds: (performance.now() - started) / 1000,
    statuses: [...statuses].map(([s, n]) => `${s}:${n}`).join(' '),
  };
}

interface Others {
  read: number[];
  invalid: number[];
}

/** The other requests, one at a time for `seconds`: the read of a stored item and the invalid create, in turn. */
async function others(url: string, requests: BenchRequests, seconds: number): Promise<Others> {
  const http = client(url);
  const measured: Others = { read: [], invalid: [] };
  const until = performance.now() + seconds * 1000;
  for (let turn = 0; performance.now() < until; turn++) {
    const kind = turn % 2 === 0 && requests.read ? 'read' : 'invalid';
    measured[kind].push((await http.send(requests[kind]!)).ms);
  }
  http.close();
  return measured;
}

interface ListsRun {
  filled: { seconds: number; statuses: string };
  filledRssMB: number;
  quiet: Others[];
  busy: Others[];
  listMs: number[];
  peakMB: number;
  beyondLimit: string;
}

/** (a) and (b) in one process: fill to the limit, then in each round a window without lists and one with. */
async function underLists(requests: BenchRequests, options: LongUseOptions, start: () => Promise<SpawnedMock>) {
  const { url, started } = await start();
  try {
    await firstOk(url, requests.list!, started.startedAt);
    const reset = client(url);
    await reset.send({ method: 'POST', path: RESET_PATH, headers: {} });
    reset.close();
    const filled = await fill(url, requests, options.stored);
    const run: ListsRun = {
      filled,
      filledRssMB: memoryOf(started.pid).rssMB,
      quiet: [],
      busy: [],
      listMs: [],
      peakMB: 0,
      beyondLimit: '',
    };
    for (let round = 0; round < options.rounds; round++) {
      run.quiet.push(await others(url, requests, options.durationS));
      const busy = await withLists(url, requests.list!, LISTS_IN_FLIGHT, () =>
        others(url, requests, options.durationS),
      );
      run.busy.push(busy.result);
      run.listMs.push(...busy.listMs);
    }
    const beyond = client(url);
    const answer = await beyond.send({ ...requests.valid, body: requests.createBody(options.stored + 1) });
    beyond.close();
    run.beyondLimit = String(answer.status);
    run.peakMB = memoryOf(started.pid).peakMB;
    return run;
  } finally {
    await started.stop();
  }
}

export async function runMockLongUse(requests: BenchRequests, options: LongUseOptions, print: Print) {
  print(heading('5. The mock under long use'));
  if (!requests.list || !requests.read) {
    print('The document has no list or read operation (x-resource): nothing to measure.');
    return;
  }
  const logDir = scratchDir('long-use');
  print(`The mock as its own process (node --import tsx mocks/cli.ts), MOCK_MAX_ITEMS=${options.stored}; logs in ${logDir}.
(a) ${options.stored} orders stored, then ${options.rounds} round(s) of: ${options.durationS} s of other requests one at a time with no list
    in flight, then ${options.durationS} s with ${LISTS_IN_FLIGHT} list requests in flight (each client sends the list again as soon as it is answered;
    the list clients run in a thread of their own, the bench's thread times the other requests).
    Other requests: ${requests.read.label}, and ${requests.invalid.label}, in turn.
(b) VmHWM of the mock's process after (a): filled to its limit, then lists in flight.`);
  const source = startMock([process.execPath, '--import', 'tsx', 'mocks/cli.ts'], options, requests, logDir, 'tsx');
  const run = await underLists(requests, options, source);
  printLists(run, options, print);

  const stage = join(scratchDir('long-use-bundle'), 'mock');
  await stagePackage(packageIn('mocks'), stage);
  const bundled = startMock([process.execPath, join(stage, 'dist/cli.js')], options, requests, logDir, 'bundled');
  const firsts: [string, FirstPrefer[]][] = [
    ['mock under tsx (mocks/cli.ts)', []],
    ['bundled mock (dist/cli.js)', []],
  ];
  for (let round = 0; round < options.rounds; round++) {
    firsts[0]![1].push(await firstPrefer(requests, source));
    firsts[1]![1].push(await firstPrefer(requests, bundled));
  }
  printFirstPrefer(firsts, requests, options.rounds, print);
}

function printLists(run: ListsRun, options: LongUseOptions, print: Print) {
  print(`Filled in ${fixed(run.filled.seconds)} s (${run.filled.statuses}); RSS then ${fixed(run.filledRssMB)} MB.`);
  const rows: string[][] = [];
  for (const kind of ['read', 'invalid'] as const) {
    const quiet = run.quiet.map((o) => o[kind]);
    const busy = run.busy.map((o) => o[kind]);
    const p = (windows: number[][], share: number) => median(windows.map((w) => percentile(w, share)));
    const count = (windows: number[][]) => median(windows.map((w) => w.length));
    rows.push([
      kind,
      fixed(p(quiet, 0.5), 1),
      fixed(p(quiet, 0.99), 1),
      fixed(count(quiet), 0),
      fixed(p(busy, 0.5), 1),
      fixed(p(busy, 0.99), 1),
      fixed(count(busy), 0),
      ratio(p(busy, 0.99), p(quiet, 0.99)),
      verdict(p(busy, 0.99) <= GOALS.p99Ms),
    ]);
  }
  print(
    `\n(a) Latency of other requests with ${options.stored} stored orders (medians of the rounds' p50 and p99; n: requests per window):`,
  );
  print(
    table(
      [
        'request',
        'no lists p50 ms',
        'p99 ms',
        'n',
        `${LISTS_IN_FLIGHT} lists p50 ms`,
        'p99 ms',
        'n',
        'p99 ratio',
        `p99 ≤ ${GOALS.p99Ms} ms`,
      ],
      rows,
    ),
  );
  print(
    `The lists themselves: p50 ${fixed(percentile(run.listMs, 0.5), 0)} ms, p99 ${fixed(percentile(run.listMs, 0.99), 0)} ms, ${run.listMs.length} answered.`,
  );
  print(
    `\n(b) Peak RSS of the mock (VmHWM) at its store limit with lists in flight: ${fixed(run.peakMB)} MB (goal ≤ ${GOALS.peakRssMB} MB: ${verdict(run.peakMB <= GOALS.peakRssMB)}). A create beyond the limit got ${run.beyondLimit}.`,
  );
}
