// The mocker called directly, without HTTP: one request's whole decision, and what it remembers over many.
import { afterAll, describe, expect, it } from 'vitest';
import { answerFor, contractFrom, loadContract, type Contract, type Operation } from '../lib/contract.ts';
import { atPointer, type Json } from '../lib/json.ts';
import { documentedRequest } from '../lib/requests.ts';
import { createMocker, type Mocker, type MockSettings } from './mocker.ts';
import type { MockRequest } from './types.ts';

const contract = loadContract();
const credentials = {
  token: 'static-token',
  channelKey: 'MockerChannel1',
  apiKey: 'mocker-key',
  apiSecret: 'mocker-secret',
};
const login = contract.operations.find((op) => op.issuesToken)!;
const create = contract.operations.find((op) => op.resource?.action === 'create')!;

const made: Mocker[] = [];
afterAll(() => Promise.all(made.map((mocker) => mocker.close())));

/** A mocker, closed (its Prism thread ended) after the tests. */
function mockerOf(...args: [Contract, MockSettings]): Mocker {
  const mocker = createMocker(...args);
  made.push(mocker);
  return mocker;
}

/** The operation's documented request, its placeholders filled with `secrets`. */
function requestOf(operation: Operation, secrets: Record<string, string> = credentials): MockRequest {
  const request = documentedRequest(operation);
  const fill = (text: string) => text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => secrets[key] ?? '');
  const url = new URL(fill(request.path), 'http://mock');
  return {
    method: request.method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, fill(value)])),
    body: request.body === undefined ? undefined : Buffer.from(fill(request.body)),
  };
}

describe('tokens', () => {
  it('accepts the static token however many tokens the Authentication request issued', async () => {
    const mocker = mockerOf(contract, { credentials });
    for (let i = 0; i < 10_001; i++) await mocker.handle(requestOf(login));
    expect((await mocker.handle(requestOf(create))).status).toBe(Number(create.success!.status));
  });

  it('forgets the issued tokens on reset, and keeps the static one', async () => {
    const mocker = mockerOf(contract, { credentials });
    const issued = atPointer((await mocker.handle(requestOf(login))).body as Json, login.issuesToken!);
    mocker.reset();
    const withIssued = requestOf(create, { ...credentials, token: String(issued) });
    expect((await mocker.handle(withIssued)).status).toBe(
      Number(answerFor(contract, 'credentials-rejected', create)!.response.status),
    );
    expect((await mocker.handle(requestOf(create))).status).toBe(Number(create.success!.status));
  });
});

describe('a document that leaves answers out', () => {
  // Secured, with a body limit for its POST, and no answer for a missing token, an unknown path, a wrong method, a
  // body over the limit or a success without an example.
  const sparse = contractFrom({
    openapi: '3.1.0',
    info: { title: 'Sparse', version: '1' },
    components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'x-key' } } },
    security: [{ key: [] }],
    paths: {
      '/things': {
        get: { operationId: 'listThings', responses: { '200': { description: 'Things, with no example.' } } },
        post: {
          operationId: 'addThing',
          requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
          responses: {
            '201': { description: 'Added.', content: { 'application/json': { examples: { one: { value: {} } } } } },
          },
        },
      },
    },
  });
  const mocker = mockerOf(sparse, { credentials: { token: 'sparse-token' } });
  const ask = (method: string, path: string, headers: Record<string, string> = {}, body?: Buffer) =>
    mocker.handle({ method, path, query: {}, headers, body, bodyTooLarge: body !== undefined && body.length > 10 });

  it.each([
    ['an unknown path', () => ask('GET', '/nowhere')],
    ['a method the path does not have', () => ask('DELETE', '/things')],
    ['no token', () => ask('GET', '/things')],
    ['a body over what the mock reads', () => ask('POST', '/things', { 'x-key': 'sparse-token' }, Buffer.alloc(11))],
    ['a success with no example', () => ask('GET', '/things', { 'x-key': 'sparse-token' })],
  ])('answers %s, never throws', async (_name, asked) => {
    const answer = await asked();
    expect(answer.status).toBeGreaterThanOrEqual(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
  });
});
