// The client against real servers on 127.0.0.1: the mock for every documented answer, and two small servers for
// what a frontend must survive (a network failure, an answer that is not JSON).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleForCase, loadContract, type JsonObject } from '../lib/contract.ts';
import { startMockServer, type RunningMock } from '../mocks/server.ts';
import { createClient, type AuthStyle, type PackagingOrderRequest } from './index.ts';

const contract = loadContract();
const operation = contract.operations.find((op) => op.operationId === 'createPackagingOrder')!;
const media = (contract.resolve(operation.raw.requestBody as JsonObject).content as JsonObject)[
  'application/json'
] as JsonObject;
const seedRequest = ((media.examples as JsonObject).seedSample as JsonObject).value as unknown as PackagingOrderRequest;
const documentedBody = (errorCase: string) => exampleForCase(operation.responses, errorCase)!.example.value;

const credentials = { token: 'client-test-token', channelKey: 'ClientChannel1' };
let mock: RunningMock;
beforeAll(async () => {
  mock = await startMockServer({ ...credentials, port: 0 });
});
afterAll(() => mock.close());

const clientFor = (overrides: { token?: string; channelKey?: string; auth?: AuthStyle } = {}) =>
  createClient({ baseUrl: mock.url, ...credentials, ...overrides });

describe.each(['x-access-token', 'bearer'] as const)('with auth %s', (auth) => {
  it('creates an order', async () => {
    const result = await clientFor({ auth }).createPackagingOrder(seedRequest);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.status).toBe(200);
    expect(result.data.data.status).toBe('Open');
    expect(result.data.data.order_id).toBe(seedRequest.order_id);
  });

  it('a rejected token is 401 ERR0000, narrowed by code', async () => {
    const result = await clientFor({ auth, token: 'wrong' }).createPackagingOrder(seedRequest);
    expect(result).toMatchObject({ ok: false, kind: 'error', status: 401 });
    if (result.ok || result.kind !== 'error' || result.status !== 401) return;
    expect(result.error.code).toBe('ERR0000');
    expect(result.error).toEqual(documentedBody('credentials-rejected'));
  });
});

describe('every documented error row', () => {
  it('no token: 401 ERR0001', async () => {
    const result = await clientFor({ token: '' }).createPackagingOrder(seedRequest);
    expect(result).toMatchObject({
      ok: false,
      kind: 'error',
      status: 401,
      error: documentedBody('credentials-missing'),
    });
  });

  it('channel key missing or unknown: 400 with the channel message', async () => {
    const result = await clientFor({ channelKey: 'UnknownChannel' }).createPackagingOrder(seedRequest);
    expect(result).toMatchObject({ ok: false, kind: 'error', status: 400, error: documentedBody('parameter-invalid') });
  });

  it('unparsable body: 400 with the parse message', async () => {
    // The typed client cannot send broken JSON, so the test hands it a fetch that breaks the body on the way out.
    const client = createClient({
      baseUrl: mock.url,
      ...credentials,
      fetch: (input, init) => {
        const request = input instanceof Request ? input : new Request(input, init);
        return fetch(new Request(request, { body: '{"order_id": "A" "quantity": 1}', duplex: 'half' } as RequestInit));
      },
    });
    const result = await client.createPackagingOrder(seedRequest);
    expect(result).toMatchObject({ ok: false, kind: 'error', status: 400, error: documentedBody('body-unparsable') });
  });

  it('field rules broken: 422 with the list of fields', async () => {
    const bad = { ...seedRequest, quantity: 100001, serialized: 'true' } as unknown as PackagingOrderRequest;
    const result = await clientFor().createPackagingOrder(bad);
    expect(result).toMatchObject({ ok: false, kind: 'error', status: 422 });
    if (result.ok || result.kind !== 'error' || result.status !== 422) return;
    expect(result.error.errors.map((e) => e.field).sort()).toEqual(['quantity', 'serialized']);
  });
});

describe('failures that are not API answers', () => {
  it('a closed port gives kind network, not a throw', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const result = await createClient({ baseUrl: `http://127.0.0.1:${port}`, ...credentials }).createPackagingOrder(
      seedRequest,
    );
    expect(result).toMatchObject({ ok: false, kind: 'network' });
  });

  it.each([
    ['a documented status with an HTML body', 200, 'text/html', '<html>gateway</html>'],
    ['an undocumented status', 502, 'application/json', '{"success":false}'],
  ])('%s gives kind undocumented with the raw body', async (_name, status, type, body) => {
    const server = createServer((_req, res) => res.writeHead(status, { 'content-type': type }).end(body));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const result = await createClient({ baseUrl: `http://127.0.0.1:${port}`, ...credentials }).createPackagingOrder(
        seedRequest,
      );
      expect(result).toMatchObject({ ok: false, kind: 'undocumented', status, body });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
