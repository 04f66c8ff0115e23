// The client against real servers on 127.0.0.1: the mock for every documented answer of every operation, and small
// servers for what a frontend must survive (a network failure, answers the document does not describe). What each
// operation must send, where, and what it must get back is read from the document, not written here.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerFor, loadContract, type Json, type Operation } from '../lib/contract.ts';
import type { ErrorCase } from '../lib/extensions.ts';
import { credentialKey } from '../lib/credentials.ts';
import { documentedParts } from '../lib/requests.ts';
import { fillPath } from '../lib/parameters.ts';
import { headerOf, present } from '../lib/security.ts';
import { startMockServer, type RunningMock } from '../mocks/server.ts';
import { createClient, type AuthStyle, type ClientOptions, type InputOf } from './index.ts';

const contract = loadContract();
const credentials = { token: 'client-test-token', channelKey: 'ClientChannel1', apiKey: 'ClientKey', apiSecret: 'Shh' };
const secrets: Record<string, string> = credentials;
const PREFIX = contract.servers[0]!.pathPrefix;
const secured = contract.operations.filter((op) => op.security.length > 0);
const schemes = [...new Set(secured.flatMap((op) => op.security.flat().map((scheme) => scheme.id)))];
const withCase = (errorCase: ErrorCase) =>
  contract.operations.filter((op) => op.responses.some((r) => r.examples.some((ex) => ex.errorCase === errorCase)));
const documentedBody = (errorCase: ErrorCase, operation: Operation) =>
  answerFor(contract, errorCase, operation)!.example.value;
const statusOf = (errorCase: ErrorCase, operation: Operation) =>
  Number(answerFor(contract, errorCase, operation)!.response.status);

let mock: RunningMock;
let base: string;
beforeAll(async () => {
  mock = await startMockServer({ credentials, port: 0 });
  base = `${mock.url}${PREFIX}`;
});
afterAll(() => mock.close());

/** Every (operation, status) a test below has seen the client narrow: the last test checks none is missing. */
const met = new Set<string>();
const meet = (operationId: string, result: { ok: boolean; status?: number }) => {
  if (result.ok || ('kind' in result && result.kind === 'error')) met.add(`${operationId} ${result.status}`);
};

interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
}

/** A fetch that passes requests on, remembering what was sent. */
function recorder(send: (request: Request) => Promise<Response> = fetch) {
  const requests: Sent[] = [];
  const record = (request: Request) => {
    requests.push({ method: request.method, url: request.url, headers: Object.fromEntries(request.headers) });
    return send(request);
  };
  return { requests, fetch: record };
}

const clientFor = (options: Partial<ClientOptions> = {}) =>
  createClient({ baseUrl: base, token: credentials.token, channelKey: credentials.channelKey, ...options });

type LooseInput = { body?: Json; query?: Record<string, string>; path?: Record<string, string> };
/** A result seen without its operation's types: any result of ApiResult has these members. */
type LooseResult = { ok: boolean; kind?: string; status?: number; data?: unknown; error?: unknown };
type LooseClient = Record<string, (input?: LooseInput) => Promise<LooseResult>>;

/** Calls an operation by its id with the request the document describes (credentials left to the client). */
async function callDocumented(client: ReturnType<typeof createClient>, operation: Operation, body?: Json) {
  const parts = documentedParts(operation, { body });
  const given = ([, value]: [string, string]) => !value.includes('{{');
  const input: LooseInput = {
    body: parts.body,
    query: Object.fromEntries(parts.query.filter(given)),
    path: Object.fromEntries(Object.entries(parts.pathValues).filter(given)),
  };
  // Tests that walk every operation call it by its id; the typed calls are in the tests further down.
  return (client as unknown as LooseClient)[operation.operationId]!(input);
}

/** The call, counted as met once the test has checked its status. */
async function expectDocumented(result: Promise<LooseResult>, operation: Operation, expected: object) {
  const settled = await result;
  expect(settled).toMatchObject({ ok: false, kind: 'error', ...expected });
  meet(operation.operationId, settled);
}

/** The operation's path with the document's example of each path parameter, as callDocumented sends it. */
const pathOf = (operation: Operation) => fillPath(operation.path, documentedParts(operation).pathValues);

/** Every header that carries a secret in some operation of the document. */
const secretHeaders = [
  ...new Set([
    ...secured.flatMap((op) => op.security.flat().map((scheme) => headerOf(scheme)!)),
    ...contract.operations.flatMap((op) => op.parameters.filter((p) => p.credential).map((p) => p.name.toLowerCase())),
  ]),
];

