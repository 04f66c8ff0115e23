// Issue 3's benchmark: our mock, Prism's own CLI and a bare node:http server, each started as its own process on
// the same bundled document, timed from spawn to first 200 and then driven by autocannon (same connections, same
// duration, after a warm-up) with the valid and the invalid request. Each measurement is taken `rounds` times
// (a fresh process each round) and the medians are printed.
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, firstOk, freePort, runToEnd, sampleRss, scratchDir, startProcess, type Started } from './processes.ts';
import { credentialsOf, environmentFor } from '../lib/credentials.ts';
import { RESET_PATH } from '../mocks/server.ts';
import type { BenchRequest, BenchRequests } from './requests.ts';
import { fixed, heading, median, ratio, table, verdict } from './table.ts';

export interface ThroughputOptions {
  connections: number;
  durationS: number;
  warmupS: number;
  rounds: number;
  /** The mock's credentials, by key (lib/credentials.ts). */
  secrets: Record<string, string>;
}

interface Server {
  name: string;
  note: string;
  start(port: number, logDir: string): Started;
}

interface Load {
  reqPerS: number;
  p50: number;
  p99: number;
  expectedShare: number;
  statuses: string;
  errors: number;
}
interface Round {
  round?: number;
  first200Ms: number;
  peakRssMiB: number;
  processes: number;
  valid: Load;
  invalid: Load;
  /** The read and the list, with STORED items made first (not for the bare server, which stores nothing). */
  read?: Load;
  list?: Load;
}

/** Items created before the read and the list are measured (issue 10: "with 1,000 stored orders"). */
const STORED = 1_000;
type Kind = 'valid' | 'invalid' | 'read' | 'list';
const KINDS: Kind[] = ['valid', 'invalid', 'read', 'list'];

const OURS = 'ours';
const PRISM = 'Prism CLI';
const PRISM_QUIET = 'Prism CLI -v silent';
const BARE = 'bare node:http';

function servers(requests: BenchRequests, options: ThroughputOptions): Server[] {
  const prism = (extra: string[]) => (port: number, logDir: string) =>
    startProcess(
      join(ROOT, 'node_modules/.bin/prism'),
      ['mock', 'generated/openapi.yaml', '-p', String(port), '-h', '127.0.0.1', ...extra],
      { logDir, name: `prism${extra.length ? '-quiet' : ''}-${port}` },
    );
  return [
    {
      name: OURS,
      note: 'node --import tsx mocks/cli.ts',
      start: (port, logDir) =>
        startProcess(process.execPath, ['--import', 'tsx', 'mocks/cli.ts'], {
          logDir,
          name: `ours-${port}`,
          env: { PORT: String(port), ...environmentFor(credentialsOf(requests.contract), 'MOCK_', options.secrets) },
        }),
    },
    {
      name: PRISM,
      note: 'prism mock generated/openapi.yaml (defaults: no --errors, -v info logs every request, to a file)',
      start: prism([]),
    },
    {
      name: PRISM_QUIET,
      note: 'the same with -v silent (no request log), to show what the logging costs',
      start: prism(['-v', 'silent']),
    },
    {
      name: BARE,
      note: 'bench/bare-server.mjs: reads the body, answers any POST with the documented success JSON',
      start: (port, logDir) =>
        startProcess(process.execPath, ['bench/bare-server.mjs'], {
          logDir,
          name: `bare-${port}`,
          env: { PORT: String(port), BODY: JSON.stringify(requests.successBody) },
        }),
    },
  ];
}

async function drive(url: string, request: BenchRequest, options: ThroughputOptions): Promise<Load> {
  const fresh = request.fresh;
  const settings = {
    url: url + request.path,
    method: request.method,
    headers: request.headers,
    body: request.body,
    connections: options.connections,
    // The same generator work for every server: a new key in each create, since the mock refuses a known one.
    ...(fresh ? { requests: [{ setupRequest: (sent: { body?: string }) => ({ ...sent, body: fresh() }) }] } : {}),
  };
  await autocannon({ ...settings, duration: options.warmupS });
  const result = await autocannon({ ...settings, duration: options.durationS });
  const total = Object.values(result.statusCodeStats).reduce((sum, s) => sum + s.count, 0);
  const expected = result.statusCodeStats[String(request.expectedStatus)]?.count ?? 0;
  return {
    reqPerS: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    expectedShare: total ? (100 * expected) / total : 0,
    statuses: Object.entries(result.statusCodeStats)
      .map(([status, s]) => `${status}:${s.count}`)
      .join(' '),
    errors: result.errors + result.timeouts,
  };
}

