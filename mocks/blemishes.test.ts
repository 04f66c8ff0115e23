// The mock's small courtesies: quiet when a client gives up mid-upload, HEAD wherever GET is served, `/` leading to
// the docs, and Prefer errors that are a 400 in the documented envelope, within its length limits.
import { connect, createServer } from 'node:net';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { answerFor, isObject, loadContract } from '../lib/contract.ts';
import { schemaValidator } from '../lib/schema-validator.ts';
import { readMockDocument, RESET_PATH, startMockServer, type RunningMock } from './server.ts';

const contract = loadContract();
const validator = schemaValidator(contract.document);
const credentials = { token: 'blemish-token', channelKey: 'BlemishChannel1', apiKey: 'k-1234', apiSecret: 's-5678' };
const operation = contract.operations.find((op) => op.requestBody?.examples.length && op.method === 'POST')!;
let mock: RunningMock;
beforeAll(async () => {
  mock = await startMockServer({ credentials, port: 0 });
});
afterAll(() => mock.close());

async function post(prefer: string, orderId: string, query = '') {
  const body = { ...(operation.requestBody!.examples[0]!.value as object), order_id: orderId };
  const response = await fetch(`${mock.url}${operation.path}${query}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-access-token': credentials.token,
      'x-channel-key': credentials.channelKey,
      ...(prefer ? { prefer } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

it('logs nothing when a client aborts an upload, and keeps serving', async () => {
  const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const { port } = new URL(mock.url);
    for (let i = 0; i < 3; i++)
      await new Promise<void>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write(
            `POST ${operation.path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50000\r\n\r\n{"order_id":`,
          );
          setTimeout(() => (socket.resetAndDestroy(), resolve()), 50);
        });
      });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(logged).not.toHaveBeenCalled();
    expect((await fetch(`${mock.url}/openapi.yaml`)).status).toBe(200);
  } finally {
    logged.mockRestore();
  }
});

it.each(['/docs', '/openapi.yaml'])('answers HEAD on %s as GET, without the body', async (path) => {
  const get = await fetch(`${mock.url}${path}`);
  const head = await fetch(`${mock.url}${path}`, { method: 'HEAD' });
  expect(head.status).toBe(get.status);
  expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
  expect(head.headers.get('content-length')).toBe(String((await get.arrayBuffer()).byteLength));
  expect((await head.arrayBuffer()).byteLength).toBe(0);
});

it("serves the kit's docs for the kit's document only: a mock of another says it has none", async () => {
  expect((await (await fetch(`${mock.url}/docs`)).text()).slice(0, 200)).toContain('<title>');
  const document = readMockDocument('test/fixtures/kinds.openapi.yaml');
  const other = await startMockServer({ credentials, port: 0, document });
  try {
    const docs = await fetch(`${other.url}/docs`);
    expect(docs.status).toBe(503);
    expect(await docs.text()).toMatch(/^No docs page: .*kit's own document/);
  } finally {
    await other.close();
  }
});

it('a failure of its own is a 500 in JSON, said in one line on stderr, and it keeps serving', async () => {
  const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
  const handle = mock.mocker.handle;
  mock.mocker.handle = () => Promise.reject(new Error('a bug'));
  try {
    const response = await fetch(`${mock.url}/packaging_order`, { method: 'POST' });
    expect([response.status, response.headers.get('content-type')]).toEqual([500, 'application/json; charset=utf-8']);
    expect(validator.problems(envelope, await response.json())).toEqual([]);
    expect(logged.mock.calls).toEqual([['mock: unexpected error: a bug']]);
  } finally {
    mock.mocker.handle = handle;
    logged.mockRestore();
  }
  expect((await fetch(`${mock.url}/openapi.yaml`)).status).toBe(200);
});

it('GET / leads to the docs', async () => {
  const response = await fetch(`${mock.url}/`, { redirect: 'manual' });
  expect(response.status).toBe(302);
  expect(response.headers.get('location')).toBe('/docs');
});

const envelope = answerFor(contract, 'route-not-found')!.response.schema!;

it('Prefer: code=500, a status the operation does not document: 400 naming the documented ones, not 404', async () => {
  const answer = await post('code=500', 'blemish-1');
  expect(answer.status).toBe(400);
  expect(validator.problems(envelope, answer.body)).toEqual([]);
  const documented = operation.responses.map((r) => r.status).join(', ');
  expect(answer.body).toMatchObject({
    message: `Prefer: code=500 is not documented for ${operation.operationId}; its documented statuses are ${documented}`,
  });
});

it('Prefer errors stay within the length the Error schema allows, however long the header', async () => {
  const answer = await post(`example=${'x'.repeat(1000)}`, 'blemish-2');
  expect(answer.status).toBe(400);
  expect(validator.problems(envelope, answer.body)).toEqual([]);
  expect(isObject(answer.body) && String(answer.body.message)).toMatch(/^Prefer: .*…$/);
});

it.each([
  ['Prefer: code=abc', 'code=abc', '', /^Prefer: .*"code".*"abc"/],
  ['Prefer: dynamic=maybe', 'dynamic=maybe', '', /^Prefer: .*"dynamic".*"maybe"/],
  ['?__code=abc', '', '?__code=abc', /^Prefer \(as the query's __code, __example, __dynamic\): .*"code".*"abc"/],
  ['?__dynamic=maybe', '', '?__dynamic=maybe', /^Prefer \(as the query's .*"dynamic".*"maybe"/],
])(
  "a bad Prefer (%s) is the mock's own 400 in the envelope, on one line saying what is wrong",
  async (_, prefer, query, said) => {
    const answer = await post(prefer, 'blemish-3', query);
    expect(answer.status).toBe(400);
    expect(validator.problems(envelope, answer.body)).toEqual([]);
    expect(isObject(answer.body) && String(answer.body.message)).toMatch(said);
    expect(isObject(answer.body) && String(answer.body.message)).not.toContain('\n');
  },
);

it.each([
  ['POST', '/docs', 'GET, HEAD'],
  ['PUT', '/docs/', 'GET, HEAD'],
  ['DELETE', '/openapi.yaml', 'GET, HEAD'],
  ['POST', '/', 'GET, HEAD'],
  ['GET', RESET_PATH, 'POST'],
])(
  "%s %s, a page of the mock's own with another method: the document's 405, Allow: %s",
  async (method, path, allow) => {
    const response = await fetch(`${mock.url}${path}`, { method, redirect: 'manual' });
    const methodNotAllowed = answerFor(contract, 'method-not-allowed')!;
    expect([response.status, response.headers.get('allow'), response.headers.get('content-type')]).toEqual([
      Number(methodNotAllowed.response.status),
      allow,
      'application/json; charset=utf-8',
    ]);
    expect(await response.json()).toEqual(methodNotAllowed.example.value);
  },
);

it('a mock that cannot listen says why, and ends the Prism thread it started', async () => {
  const taken = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => taken.once('listening', resolve));
  const terminated = vi.spyOn(Worker.prototype, 'terminate');
  try {
    const { port } = taken.address() as { port: number };
    await expect(startMockServer({ credentials, port })).rejects.toThrow(/EADDRINUSE/);
    expect(terminated).toHaveBeenCalledTimes(1);
  } finally {
    terminated.mockRestore();
    taken.close();
  }
});
