// Prism's thread: the mock answers Prefer through it, and never loads Prism's mocker on its own thread, where its
// second of loading held every request up.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadContract } from '../lib/contract.ts';
import { documentedRequest } from '../lib/requests.ts';
import { startPrismThread } from './prism-thread.ts';
import { operationKey } from './prism.ts';
import { startMockServer } from './server.ts';

const contract = loadContract();
const create = contract.operations.find((op) => op.resource?.action === 'create')!;
const unauthorized = create.responses.find((r) => r.status === '401')!;

/** The modules of Prism's mocker this thread has loaded (Node's module cache is the thread's own). */
const prismLoadedHere = () =>
  Object.keys(createRequire(import.meta.url).cache).filter((path) =>
    /@stoplight\/prism-http\/dist\/(index|mocker\/index)\.js$/.test(path),
  );

describe('the mock and its Prism thread', () => {
  it("answers Prefer without loading Prism's mocker on the thread that serves requests", async () => {
    const credentials = { token: 'thread-token', channelKey: 'ThreadChannel1' };
    const mock = await startMockServer({ credentials, port: 0 });
    try {
      const request = documentedRequest(create);
      const fill = (text: string) =>
        text.replace('{{token}}', credentials.token).replace('{{channelKey}}', credentials.channelKey);
      const response = await fetch(`${mock.url}${request.path}`, {
        method: request.method,
        headers: {
          ...Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, fill(v)])),
          prefer: 'code=401',
        },
        body: request.body,
      });
      expect([response.status, await response.json()]).toEqual([401, unauthorized.examples[0]!.value]);
      expect(prismLoadedHere()).toEqual([]);
    } finally {
      await mock.close();
    }
  });
});

describe('startPrismThread', () => {
  const request = { path: create.path, query: {}, headers: {} };
  const key = operationKey(create.method, create.path);

  it('reads Prefer and answers with Prism, in its own thread', async () => {
    const thread = startPrismThread(contract.document);
    try {
      expect(await thread.preferOf({ ...request, headers: { prefer: 'code=401' } })).toEqual({ value: { code: 401 } });
      expect(await thread.answer(key, request, { code: 401 })).toEqual({
        value: { status: 401, body: unauthorized.examples[0]!.value },
      });
      await thread.close();
      expect(await thread.preferOf({ ...request, headers: { prefer: 'code=401' } })).toEqual({ value: { code: 401 } });
    } finally {
      await thread.close();
    }
  });

  it('says Prism failed, never hangs, when the thread gives no answer in time', async () => {
    const thread = startPrismThread(contract.document, 1);
    try {
      expect(await thread.preferOf(request)).toEqual({ failure: 'Prism gave no answer within 0.001 s' });
    } finally {
      await thread.close();
    }
  });
});
