// Part `long-use`: the mock as its own process under long use, as a frontend team leaves it running for days.
//   (a) with `--stored` orders in the store and four list requests in flight, the latency of other requests (the
//       documented details read and an invalid create), against the same requests with no list in flight, in the
//       same process and the same run;
//   (b) the peak RSS of the mock at its store limit (MOCK_MAX_ITEMS is set to `--stored`): filled, then lists in
//       flight; and what a create beyond the limit gets;
//   (c) the time from spawn to the first `Prefer` answer, and the worst latency of other requests meanwhile, for the
//       mock under tsx (npm run mock) and for the bundled file users install (dist/cli.js).
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { credentialsOf, environmentFor, type Secrets } from '../lib/credentials.ts';
import { RESET_PATH } from '../mocks/server.ts';
import { packageIn, stagePackage } from '../scripts/packages.ts';
import { client, percentile, type Sendable } from './http-timing.ts';
import { firstOk, freePort, scratchDir, sleep, startProcess, type Started } from './processes.ts';
import type { BenchRequest, BenchRequests } from './requests.ts';
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
const PROBE_EVERY_MS = 10;
const GOALS = { p99Ms: 50, peakRssMB: 300, firstPreferMs: 1000, worstMeanwhileMs: 1000 };

type Print = (text: string) => void;

interface Mock {
  url: string;
  started: Started;
}

function startMock(command: string[], options: LongUseOptions, requests: BenchRequests, logDir: string, name: string) {
  return async (): Promise<Mock> => {
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

/**
 * The list clients, in a thread of their own: receiving 30 MB lists on the bench's thread would delay the answers it
 * times there, and the mock would be blamed for the bench's own wait. Plain JavaScript, as a worker runs no tsx.
 */
const LIST_CLIENTS = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
let stop = false;
const ms = [];
parentPort.once('message', () => (stop = true));
const once = (agent) => new Promise((resolve, reject) => {
  const started = performance.now();
  http.request(workerData.url, { method: workerData.method, headers: workerData.headers, agent }, (response) => {
    response.on('end', () => resolve(performance.now() - started)).on('error', reject).resume();
  }).on('error', reject).end();
});
const loop = async () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  while (!stop) ms.push(await once(agent));
  agent.destroy();
};
Promise.all(Array.from({ length: workerData.count }, loop)).then(() => parentPort.postMessage(ms));
`;

/** Runs `during` while `count` clients each send the list again and again; the lists' own latencies too. */
async function withLists<T>(url: string, list: BenchRequest, count: number, during: () => Promise<T>) {
  const { method, headers } = list;
  const clients = new Worker(LIST_CLIENTS, {
    eval: true,
    workerData: { url: `${url}${list.path}`, method, headers, count },
  });
  const listMs = new Promise<number[]>((resolve, reject) => clients.once('message', resolve).once('error', reject));
  await sleep(50); // the lists are sent and being answered
  const result = await during();
  clients.postMessage('stop');
  return { result, listMs: await listMs };
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
async function underLists(requests: BenchRequests, options: LongUseOptions, start: () => Promise<Mock>) {
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

/**
 * (c) From spawn, one client sends the other requests, one every PROBE_EVERY_MS (as an app polls; a client sending
 * back to back would take a CPU from the mock it measures), or at once after a slower answer; a refused connection
 * is retried, not counted. At the first answer, the Prefer request goes. The time to its answer, and the worst
 * latency of the other requests answered until then.
 */
async function firstPrefer(requests: BenchRequests, start: () => Promise<Mock>) {
  const { url, started } = await start();
  const prefer: Sendable = {
    ...requests.valid,
    headers: { ...requests.valid.headers, prefer: `code=${requests.valid.expectedStatus}` },
  };
  let preferAt = Infinity;
  let firstAnswer: () => void = () => {};
  const answered = new Promise<void>((resolve) => (firstAnswer = resolve));
  const latencies: { at: number; ms: number }[] = [];
  const prober = (async () => {
    const http = client(url);
    for (let turn = 0; performance.now() < preferAt; turn++) {
      const kind = turn % 2 === 0 && requests.read ? 'read' : 'invalid';
      try {
        const { ms } = await http.send(requests[kind]!);
        latencies.push({ at: performance.now(), ms });
        firstAnswer();
        await sleep(Math.max(0, PROBE_EVERY_MS - ms));
      } catch {
        await sleep(PROBE_EVERY_MS);
      }
    }
    http.close();
  })();
  try {
    await answered;
    const http = client(url);
    const answer = await http.send(prefer);
    preferAt = performance.now();
    http.close();
    await prober;
    const meanwhile = latencies.filter((l) => l.at <= preferAt).map((l) => l.ms);
    return {
      ms: preferAt - started.startedAt,
      status: answer.status,
      worstMs: Math.max(...meanwhile),
      answered: meanwhile.length,
    };
  } finally {
    preferAt = Math.min(preferAt, performance.now());
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
  const firsts: [string, Awaited<ReturnType<typeof firstPrefer>>[]][] = [
    ['mock under tsx (mocks/cli.ts)', []],
    ['bundled mock (dist/cli.js)', []],
  ];
  for (let round = 0; round < options.rounds; round++) {
    firsts[0]![1].push(await firstPrefer(requests, source));
    firsts[1]![1].push(await firstPrefer(requests, bundled));
  }
  print(`\n(c) From spawn: other requests (as in (a)) one every ${PROBE_EVERY_MS} ms, and at the first answer one request with
    Prefer: code=${requests.valid.expectedStatus} (${requests.valid.label.split(':')[0]}). ${options.rounds} round(s), a fresh process each; medians.`);
  print(
    table(
      [
        'mock',
        'spawn to first Prefer answer ms',
        'its status',
        'worst other request meanwhile ms',
        'answered meanwhile',
        'goal',
        '',
      ],
      firsts.map(([name, runs]) => {
        const ms = median(runs.map((r) => r.ms));
        const worst = median(runs.map((r) => r.worstMs));
        const met = ms <= GOALS.firstPreferMs && worst <= GOALS.worstMeanwhileMs;
        return [
          name,
          fixed(ms, 0),
          runs.map((r) => r.status).join(' '),
          fixed(worst, 0),
          fixed(median(runs.map((r) => r.answered)), 0),
          `≤ ${GOALS.firstPreferMs} ms, worst ≤ ${GOALS.worstMeanwhileMs} ms`,
          verdict(met),
        ];
      }),
    ),
  );
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
