// What the mock's HTTP tests build on: a mock started for the test file and emptied before each test, and a client
// of it that sends JSON with a tenant's headers and reads the answer back as JSON.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Json } from '../lib/json.ts';
import { RESET_PATH, startMockServer, type MockServerOptions, type RunningMock } from './server.ts';

export interface Answer {
  status: number;
  body: Json;
}

/** Sends `body` as JSON (none when undefined) with these headers, to a path of the mock at `url`. */
export type Send = (method: string, path: string, body?: Json, headers?: Record<string, string>) => Promise<Answer>;

export function sender(url: () => string, tenantHeaders: Record<string, string>): Send {
  return async (method, path, body, headers = tenantHeaders) => {
    const response = await fetch(`${url()}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as Json };
  };
}

/** A mock on a free port for the tests of a file, which each start with nothing stored (POST /__mock/reset). */
export function useMock(options: Omit<MockServerOptions, 'port'>): () => RunningMock {
  let mock: RunningMock | undefined;
  beforeAll(async () => {
    mock = await startMockServer({ ...options, port: 0 });
  });
  afterAll(() => mock?.close());
  beforeEach(async () => {
    await fetch(`${mock!.url}${RESET_PATH}`, { method: 'POST' });
  });
  return () => mock!;
}

/** Resets the mock at `url`: every tenant's items and issued tokens forgotten. */
export async function reset(url: string): Promise<void> {
  await fetch(`${url}${RESET_PATH}`, { method: 'POST' });
}
