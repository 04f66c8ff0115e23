// A bounded barrage of hostile requests against the mock running as its own process (as `npm run mock` starts
// it): no answer may be a 5xx, the process must stay up, and its memory must settle.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';

const TOTAL = 10_000;
const CONCURRENCY = 16;
const token = 'hostile-token';
const channelKey = 'HostileChannel1';
let child: ChildProcess;
let baseUrl: string;

beforeAll(async () => {
  child = spawn(process.execPath, ['--import', 'tsx', 'mocks/cli.ts'], {
    env: { ...process.env, PORT: '0', MOCK_TOKEN: token, MOCK_CHANNEL_KEY: channelKey },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  baseUrl = await new Promise<string>((resolve, reject) => {
    let printed = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const match = printed.match(/Base URL\s+(http:\/\/127\.0\.0\.1:\d+)/);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`mock exited with ${code}: ${printed}`)));
  });
}, 30_000);

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
});

const goodOrder = { order_id: 'H', product_code_schema: 'GTIN', product_code: '1', quantity: 1 };
const headers = { 'content-type': 'application/json', 'x-access-token': token, 'x-channel-key': channelKey };
const nested = (depth: number) =>
  `{"market":${'['.repeat(depth)}${']'.repeat(depth)},${JSON.stringify(goodOrder).slice(1)}`;

/** One hostile request per index, cycling through the kinds. */
function hostile(index: number): { init: RequestInit; path?: string } {
  // A new order each time: the mock remembers orders, and a repeated one is (rightly) refused with 409.
  const good = { ...goodOrder, order_id: `H${index}` };
  const kinds: (() => { init: RequestInit; path?: string })[] = [
    () => ({ init: { method: 'POST', headers, body: '{"order_id": "A" "quantity": 1' } }),
    () => ({
      init: {
        method: 'POST',
        headers,
        body: JSON.stringify({ ...good, quantity: 'many', serialized: 'yes', batch: 7 }),
      },
    }),
    () => ({ init: { method: 'POST', headers, body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]) } }),
    () => ({ init: { method: 'POST', headers, body: nested(index % 7 === 0 ? 50_000 : 2_000) } }),
    () => ({ init: { method: 'POST', body: JSON.stringify(good) } }),
    () => ({ init: { method: 'POST', headers: { ...headers, 'content-type': 'application/xml' }, body: '<order/>' } }),
    () => ({ init: { method: 'POST', headers, body: JSON.stringify([null, 1, 'x']) } }),
    () => ({ init: { method: 'PUT', headers, body: 'x' }, path: '/packaging_order/../../etc/passwd' }),
    () => ({
      init: {
        method: 'POST',
        headers: { ...headers, authorization: 'Bearer ' + 'x'.repeat(8000) },
        body: JSON.stringify(good),
      },
    }),
    () => ({
      init: {
        method: 'POST',
        headers: { ...headers, prefer: 'code=abc, example=%00, dynamic=maybe' },
        body: JSON.stringify(good),
      },
    }),
    () => ({
      init: {
        method: 'POST',
        headers,
        body: JSON.stringify({ ...good, ['x'.repeat(5000)]: 1, order_id: '\u0000\ud800' }),
      },
    }),
  ];
  // Every 250th request is 2 MB, far over the documented limit.
  if (index % 250 === 0) return { init: { method: 'POST', headers, body: 'A'.repeat(2 * 1024 * 1024) } };
  return kinds[index % kinds.length]!();
}

function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'))!;
  return Number(line.replace(/\D/g, '')) * 1024;
}

function rawGarbage(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => socket.end('GARBAGE / HTTP/9.9\r\n\x00\x01\r\n\r\n'));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', () => resolve(answer));
  });
}

it(`answers ${TOTAL} hostile requests without a 5xx, stays up, and its memory settles`, async () => {
  const statuses = new Map<number, number>();
  const rss: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < TOTAL) {
      const index = next++;
      const { init, path } = hostile(index);
      const response = await fetch(`${baseUrl}${path ?? '/packaging_order'}`, init);
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (index % 2000 === 1999) rss.push(rssOf(child.pid!));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));

  const serverErrors = [...statuses].filter(([status]) => status >= 500);
  expect(serverErrors, JSON.stringify(Object.fromEntries(statuses))).toEqual([]);
  expect(await rawGarbage(baseUrl)).toMatch(/^HTTP\/1\.1 400/);
  expect(child.exitCode).toBeNull();
  const after = await fetch(`${baseUrl}/packaging_order`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ ...goodOrder, order_id: 'H-after' }),
  });
  expect(after.status).toBe(200);
  // Settled: the last sample stays within 64 MiB of the one after warm-up (the first 4,000 requests).
  const [, warm, ...rest] = rss;
  console.log(
    `hostile: ${JSON.stringify(Object.fromEntries(statuses))}; RSS MiB by 2,000 requests: ${rss.map((b) => (b / 2 ** 20).toFixed(0)).join(', ')}`,
  );
  expect(rest.at(-1)! - warm!).toBeLessThan(64 * 2 ** 20);
}, 180_000);

it('Ctrl-C (SIGINT) stops it cleanly, with exit code 0', async () => {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  expect(await exited).toBe(0);
});