async function measure(
  server: Server,
  requests: BenchRequests,
  options: ThroughputOptions,
  logDir: string,
): Promise<Round> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = server.start(port, logDir);
  const rss = sampleRss(started.pid);
  try {
    const first200Ms = await Promise.race([
      firstOk(url, requests.valid, started.startedAt),
      started.exited.then(({ code }) => {
        throw new Error(`${server.name} exited (code ${code}) before answering; log: ${started.logPath}`);
      }),
    ]);
    const valid = await drive(url, requests.valid, options);
    const invalid = await drive(url, requests.invalid, options);
    const stateful = server.name === BARE ? {} : await readAndList(url, requests, options);
    const { peakMiB, maxProcesses } = rss.stop();
    // A round only counts if the server stayed up and answered every request, the valid one with its status.
    const { exitCode, signalCode } = started.child;
    const problem =
      exitCode !== null || signalCode !== null
        ? `the process ended during the run (code ${exitCode}, signal ${signalCode})`
        : valid.errors + invalid.errors > 0
          ? `${valid.errors + invalid.errors} connection errors/timeouts`
          : valid.expectedShare < 100
            ? `only ${fixed(valid.expectedShare)}% of the valid requests got ${requests.valid.expectedStatus}`
            : undefined;
    if (problem) {
      const tail = readFileSync(started.logPath, 'utf8').trim().split('\n').slice(-5).join('\n      ');
      throw new Error(
        `${problem}; valid ${valid.statuses || 'no answers'}, invalid ${invalid.statuses || 'no answers'}; last lines of its log:\n      ${tail}`,
      );
    }
    return { first200Ms, peakRssMiB: peakMiB, processes: maxProcesses, valid, invalid, ...stateful };
  } finally {
    rss.stop();
    await started.stop();
  }
}

/** Creates STORED items, then drives the read of the first and the list of all. */
async function readAndList(url: string, requests: BenchRequests, options: ThroughputOptions) {
  const { read, list } = requests;
  if (!read || !list) return {};
  // The valid POSTs stored tens of thousands: forgotten first, so the list holds STORED (Prism has no reset: 404).
  await (await fetch(url + RESET_PATH, { method: 'POST' })).arrayBuffer();
  for (let index = 0; index < STORED; index++) {
    const response = await fetch(url + requests.valid.path, {
      method: requests.valid.method,
      headers: requests.valid.headers,
      body: requests.createBody(index),
    });
    await response.arrayBuffer();
  }
  return { read: await drive(url, read, options), list: await drive(url, list, options) };
}

/** Where our mock's start time goes: a fresh node with tsx, and the load of the Prism library it imports. */
async function startBreakdown(print: (text: string) => void) {
  const timed = async (args: string[]) => {
    const run = await runToEnd(process.execPath, args, { timeoutMs: 30_000 });
    return run.code === 0 ? (run.output.trim().split('\n').pop() ?? '') : `failed (exit ${run.code})`;
  };
  const load = (module: string) => [
    '-e',
    `const s = performance.now(); require(${JSON.stringify(module)}); console.log(Math.round(performance.now() - s))`,
  ];
  const tsx = await runToEnd(process.execPath, ['--import', 'tsx', '-e', '0'], { timeoutMs: 30_000 });
  const whole = await timed(load('@stoplight/prism-http'));
  const mocker = await timed(load('@stoplight/prism-http/dist/mocker/index.js'));
  print(`Start-up breakdown (one sample each): node --import tsx -e 0 takes ${tsx.ms} ms as a process; require('@stoplight/prism-http') ${whole} ms,
of which its mocker module alone (dist/mocker, json-schema-faker and friends) ${mocker} ms, in a fresh node. Our mock
loads it in a thread of its own as it starts (mocks/prism-thread.ts), off the path of every request.`);
}

type Print = (text: string) => void;
type Rounds = Map<string, Round[]>;