describe.each(contract.operations.map((op) => [op.operationId, op] as const))('%s', (_operationId, operation) => {
  it.each([
    ['the document server URL', () => base, () => `${mock.url}${operation.servers[0]!.pathPrefix}${pathOf(operation)}`],
    ['a bare server URL', () => mock.url, () => `${mock.url}${pathOf(operation)}`],
  ])('goes to its own server from %s', async (_name, baseUrl, expected) => {
    const { requests, fetch } = recorder();
    await callDocumented(clientFor({ baseUrl: baseUrl(), fetch }), operation);
    expect(requests[0]!.url.split('?')[0]).toBe(expected());
  });

  it.each(schemes)('sends only the credentials it declares, with auth %s', async (auth) => {
    const { requests, fetch } = recorder();
    await callDocumented(clientFor({ auth: auth as AuthStyle, fetch }), operation);
    const alternative = operation.security.find((a) => a.some((s) => s.id === auth)) ?? operation.security[0] ?? [];
    const expected: Record<string, string> = {};
    for (const scheme of alternative) Object.assign(expected, present(scheme, credentials.token).headers);
    for (const parameter of operation.parameters.filter((p) => p.credential && p.in === 'header')) {
      expected[parameter.name.toLowerCase()] = secrets[credentialKey(parameter.name)]!;
    }
    const sent = requests[0]!.headers;
    expect(Object.fromEntries(Object.entries(sent).filter(([name]) => secretHeaders.includes(name)))).toEqual(expected);
  });

  it('an HTML page with a documented status, or an undocumented status, is kind undocumented', async () => {
    const [success] = operation.responses.map((r) => Number(r.status)).filter((s) => s < 300);
    for (const [status, type, body] of [
      [success!, 'text/html', '<html>gateway</html>'],
      [502, 'application/json', '{"success":false}'],
    ] as const) {
      const server = await serve((_req, res) => res.writeHead(status, { 'content-type': type }).end(body));
      try {
        const result = await callDocumented(clientFor({ baseUrl: urlOf(server) }), operation);
        expect(result).toMatchObject({ ok: false, kind: 'undocumented', status, body });
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    }
  });

  it('a closed port is kind network, not a throw', async () => {
    const closed = await serve(() => undefined);
    const url = urlOf(closed);
    await new Promise((resolve) => closed.close(resolve));
    expect(await callDocumented(clientFor({ baseUrl: url }), operation)).toMatchObject({ ok: false, kind: 'network' });
  });
});

/** How to get each error case the document gives an example for, on the operations where that way applies. */
interface Provocation {
  errorCase: ErrorCase;
  how: string;
  applies?: (operation: Operation) => boolean;
  options?: Partial<ClientOptions>;
  body?: (operation: Operation) => Json;
}
const provocations: Provocation[] = [
  {
    errorCase: 'credentials-missing',
    how: 'no token',
    applies: (op) => op.security.length > 0,
    options: { token: undefined },
  },
  {
    errorCase: 'credentials-rejected',
    how: 'a wrong token',
    applies: (op) => op.security.length > 0,
    options: { token: 'wrong' },
  },
  { errorCase: 'credential-invalid', how: 'an unknown channel key', options: { channelKey: 'UnknownChannel' } },
  {
    errorCase: 'body-unparsable',
    how: 'a body that is not JSON',
    // The typed client cannot send broken JSON, so the test hands it a fetch that breaks the body on the way out.
    options: {
      fetch: (request) => fetch(new Request(request, { body: '{"a": 1 "b": 2}', duplex: 'half' } as RequestInit)),
    },
  },
  {
    errorCase: 'body-too-large',
    how: 'a body over the limit',
    body: (operation) => ({ padding: 'x'.repeat(operation.bodyLimit ?? 0) }),
  },
];

describe.each(
  provocations.flatMap((provocation) =>
    withCase(provocation.errorCase)
      .filter((op) => provocation.applies?.(op) ?? true)
      .map((op) => [provocation.how, op.operationId, provocation, op] as const),
  ),
)('%s to %s', (_how, _operationId, { errorCase, options, body }, operation) => {
  it(`gets the documented ${errorCase} answer, narrowed to its status`, async () => {
    await expectDocumented(callDocumented(clientFor(options), operation, body?.(operation)), operation, {
      status: statusOf(errorCase, operation),
      error: documentedBody(errorCase, operation),
    });
  });
});

/** The smallest order a frontend sends, as its types let it write one. */
function anOrder(orderId: string): InputOf<'createPackagingOrder'>['body'] {
  return {
    order_id: orderId,
    product_code_schema: 'GTIN',
    product_code: '02022090117459',
    quantity: 10,
    serialized: true,
  };
}

describe("a frontend's session, typed as a frontend writes it", () => {
  const order = anOrder('ClientSession1');
  let token = '';

  it('logs in with authenticate, which goes to /v1/api_auth with no token and no channel key', async () => {
    const { requests, fetch } = recorder();
    const login = createClient({ baseUrl: base, channelKey: credentials.channelKey, fetch });
    const result = await login.authenticate({
      body: { api_key: credentials.apiKey, api_secret: credentials.apiSecret },
    });
    meet('authenticate', result);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    token = result.data.data.token;
    expect(token).not.toBe('');
    expect(requests.map((r) => [r.method, r.url, r.headers['x-channel-key']])).toEqual([
      ['POST', `${mock.url}/v1/api_auth`, undefined],
    ]);
  });

  it('creates an order with the issued token, reads it back and sees it among the open ones', async () => {
    const client = createClient({ baseUrl: base, token, channelKey: credentials.channelKey, auth: 'bearerToken' });
    const created = await client.createPackagingOrder({ body: order });
    meet('createPackagingOrder', created);
    expect(created).toMatchObject({ ok: true, status: 200, data: { data: { ...order, status: 'Open' } } });

    const read = await client.getPackagingOrderDetails({ query: { order_id: order.order_id } });
    meet('getPackagingOrderDetails', read);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.data.data).toEqual({ ...order, status: 'Open' });

    const open = await client.getOpenPackagingOrders();
    meet('getOpenPackagingOrders', open);
    expect(open.ok && open.data.data.map((o) => o.order_id)).toContain(order.order_id);
  });

  it('the same order again is the documented 409, narrowed by status', async () => {
    const result = await clientFor({ token }).createPackagingOrder({ body: order });
    meet('createPackagingOrder', result);
    expect(result.ok).toBe(false);
    if (result.ok || result.kind !== 'error' || result.status !== 409) throw new Error(`not a 409: ${result.ok}`);
    expect(result.error).toEqual(documentedBody('resource-exists', operationNamed('createPackagingOrder')));
  });

  it('401 narrowed by code: ERR0001 without a token, ERR0000 with a wrong one', async () => {
    const codes: string[] = [];
    for (const token of [undefined, 'wrong']) {
      const result = await clientFor({ token }).getOpenPackagingOrders();
      if (!result.ok && result.kind === 'error' && result.status === 401) codes.push(result.error.code);
    }
    expect(codes).toEqual(['ERR0001', 'ERR0000']);
  });

  it('an order the tenant does not have is 404 with its message', async () => {
    const result = await clientFor().getPackagingOrderDetails({ query: { order_id: 'NoSuchOrder' } });
    meet('getPackagingOrderDetails', result);
    if (result.ok || result.kind !== 'error' || result.status !== 404) throw new Error('not a 404');
    expect(result.error.message).toBe('Packaging order not found');
  });

  it('422 lists the fields at fault, for a body and for a query parameter', async () => {
    const bad = { ...order, quantity: 100001, serialized: 'true' } as unknown as typeof order;
    const created = await clientFor().createPackagingOrder({ body: bad });
    meet('createPackagingOrder', created);
    if (created.ok || created.kind !== 'error' || created.status !== 422) throw new Error('not a 422');
    expect(created.error.errors.map((e) => e.field).sort()).toEqual(['quantity', 'serialized']);

    const read = await clientFor().getPackagingOrderDetails({ query: { order_id: '' } });
    meet('getPackagingOrderDetails', read);
    if (read.ok || read.kind !== 'error' || read.status !== 422) throw new Error('not a 422');
    expect(read.error.errors.map((e) => e.field)).toEqual(['order_id']);
  });

  it('authenticate: a wrong secret is 401 without a code, a missing one 422', async () => {
    const login = createClient({ baseUrl: base });
    const wrong = await login.authenticate({ body: { api_key: credentials.apiKey, api_secret: 'wrong' } });
    meet('authenticate', wrong);
    if (wrong.ok || wrong.kind !== 'error' || wrong.status !== 401) throw new Error('not a 401');
    expect(wrong.error).toEqual(documentedBody('credentials-rejected', operationNamed('authenticate')));

    const missing = { api_key: credentials.apiKey } as InputOf<'authenticate'>['body'];
    const incomplete = await login.authenticate({ body: missing });
    meet('authenticate', incomplete);
    if (incomplete.ok || incomplete.kind !== 'error' || incomplete.status !== 422) throw new Error('not a 422');
    expect(incomplete.error.errors.map((e) => e.field)).toEqual(['api_secret']);
  });
});

