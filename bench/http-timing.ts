// Timed HTTP requests for the long-use bench: each over a kept-alive connection of its own agent, timed from the
// request to the last byte of the answer, the body counted and dropped (a 30 MB list is not parsed by the bench,
// which shares the CPUs with the mock it measures).
import { Agent, request as httpRequest } from 'node:http';
import { Worker } from 'node:worker_threads';
import { sleep } from './processes.ts';
import type { BenchRequest } from './requests.ts';

export interface Timed {
  status: number;
  ms: number;
  bytes: number;
}

export type Sendable = Pick<BenchRequest, 'method' | 'path' | 'headers' | 'body'>;

/** A client with its own kept-alive connections: lists in flight do not queue behind the requests measured. */
export function client(baseUrl: string, connections = 1) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const send = (sent: Sendable): Promise<Timed> =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const outgoing = httpRequest(
        `${baseUrl}${sent.path}`,
        { method: sent.method, headers: sent.headers, agent },
        (response) => {
          let bytes = 0;
          response.on('data', (chunk: Buffer) => (bytes += chunk.length));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, ms: performance.now() - started, bytes }),
          );
          response.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(sent.body);
    });
  return { send, close: () => agent.destroy() };
}

/** The value below which `share` (0–1) of the values lie (nearest rank); NaN for none. */
export function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
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
export async function withLists<T>(url: string, list: BenchRequest, count: number, during: () => Promise<T>) {
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