export async function runMockThroughput(requests: BenchRequests, options: ThroughputOptions, print: Print) {
  const list = servers(requests, options);
  const logDir = scratchDir('mock-logs');
  describeSetup(requests, options, list, logDir, print);
  const rounds = await measureRounds(list, requests, options, logDir, print);
  const figures = figuresOf(rounds);
  printMedians(list, figures, requests, print);
  printRatios(figures, print);
  printPerRound(rounds, print);
  printGoals(figures, options, print);
  await startBreakdown(print);
  return rounds;
}

function describeSetup(
  requests: BenchRequests,
  options: ThroughputOptions,
  list: Server[],
  logDir: string,
  print: Print,
) {
  print(heading('1. Mock throughput (issue 3)'));
  print(`Same bundled document for all: generated/openapi.yaml. Each server is a separate process on 127.0.0.1.
autocannon (programmatic, in the bench process): ${options.connections} connections, ${options.warmupS} s warm-up, then ${options.durationS} s measured, per request.
Valid POST:   ${requests.valid.label}, expects ${requests.valid.expectedStatus}
Invalid POST: ${requests.invalid.label}, expects ${requests.invalid.expectedStatus}
${options.rounds} rounds, a fresh process per server per round; every figure is the median of the rounds.
Peak RSS: VmRSS summed over the server's process group (the process and any child), sampled every 100 ms from spawn to stop.`);
  for (const server of list) print(`  ${server.name.padEnd(20)} ${server.note}`);
  print(`Server logs: ${logDir} (removed at the end unless --keep-logs or the bench fails)`);
}

