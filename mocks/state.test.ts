// What a frontend does with the mock: log in, create an order with the issued token, read it back, see it in the
// open list, create it again and get the documented error — all read from the document, over real HTTP.
import { connect } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { answerFor, loadContract, type Operation } from '../lib/contract.ts';
import { atPointer, type Json } from '../lib/json.ts';
import type { CreateAction, ResourceAction } from '../lib/openapi.ts';
import { documentedRequest } from '../lib/requests.ts';
import { schemaValidator } from '../lib/schema-validator.ts';
import { RESET_PATH, startMockServer, type RunningMock } from './server.ts';

const contract = loadContract();
const byAction = (action: ResourceAction['action']) =>
  contract.operations.find((op) => op.resource?.action === action)!;
const create = byAction('create');
const read = byAction('read');
const list = byAction('list');
/** Where an operation's success answer carries its item or items (`x-resource.item`). */
const itemPlace = (operation: Operation) => operation.resource!.item!;
const createKey = (create.resource as CreateAction).key;
const login = contract.operations.find((op) => op.issuesToken)!;
const credentials = {
  token: 'state-token',
  channelKey: 'StateChannel1',
  apiKey: 'state-key',
  apiSecret: 'state-secret',
};
let mock: RunningMock;

beforeAll(async () => {
  mock = await startMockServer({ credentials, port: 0 });
});
afterAll(() => mock.close());
beforeEach(async () => {
  await fetch(`${mock.url}${RESET_PATH}`, { method: 'POST' });
});

async function call(
  operation: Operation,
  changes: { body?: Json; query?: string; token?: string; url?: string; method?: string } = {},
) {
  const request = documentedRequest(operation, changes.body === undefined ? {} : { body: changes.body });
  const path = changes.query === undefined ? request.path : `${request.path.split('?')[0]}?${changes.query}`;
  const secrets: Record<string, string> = { ...credentials, ...(changes.token ? { token: changes.token } : {}) };
  const fill = (text: string) => text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => secrets[key] ?? '');
  const response = await fetch(`${changes.url ?? mock.url}${path}`, {
    method: changes.method ?? request.method,
    headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, fill(v)])),
    body: request.body === undefined ? undefined : fill(request.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    length: response.headers.get('content-length'),
    body: (text ? JSON.parse(text) : null) as Json,
  };
}

const orderOf = (index: number) => ({
  ...(create.requestBody!.examples[0]!.value as Record<string, Json>),
  [createKey]: `MANY-${index}`,
});

describe('the mock remembers what x-resource declares', () => {
  it('logs in, creates with the issued token, reads back, lists, and refuses the same order twice', async () => {
    const loggedIn = await call(login);
    expect(loggedIn.status).toBe(Number(login.success!.status));
    const token = atPointer(loggedIn.body, login.issuesToken!);
    expect(typeof token).toBe('string');

    const order = { ...(create.requestBody!.examples[0]!.value as Record<string, Json>), order_id: 'STATE-1' };
    const created = await call(create, { body: order, token: String(token) });
    expect(created.status).toBe(Number(create.success!.status));
    const item = atPointer(created.body, itemPlace(create));

    const details = await call(read, { query: 'order_id=STATE-1' });
    expect([details.status, atPointer(details.body, itemPlace(read))]).toEqual([Number(read.success!.status), item]);
    const open = await call(list);
    expect(atPointer(open.body, itemPlace(list))).toEqual([item]);

    const again = await call(create, { body: order });
    const exists = answerFor(contract, 'resource-exists', create)!;
    expect([again.status, again.body]).toEqual([Number(exists.response.status), exists.example.value]);
  });

  it('an order nobody created is not found; the list is empty after a reset', async () => {
    const missing = await call(read, { query: 'order_id=NOPE' });
    const notFound = answerFor(contract, 'resource-not-found', read)!;
    expect([missing.status, missing.body]).toEqual([Number(notFound.response.status), notFound.example.value]);
    expect(atPointer((await call(list)).body, itemPlace(list))).toEqual([]);
  });

  it('wrong API credentials are refused with the operation’s own answer', async () => {
    const refused = await call(login, { body: { api_key: 'state-key', api_secret: 'wrong' } });
    const documented = answerFor(contract, 'credentials-rejected', login)!;
    expect([refused.status, refused.body]).toEqual([Number(documented.response.status), documented.example.value]);
  });
});

describe('many items', () => {
  it('lists them all in one JSON, in the order they were made, with the length it sends (HEAD too)', async () => {
    const created = [];
    for (let index = 0; index < 1_200; index++) {
      const answer = await call(create, { body: orderOf(index) });
      created.push(atPointer(answer.body, itemPlace(create)));
    }
    const open = await call(list);
    expect(atPointer(open.body, itemPlace(list))).toEqual(created);
    expect(Number(open.length)).toBe(Buffer.byteLength(JSON.stringify(open.body)));
    expect((await call(list, { method: 'HEAD' })).length).toBe(open.length);
  });

  it('lets a client that stops reading a long list go, and keeps serving', async () => {
    for (let index = 0; index < 1_200; index++) await call(create, { body: orderOf(index) });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const { port } = new URL(mock.url);
      const request = documentedRequest(list);
      const headers = Object.entries(request.headers)
        .map(
          ([name, value]) =>
            `${name}: ${value.replace('{{token}}', credentials.token).replace('{{channelKey}}', credentials.channelKey)}`,
        )
        .join('\r\n');
      await new Promise<void>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1', () =>
          socket.write(`GET ${request.path} HTTP/1.1\r\nHost: x\r\n${headers}\r\n\r\n`),
        );
        socket.once('data', () => (socket.resetAndDestroy(), resolve()));
      });
      expect((await call(list)).status).toBe(Number(list.success!.status));
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });

  it('sends a list from the JSON text each item got when it was stored, not serialising them again', async () => {
    for (let index = 0; index < 200; index++) await call(create, { body: orderOf(index) });
    const made: number[] = [];
    const stringify = JSON.stringify;
    const spy = vi.spyOn(JSON, 'stringify').mockImplementation((...args: Parameters<typeof JSON.stringify>) => {
      const text = stringify(...args);
      made.push(text?.length ?? 0);
      return text;
    });
    try {
      await call(list);
    } finally {
      spy.mockRestore();
    }
    const oneItem = stringify(orderOf(0)).length;
    expect(made.filter((length) => length > 10 * oneItem)).toEqual([]);
  });

  it('stores at most maxItems of a resource: then its own 507, said once on stderr, until a reset', async () => {
    const small = await startMockServer({ credentials, port: 0, maxItems: 2 });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      for (const index of [1, 2])
        expect((await call(create, { body: orderOf(index), url: small.url })).status).toBe(200);
      const refused = await call(create, { body: orderOf(3), url: small.url });
      expect(refused.status).toBe(507);
      const envelope = answerFor(contract, 'route-not-found')!.response.schema!;
      expect(schemaValidator(contract.document).problems(envelope, refused.body)).toEqual([]);
      expect(String(atPointer(refused.body, '/message'))).toMatch(/\b2\b.*POST \/__mock\/reset/);
      expect((await call(create, { body: orderOf(4), url: small.url })).status).toBe(507);
      expect(logged.mock.calls).toEqual([[expect.stringMatching(/^mock: .*\b2\b.*POST \/__mock\/reset/)]]);
      await fetch(`${small.url}${RESET_PATH}`, { method: 'POST' });
      expect((await call(create, { body: orderOf(3), url: small.url })).status).toBe(200);
    } finally {
      logged.mockRestore();
      await small.close();
    }
  });
});
