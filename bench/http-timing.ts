// Timed HTTP requests for the long-use bench: each over a kept-alive connection of its own agent, timed from the
// request to the last byte of the answer, the body counted and dropped (a 30 MB list is not parsed by the bench,
// which shares the CPUs with the mock it measures).
import { Agent, request as httpRequest } from 'node:http';
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
