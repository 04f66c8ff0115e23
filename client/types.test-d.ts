// Compiled by `tsc --noEmit` in npm test: each @ts-expect-error must meet a type error, or the build fails.
import { createClient, type CreatePackagingOrderResult } from './index.ts';

const client = createClient({ baseUrl: 'http://127.0.0.1:4010', token: 't', channelKey: 'k', auth: 'bearer' });
const valid = { order_id: 'A', product_code_schema: 'GTIN', product_code: '1', quantity: 1 } as const;

export async function compileChecks() {
  await client.createPackagingOrder(valid);
  // @ts-expect-error order_id is required
  await client.createPackagingOrder({ product_code_schema: 'GTIN', product_code: '1', quantity: 1 });
  // @ts-expect-error quantity is a number, not a string
  await client.createPackagingOrder({ ...valid, quantity: '10' });
  // @ts-expect-error serialized is a boolean, not the string "true"
  await client.createPackagingOrder({ ...valid, serialized: 'true' });
  // @ts-expect-error GTIN is the only product code schema
  await client.createPackagingOrder({ ...valid, product_code_schema: 'SSCC' });
  // @ts-expect-error unknown properties are rejected by the contract
  await client.createPackagingOrder({ ...valid, colour: 'red' });
  // @ts-expect-error the auth style is one of two
  createClient({ baseUrl: '', token: '', channelKey: '', auth: 'basic' });
}

export function narrowing(result: CreatePackagingOrderResult): string {
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
    case 422:
      return result.error.errors.map((e) => e.field).join();
    default:
      return result.error.message;
  }
}