describe("a frontend's packaging line: an order moves from Open to In progress, typed as a frontend writes it", () => {
  const order = anOrder('ClientLine1');
  const client = () => clientFor();
  const statusNow = async () => {
    const read = await client().getPackagingOrderDetails({ query: { order_id: order.order_id } });
    return read.ok ? read.data.data.status : `not read: ${read.kind}`;
  };
  const openIds = async () => {
    const open = await client().getOpenPackagingOrders();
    return open.ok ? open.data.data.map((o) => o.order_id) : [];
  };

  it('assigns serials: the order is Pending release, and the open list no longer has it', async () => {
    expect(await client().createPackagingOrder({ body: order })).toMatchObject({ ok: true });
    expect(await openIds()).toContain(order.order_id);

    const assigned = await client().assignSerials({ body: { order_ids: [order.order_id] } });
    meet('assignSerials', assigned);
    if (!assigned.ok) throw new Error(`assign refused: ${assigned.kind}`);
    expect(assigned.data.data).toEqual([{ ...order, status: 'Pending release' }]);
    expect(await statusNow()).toBe('Pending release');
    expect(await openIds()).not.toContain(order.order_id);
  });

  it('assigning again is the 409, whose data shows the order as it stands', async () => {
    const again = await client().assignSerials({ body: { order_ids: [order.order_id] } });
    meet('assignSerials', again);
    if (again.ok || again.kind !== 'error' || again.status !== 409) throw new Error('not a 409');
    expect(again.error.data.map((o) => o.status)).toEqual(['Pending release']);
  });

  it('releases the order to the line, named in the path: In progress, and releasing again is the 409', async () => {
    const { requests, fetch } = recorder();
    const released = await clientFor({ fetch }).releasePackagingOrder({ path: { order_id: order.order_id } });
    meet('releasePackagingOrder', released);
    if (!released.ok) throw new Error(`release refused: ${released.kind}`);
    expect(requests.map((r) => [r.method, r.url])).toEqual([
      ['PATCH', `${base}${fillPath(operationNamed('releasePackagingOrder').path, { order_id: order.order_id })}`],
    ]);
    expect(released.data.data).toMatchObject({ order_id: order.order_id, status: 'In progress' });
    expect(await statusNow()).toBe('In progress');

    const again = await client().releasePackagingOrder({ path: { order_id: order.order_id } });
    meet('releasePackagingOrder', again);
    if (again.ok || again.kind !== 'error' || again.status !== 409) throw new Error('not a 409');
    expect(again.error).toMatchObject({
      message: (documentedBody('transition-refused', operationNamed('releasePackagingOrder')) as { message: string })
        .message,
      data: { order_id: order.order_id, status: 'In progress' },
    });
  });

  it('an order the tenant does not have is the 404 of either transition, and a bad name is the 422', async () => {
    const assign = await client().assignSerials({ body: { order_ids: ['NoSuchOrder'] } });
    const release = await client().releasePackagingOrder({ path: { order_id: 'NoSuchOrder' } });
    for (const [operationId, result] of [
      ['assignSerials', assign],
      ['releasePackagingOrder', release],
    ] as const) {
      meet(operationId, result);
      expect(result).toMatchObject({ ok: false, kind: 'error', status: 404 });
    }
    const empty = await client().assignSerials({ body: { order_ids: [] } });
    meet('assignSerials', empty);
    if (empty.ok || empty.kind !== 'error' || empty.status !== 422) throw new Error('not a 422');
    expect(empty.error.errors.map((e) => e.field)).toEqual(['order_ids']);
    const tooLong = await client().releasePackagingOrder({ path: { order_id: 'x'.repeat(256) } });
    meet('releasePackagingOrder', tooLong);
    if (tooLong.ok || tooLong.kind !== 'error' || tooLong.status !== 422) throw new Error('not a 422');
    expect(tooLong.error.errors.map((e) => e.field)).toEqual(['order_id']);
  });
});

describe('what never throws, typed', () => {
  it('a base URL that is not a URL is kind network', async () => {
    const result = await clientFor({ baseUrl: 'not a url' }).getOpenPackagingOrders();
    expect(result).toMatchObject({ ok: false, kind: 'network' });
  });

  it('a request given up through its signal is kind network, with the reason', async () => {
    const signal = AbortSignal.abort(new Error('the user left the page'));
    const result = await clientFor().getPackagingOrderDetails({ query: { order_id: 'Order145' }, signal });
    expect(result).toMatchObject({ ok: false, kind: 'network', message: 'request failed: the user left the page' });
  });
});

describe('coverage', () => {
  it('every documented status of every operation was met and narrowed by a test above', () => {
    const documented = contract.operations.flatMap((op) =>
      op.responses.filter((r) => /^\d+$/.test(r.status)).map((r) => `${op.operationId} ${r.status}`),
    );
    expect([...met].sort()).toEqual(documented.sort());
  });
});

function operationNamed(operationId: string): Operation {
  return contract.operations.find((op) => op.operationId === operationId)!;
}

async function serve(handler: Parameters<typeof createServer>[1]): Promise<Server> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function urlOf(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
