import { describe, expect, it } from 'vitest';
import { loadContract } from './contract.ts';
import { firstCredentialSent } from './tenancy.ts';

const contract = loadContract();
const operation = (id: string) => contract.operations.find((op) => op.operationId === id)!;
const parts = (headers: Record<string, string>) => ({ path: '/packaging_order/open', headers, query: {} });

describe('the first credential a request carries', () => {
  it('is a credential parameter (the channel key), never read from the body', () => {
    let read = false;
    const body = () => ((read = true), null);
    expect(firstCredentialSent(operation('getOpenPackagingOrders'), parts({ 'x-channel-key': 'K1' }), body)).toEqual({
      key: 'channelKey',
      value: 'K1',
    });
    expect(read).toBe(false);
  });

  it("else a body credential (the API key), by the document's order; none when it sends none as text", () => {
    const login = operation('authenticate');
    expect(firstCredentialSent(login, parts({}), () => ({ api_secret: 'S', api_key: 'K' }))).toEqual({
      key: 'apiKey',
      value: 'K',
    });
    expect(firstCredentialSent(login, parts({}), () => ({ api_key: 7 }))).toBeUndefined();
    expect(firstCredentialSent(login, parts({}), () => undefined)).toBeUndefined();
  });
});
