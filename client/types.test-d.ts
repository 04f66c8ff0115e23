// Compiled by `tsc --noEmit` in npm test: each @ts-expect-error must meet a type error, or the build fails.
import { createClient, type InputOf, type ResultOf } from './index.ts';

const client = createClient({ baseUrl: 'http://127.0.0.1:4010', token: 't', channelKey: 'k', auth: 'bearerToken' });
const order = { order_id: 'A', product_code_schema: 'GTIN' as const, product_code: '1', quantity: 1 };

export async function createPackagingOrder() {
  await client.createPackagingOrder({ body: order });
  // @ts-expect-error the body is required
  await client.createPackagingOrder();
  // @ts-expect-error order_id is required
  await client.createPackagingOrder({ body: { product_code_schema: 'GTIN', product_code: '1', quantity: 1 } });
  // @ts-expect-error quantity is a number, not a string
  await client.createPackagingOrder({ body: { ...order, quantity: '10' } });
  // @ts-expect-error serialized is a boolean, not the string "true"
  await client.createPackagingOrder({ body: { ...order, serialized: 'true' } });
  // @ts-expect-error GTIN is the only product code schema
  await client.createPackagingOrder({ body: { ...order, product_code_schema: 'SSCC' } });
  // @ts-expect-error unknown properties are rejected by the contract
  await client.createPackagingOrder({ body: { ...order, colour: 'red' } });
  // @ts-expect-error the channel key is the client's to send, from its options
  await client.createPackagingOrder({ body: order, header: { 'x-channel-key': 'k' } });
  // @ts-expect-error the operation has no query parameter
  await client.createPackagingOrder({ body: order, query: { order_id: 'A' } });
}

export async function getPackagingOrderDetails() {
  await client.getPackagingOrderDetails({ query: { order_id: 'A' }, signal: AbortSignal.timeout(1000) });
  // @ts-expect-error order_id is a required query parameter
  await client.getPackagingOrderDetails();
  // @ts-expect-error order_id is a required query parameter
  await client.getPackagingOrderDetails({ query: {} });
  // @ts-expect-error order_id is a string
  await client.getPackagingOrderDetails({ query: { order_id: 145 } });
  // @ts-expect-error a GET takes no body
  await client.getPackagingOrderDetails({ query: { order_id: 'A' }, body: order });
  // @ts-expect-error the channel key is the client's to send, from its options
  await client.getPackagingOrderDetails({ query: { order_id: 'A' }, header: { 'x-channel-key': 'k' } });
}

export async function getOpenPackagingOrders() {
  await client.getOpenPackagingOrders();
  await client.getOpenPackagingOrders({ signal: AbortSignal.timeout(1000) });
  // @ts-expect-error the operation has no query parameter (no paging)
  await client.getOpenPackagingOrders({ query: { page: 2 } });
  // @ts-expect-error a GET takes no body
  await client.getOpenPackagingOrders({ body: {} });
}

export async function authenticate() {
  await client.authenticate({ body: { api_key: 'key', api_secret: 'secret' } });
  // @ts-expect-error api_secret is required
  await client.authenticate({ body: { api_key: 'key' } });
  // @ts-expect-error api_key is a string
  await client.authenticate({ body: { api_key: 1, api_secret: 'secret' } });
  // @ts-expect-error authenticate takes no channel key, nor any other header
  await client.authenticate({ body: { api_key: 'key', api_secret: 'secret' }, header: { 'x-channel-key': 'k' } });
  // @ts-expect-error authenticate takes no token header either
  await client.authenticate({ body: { api_key: 'key', api_secret: 'secret' }, header: { 'x-access-token': 't' } });
}

export function options() {
  // @ts-expect-error the auth style is one of the document's security schemes
  createClient({ baseUrl: '', token: '', channelKey: '', auth: 'bearer' });
  // @ts-expect-error the API key goes in authenticate's body, not in the options
  createClient({ baseUrl: '', apiKey: 'key' });
  // @ts-expect-error no operation takes a tenant
  createClient({ baseUrl: '', tenant: 'T' });
  // @ts-expect-error the base URL is required
  createClient({ token: 't' });
}

export function inputs(details: InputOf<'getPackagingOrderDetails'>): string {
  return details.query.order_id;
}

export function createNarrowing(result: ResultOf<'createPackagingOrder'>): string {
  if (result.ok) return result.data.data.status satisfies 'Open';
  if (result.kind === 'network') return result.message;
  if (result.kind === 'undocumented') return result.body;
  switch (result.status) {
    case 401:
      // @ts-expect-error 401 carries only ERR0001 or ERR0000
      if (result.error.code === 'ERR9999') return '';
      return result.error.code === 'ERR0001'
        ? (result.error.message satisfies 'No token provided')
        : result.error.message;
    case 400:
      // @ts-expect-error the 400 answers have no code in the contract
      return result.error.code;
    case 409:
      return result.error.message satisfies 'Packaging order already exists';
    case 422:
      return result.error.errors.map((e) => e.field).join();
    default:
      return result.error.message;
  }
}

export function detailsNarrowing(result: ResultOf<'getPackagingOrderDetails'>): string {
  if (result.ok) return result.data.data.order_id;
  if (result.kind !== 'error') return result.message;
  // @ts-expect-error reading an order never answers 409
  if (result.status === 409) return '';
  if (result.status === 404) return result.error.message satisfies 'Packaging order not found';
  return result.status === 422 ? result.error.errors.map((e) => e.field).join() : result.error.message;
}

export function openNarrowing(result: ResultOf<'getOpenPackagingOrders'>): string[] {
  if (!result.ok) return [];
  // @ts-expect-error the list holds orders, not order IDs
  const ids: string[] = result.data.data;
  return ids.concat(result.data.data.map((o) => o.order_id));
}

export function authenticateNarrowing(result: ResultOf<'authenticate'>): string {
  if (result.ok) return result.data.data.token;
  if (result.kind !== 'error') return result.message;
  // @ts-expect-error authenticate answers no 404
  if (result.status === 404) return '';
  if (result.status === 401) {
    // @ts-expect-error a rejected API key has no code, unlike a rejected token
    return result.error.code;
  }
  return result.error.message;
}