/** Each server once per round, a round that failed tried once more; the rounds that counted, by server. */
async function measureRounds(
  list: Server[],
  requests: BenchRequests,
  options: ThroughputOptions,
  logDir: string,
  print: Print,
): Promise<Rounds> {
  const rounds: Rounds = new Map(list.map((s) => [s.name, []]));
  for (let round = 1; round <= options.rounds; round++) {
    for (const server of list) {
      let result: Round | undefined;
      for (let attempt = 1; attempt <= 2 && !result; attempt++) {
        try {
          result = await measure(server, requests, options, logDir);
        } catch (error) {
          print(
            `  round ${round} ${server.name}: DISCARDED (attempt ${attempt} of 2): ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
      if (!result) continue;
      rounds.get(server.name)!.push({ ...result, round });
      print(
        `  round ${round} ${server.name.padEnd(20)} first 200 ${fixed(result.first200Ms, 0)} ms, valid ${fixed(result.valid.reqPerS, 0)} req/s (p99 ${result.valid.p99} ms; ${result.valid.statuses}), invalid ${fixed(result.invalid.reqPerS, 0)} req/s (p99 ${result.invalid.p99} ms; ${result.invalid.statuses}), peak RSS ${fixed(result.peakRssMiB)} MiB in ${result.processes} process(es)${result.valid.errors + result.invalid.errors ? `, ${result.valid.errors + result.invalid.errors} errors/timeouts` : ''}`,
      );
    }
  }
  return rounds;
}

/** The medians of the rounds, by server, request kind and figure. */
function figuresOf(rounds: Rounds) {
  const med = (name: string, pick: (r: Round) => number) => median(rounds.get(name)!.map(pick));
  return {
    med,
    measured: (name: string, kind: Kind) => rounds.get(name)!.some((r) => r[kind] !== undefined),
    load: (name: string, kind: Kind, pick: (l: Load) => number) => med(name, (r) => (r[kind] ? pick(r[kind]) : NaN)),
    count: (name: string) => rounds.get(name)!.length,
  };
}

type Figures = ReturnType<typeof figuresOf>;

function printMedians(list: Server[], figures: Figures, requests: BenchRequests, print: Print) {
  const { med, measured, load, count } = figures;
  const rows = list.flatMap((server) =>
    KINDS.filter((k) => measured(server.name, k)).map((kind) => [
      server.name,
      kind,
      String(count(server.name)),
      fixed(
        load(server.name, kind, (l) => l.reqPerS),
        0,
      ),
      fixed(
        load(server.name, kind, (l) => l.p50),
        1,
      ),
      fixed(
        load(server.name, kind, (l) => l.p99),
        1,
      ),
      fixed(
        med(server.name, (r) => r.first200Ms),
        0,
      ),
      fixed(
        med(server.name, (r) => r.peakRssMiB),
        1,
      ),
      fixed(
        load(server.name, kind, (l) => l.expectedShare),
        1,
      ),
    ]),
  );
  print('\nMedians of the rounds:');
  print(
    table(
      ['server', 'request', 'rounds', 'req/s', 'p50 ms', 'p99 ms', 'first 200 ms', 'peak RSS MiB', '% expected status'],
      rows,
    ),
  );
  print(`% expected status: answers with the documented status (${requests.valid.expectedStatus} valid, ${requests.invalid.expectedStatus} invalid). The bare server validates nothing and
answers 200 to every POST, so its invalid row is the floor of HTTP + JSON, not a like-for-like answer.
read and list: ${requests.read?.label ?? '-'}; ${requests.list?.label ?? '-'}; each after ${STORED} creates. Ours answers from
what it stores (the list holds ${STORED} orders, about ${Math.round((STORED * requests.successBody.length) / 1024)} KiB a response); Prism answers every request from the document's example.
Latencies come from autocannon's histogram, which has 1 ms resolution (0 means under 1 ms).`);
}

function printRatios(figures: Figures, print: Print) {
  const { med, measured, load } = figures;
  const rows = [PRISM, PRISM_QUIET, BARE].flatMap((other) =>
    KINDS.filter((k) => measured(OURS, k) && measured(other, k)).map((kind) => [
      `ours/${other}`,
      kind,
      ratio(
        load(OURS, kind, (l) => l.reqPerS),
        load(other, kind, (l) => l.reqPerS),
      ),
      ratio(
        load(OURS, kind, (l) => l.p50),
        load(other, kind, (l) => l.p50),
      ),
      ratio(
        load(OURS, kind, (l) => l.p99),
        load(other, kind, (l) => l.p99),
      ),
      ratio(
        med(OURS, (r) => r.first200Ms),
        med(other, (r) => r.first200Ms),
      ),
      ratio(
        med(OURS, (r) => r.peakRssMiB),
        med(other, (r) => r.peakRssMiB),
      ),
    ]),
  );
  print(
    '\nRatios (ours divided by the other; req/s above 1x means ours is faster, latency/time/RSS above 1x means ours is higher):',
  );
  print(table(['ratio', 'request', 'req/s', 'p50', 'p99', 'first 200', 'peak RSS'], rows));
}

function printPerRound(rounds: Rounds, print: Print) {
  const perRound = (kind: 'valid' | 'invalid') =>
    rounds
      .get(OURS)!
      .flatMap((r) => {
        const prism = rounds.get(PRISM)!.find((p) => p.round === r.round);
        return prism ? [ratio(r[kind].reqPerS, prism[kind].reqPerS)] : [];
      })
      .join(', ');
  print(
    `Per round (servers of a round run back to back), ours/Prism CLI req/s: valid ${perRound('valid')}; invalid ${perRound('invalid')}.`,
  );
}

function printGoals({ med }: Figures, options: ThroughputOptions, print: Print) {
  const goals: [string, boolean, string][] = [];
  for (const kind of ['valid', 'invalid'] as const) {
    const r = med(OURS, (x) => x[kind].reqPerS) / med(PRISM, (x) => x[kind].reqPerS);
    goals.push([`throughput >= 2x Prism CLI (${kind})`, r >= 2, `${r.toFixed(2)}x`]);
  }
  for (const kind of ['valid', 'invalid'] as const) {
    const p99 = med(OURS, (x) => x[kind].p99);
    goals.push([`p99 <= 10 ms at ${options.connections} connections (${kind})`, p99 <= 10, `${fixed(p99, 1)} ms`]);
  }
  const first = med(OURS, (x) => x.first200Ms);
  goals.push(['first 200 within 1 s of start', first <= 1000, `${fixed(first, 0)} ms`]);
  const bare = med(OURS, (x) => x.valid.reqPerS) / med(BARE, (x) => x.valid.reqPerS);
  goals.push(['throughput >= 1/4 of a bare node:http server (valid, issue 10)', bare >= 0.25, `${bare.toFixed(2)}x`]);
  print('\nGoals (issues 3 and 10), for our mock:');
  print(
    table(
      ['goal', 'measured', 'verdict'],
      goals.map(([goal, met, measured]) => [goal, measured, verdict(met)]),
    ),
  );
  const quiet = med(OURS, (x) => x.valid.reqPerS) / med(PRISM_QUIET, (x) => x.valid.reqPerS);
  print(`(Against Prism CLI with its request log off, ours is ${quiet.toFixed(2)}x on the valid POST.)`);
}
