// Two tenants of one mock, over real HTTP: each has its own orders (the same key may exist once per tenant) and its
// own tokens; a channel key of another tenant than the token's is refused as an unknown one; a reset clears both.
import { describe, expect, it } from 'vitest';
import { answerFor, loadContract } from '../lib/contract.ts';
import { atPointer, type Json } from '../lib/json.ts';
import { startMockServer } from './server.ts';
import { reset, sender, useMock } from './test-kit.ts';

const contract = loadContract();
const operation = (id: string) => contract.operations.find((op) => op.operationId === id)!;
const create = operation('createPackagingOrder');
const read = operation('getPackagingOrderDetails');
const list = operation('getOpenPackagingOrders');
const assign = operation('assignSerials');
const login = operation('authenticate');
const documented = (errorCase: Parameters<typeof answerFor>[1], op = create) => {
  const { response, example } = answerFor(contract, errorCase, op)!;
  return { status: Number(response.status), body: example.value };
};
const first = { token: 'first-token', channelKey: 'FirstChannel', apiKey: 'first-key', apiSecret: 'first-secret' };
const second = { token: 'second-token', channelKey: 'SecondChannel', apiKey: 'second-key', apiSecret: 'second!' };

const mock = useMock({ credentials: first, secondTenant: second });
const headersOf = (token: string, channelKey: string) => ({ 'x-access-token': token, 'x-channel-key': channelKey });
const asFirst = sender(() => mock().url, headersOf(first.token, first.channelKey));
const asSecond = sender(() => mock().url, headersOf(second.token, second.channelKey));

const example = create.requestBody!.examples[0]!.value as Record<string, Json>;
const detailsPath = (id: string) => `${read.path}?order_id=${id}`;
const openData = async (send: typeof asFirst) => atPointer((await send('GET', list.path)).body, '/data');

describe('two tenants', () => {
  it("the second tenant neither reads, lists nor moves the first's order, and may create its own under that key", async () => {
    const mine = atPointer((await asFirst('POST', create.path, { ...example, order_id: 'T1' })).body, '/data');
    expect(await asSecond('GET', detailsPath('T1'))).toEqual(documented('resource-not-found', read));
    expect(await openData(asSecond)).toEqual([]);
    expect(await asSecond('POST', assign.path, { order_ids: ['T1'] })).toEqual(
      documented('resource-not-found', assign),
    );
    const theirs = { ...example, order_id: 'T1', quantity: 7 };
    expect((await asSecond('POST', create.path, theirs)).status).toBe(Number(create.success!.status));
    expect(atPointer((await asFirst('GET', detailsPath('T1'))).body, '/data')).toEqual(mine);
    expect(atPointer((await asSecond('GET', detailsPath('T1'))).body, '/data/quantity')).toBe(7);
    expect(atPointer((await asFirst('GET', detailsPath('T1'))).body, '/data/status')).toBe('Open');
  });

  it("refuses a channel key of another tenant than the token's as an unknown one", async () => {
    const refused = documented('credential-invalid', read);
    expect(await asFirst('GET', list.path, undefined, headersOf(first.token, second.channelKey))).toEqual(refused);
    expect(await asFirst('GET', list.path, undefined, headersOf(second.token, first.channelKey))).toEqual(refused);
  });

  it('gives a token from the Authentication request to the tenant whose API key asked, and to none other', async () => {
    const loggedIn = await asFirst('POST', login.path, { api_key: second.apiKey, api_secret: second.apiSecret });
    const token = String(atPointer(loggedIn.body, login.issuesToken!));
    await asSecond('POST', create.path, { ...example, order_id: 'MINE' });
    const asIssued = sender(() => mock().url, headersOf(token, second.channelKey));
    expect(atPointer((await asIssued('GET', detailsPath('MINE'))).body, '/data/order_id')).toBe('MINE');
    expect(await asIssued('GET', list.path, undefined, headersOf(token, first.channelKey))).toEqual(
      documented('credential-invalid', list),
    );
    const mixed = { api_key: second.apiKey, api_secret: first.apiSecret };
    expect(await asFirst('POST', login.path, mixed)).toEqual(documented('credentials-rejected', login));
  });

  it("a reset clears every tenant's orders", async () => {
    await asFirst('POST', create.path, { ...example, order_id: 'R1' });
    await asSecond('POST', create.path, { ...example, order_id: 'R2' });
    await reset(mock().url);
    expect([await openData(asFirst), await openData(asSecond)]).toEqual([[], []]);
  });
});

describe('one tenant', () => {
  it("without a second tenant, the second's token is refused", async () => {
    const single = await startMockServer({ credentials: first, port: 0 });
    try {
      const answer = await sender(() => single.url, headersOf(second.token, first.channelKey))('GET', list.path);
      expect(answer).toEqual(documented('credentials-rejected', list));
    } finally {
      await single.close();
    }
  });

  it('a second tenant that shares a value with the first is refused at start, saying which', async () => {
    await expect(
      startMockServer({ credentials: first, secondTenant: { ...second, token: first.token }, port: 0 }),
    ).rejects.toThrow(/second tenant's token must differ/);
  });
});
