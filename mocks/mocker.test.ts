// The mocker called directly, without HTTP: one request's whole decision, and what it remembers over many.
import { describe, expect, it } from 'vitest';
import { answerFor, loadContract, type Operation } from '../lib/contract.ts';
import { atPointer } from '../lib/json.ts';
import { documentedRequest } from '../lib/requests.ts';
import { createMocker } from './mocker.ts';
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
    const mocker = createMocker(contract, credentials);
    for (let i = 0; i < 10_001; i++) await mocker.handle(requestOf(login));
    expect((await mocker.handle(requestOf(create))).status).toBe(Number(create.success!.status));
  });

  it('forgets the issued tokens on reset, and keeps the static one', async () => {
    const mocker = createMocker(contract, credentials);
    const issued = atPointer((await mocker.handle(requestOf(login))).body, login.issuesToken!);
    mocker.reset();
    const withIssued = requestOf(create, { ...credentials, token: String(issued) });
    expect((await mocker.handle(withIssued)).status).toBe(
      Number(answerFor(contract, 'credentials-rejected', create)!.response.status),
    );
    expect((await mocker.handle(requestOf(create))).status).toBe(Number(create.success!.status));
  });
});
