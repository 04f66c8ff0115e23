// Part `long-use`, (c): how soon after spawn a fresh mock answers its first `Prefer` (Prism answers it), and how
// long other requests wait meanwhile, sent as an app polls.
import { client, type Sendable } from './http-timing.ts';
import { sleep, type Started } from './processes.ts';
import type { BenchRequests } from './requests.ts';
import { fixed, median, table, verdict } from './table.ts';

/** A mock process, spawned; where it listens. */
export interface SpawnedMock {
  url: string;
  started: Started;
}

export interface FirstPrefer {
  ms: number;
  status: number;
  worstMs: number;
  answered: number;
}

const PROBE_EVERY_MS = 10;
const GOALS = { firstPreferMs: 1000, worstMeanwhileMs: 1000 };

/**
 * (c) From spawn, one client sends the other requests, one every PROBE_EVERY_MS (as an app polls; a client sending
 * back to back would take a CPU from the mock it measures), or at once after a slower answer; a refused connection
 * is retried, not counted. At the first answer, the Prefer request goes. The time to its answer, and the worst
 * latency of the other requests answered until then.
 */
export async function firstPrefer(requests: BenchRequests, start: () => Promise<SpawnedMock>): Promise<FirstPrefer> {
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

export function printFirstPrefer(
  firsts: [string, FirstPrefer[]][],
  requests: BenchRequests,
  rounds: number,
  print: (text: string) => void,
) {
  print(`\n(c) From spawn: other requests (as in (a)) one every ${PROBE_EVERY_MS} ms, and at the first answer one request with
    Prefer: code=${requests.valid.expectedStatus} (${requests.valid.label.split(':')[0]}). ${rounds} round(s), a fresh process each; medians.`);
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
