// The mock over real HTTP: each answer must be the document's, for every case of the contract's response table.
import { request, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { answerFor, isObject, loadContract, type JsonObject } from '../lib/contract.ts';
import type { ErrorCase } from '../lib/extensions.ts';
import { schemaValidator } from '../lib/schema-validator.ts';
import { RESET_PATH, startMockServer, type RunningMock } from './server.ts';

const contract = loadContract();
const validator = schemaValidator(contract.document);
const operation = contract.operations.find((op) => op.operationId === 'createPackagingOrder')!;
const seedValue = operation.requestBody!.examples.find((ex) => ex.name === 'seedSample')!.value;
const seedRequest: JsonObject = isObject(seedValue) ? seedValue : {};
const documented = (errorCase: ErrorCase) => answerFor(contract, errorCase, operation)!;

const credentials = { token: 'test-token', channelKey: 'TestChannel42' };
let mock: RunningMock;
beforeAll(async () => {
  mock = await startMockServer({ credentials, port: 0 });
});
afterAll(() => mock.close());
// The mock remembers orders: each test starts from none, so that the seed's order can be created again.
beforeEach(async () => {
  await fetch(`${mock.url}${RESET_PATH}`, { method: 'POST' });
});

const goodHeaders = {
  'content-type': 'application/json',
  'x-access-token': credentials.token,
  'x-channel-key': credentials.channelKey,
};

async function post(headers: Record<string, string>, body: string | object, path = '/packaging_order') {
  const response = await fetch(`${mock.url}${path}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as JsonObject };
}

function expectDocumented(answer: { status: number; body: JsonObject }, errorCase: ErrorCase) {
  const { response, example } = documented(errorCase);
  expect(answer.status).toBe(Number(response.status));
  expect(validator.problems(response.schema!, answer.body)).toEqual([]);
  if (errorCase !== 'fields-invalid') expect(answer.body).toEqual(example.value);
}

describe('the contract response table', () => {
  it('order created: 200 with the request echoed, status Open, and the seed sample as answer', async () => {
    const answer = await post(goodHeaders, seedRequest);
    const created = operation.responses.find((r) => r.status === '200')!;
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.body).toEqual(created.examples.find((ex) => ex.name === 'seedSample')!.value);
  });

  it('echoes what was sent, never market, and adds no optional field that was not sent', async () => {
    const answer = await post(goodHeaders, {
      order_id: 'X1',
      product_code_schema: 'GTIN',
      product_code: '1',
      quantity: 0,
      market: 'DE',
    });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({
      order_id: 'X1',
      product_code_schema: 'GTIN',
      product_code: '1',
      quantity: 0,
      status: 'Open',
    });
  });

  it('accepts the token as Authorization: Bearer, the scheme word in any case', async () => {
    const { 'x-access-token': _, ...rest } = goodHeaders;
    expect((await post({ ...rest, authorization: `Bearer ${credentials.token}` }, seedRequest)).status).toBe(200);
    const another = { ...seedRequest, order_id: 'Order145-bearer' };
    expect((await post({ ...rest, authorization: `bEaReR ${credentials.token}` }, another)).status).toBe(200);
  });

  it('serves the path under the documented server prefix too', async () => {
    expect((await post(goodHeaders, seedRequest, '/v1/manufacturer/v2/api/packaging_order')).status).toBe(200);
  });

  it.each([
    ['neither token header', {}],
    ['an empty x-access-token', { 'x-access-token': '' }],
    ['Authorization with another scheme', { authorization: `Basic ${credentials.token}` }],
    ['Authorization: Bearer with no token', { authorization: 'Bearer ' }],
  ])('no token (%s): 401 ERR0001', async (_name, auth) => {
    const { 'x-access-token': _, ...rest } = goodHeaders;
    expectDocumented(await post({ ...rest, ...auth }, seedRequest), 'credentials-missing');
  });

  it.each([
    ['x-access-token', { 'x-access-token': 'not-the-token' }],
    ['Authorization: Bearer', { authorization: 'Bearer not-the-token' }],
    ['both headers, x-access-token wrong', { 'x-access-token': 'wrong', authorization: `Bearer ${credentials.token}` }],
  ])('token rejected (%s): 401 ERR0000', async (_name, auth) => {
    const { 'x-access-token': _, ...rest } = goodHeaders;
    expectDocumented(await post({ ...rest, ...auth }, seedRequest), 'credentials-rejected');
  });

  it.each([
    ['missing', undefined],
    ['malformed', 'has spaces'],
    ['too long', 'a'.repeat(256)],
    ['unknown to the tenant', 'SomeOtherChannel'],
  ])('channel key %s: 400', async (_name, key) => {
    const { 'x-channel-key': _, ...rest } = goodHeaders;
    expectDocumented(
      await post(key === undefined ? rest : { ...rest, 'x-channel-key': key }, seedRequest),
      'credential-invalid',
    );
  });

  it.each([
    ['a missing comma', '{"order_id": "A" "quantity": 1}'],
    ['an empty body', ''],
    ['a truncated body', '{"order_id": '],
  ])('unparsable body (%s): 400', async (_name, body) => {
    expectDocumented(await post(goodHeaders, body), 'body-unparsable');
  });

  it('a JSON body sent as text/plain: 400 unparsable', async () => {
    expectDocumented(await post({ ...goodHeaders, 'content-type': 'text/plain' }, seedRequest), 'body-unparsable');
  });

  it('field rules broken: 422 listing every offending field once', async () => {
    const body = {
      ...seedRequest,
      order_id: '',
      quantity: 1.5,
      serialized: 'true',
      expiry_date: '230230',
      colour: 'red',
    };
    delete (body as JsonObject).product_code;
    const answer = await post(goodHeaders, body);
    expectDocumented(answer, 'fields-invalid');
    const fields = (answer.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['colour', 'expiry_date', 'order_id', 'product_code', 'quantity', 'serialized']);
  });

  it('a body that is not an object: 422 with the empty field name', async () => {
    const answer = await post(goodHeaders, '[1,2]');
    expectDocumented(answer, 'fields-invalid');
    expect(answer.body.errors).toEqual([expect.objectContaining({ field: '' })]);
  });

  it('a body over the documented limit: 413', async () => {
    const limit = operation.bodyLimit!;
    expectDocumented(
      await post(goodHeaders, JSON.stringify({ ...seedRequest, batch: 'x'.repeat(limit) })),
      'body-too-large',
    );
  });

  it('checks in the documented order: token before channel key before body', async () => {
    expectDocumented(await post({ 'content-type': 'application/json' }, '{'), 'credentials-missing');
    expectDocumented(await post({ ...goodHeaders, 'x-channel-key': '' }, '{'), 'credential-invalid');
  });
});

describe('routing', () => {
  it('unknown path: 404 in the envelope', async () => {
    const response = await fetch(`${mock.url}/no_such_thing`);
    expectDocumented({ status: response.status, body: (await response.json()) as JsonObject }, 'route-not-found');
  });

  it.each(['GET', 'HEAD'])(
    '%s with a body larger than any documented limit: the documented answer, the body read and dropped',
    async (method) => {
      const list = contract.operations.find((op) => op.resource?.action === 'list')!;
      const largest = Math.max(...contract.operations.map((op) => op.bodyLimit ?? 0));
      // fetch sends no body with GET or HEAD; node:http sends what it is given.
      const body = 'x'.repeat(largest + 1);
      const response = await new Promise<IncomingMessage>((resolve, reject) =>
        request(`${mock.url}${list.path}`, {
          method,
          headers: {
            'x-access-token': credentials.token,
            'x-channel-key': credentials.channelKey,
            'content-length': body.length,
          },
        })
          .on('response', resolve)
          .on('error', reject)
          .end(body),
      );
      response.resume();
      expect([response.statusCode, response.headers['content-type']]).toEqual([
        Number(list.success!.status),
        'application/json; charset=utf-8',
      ]);
    },
  );

  it('wrong method: 405 with Allow', async () => {
    const response = await fetch(`${mock.url}/packaging_order`, { method: 'DELETE' });
    expect(response.headers.get('allow')).toBe('POST');
    expectDocumented({ status: response.status, body: (await response.json()) as JsonObject }, 'method-not-allowed');
  });
});

describe('Prefer', () => {
  it('code=401 gives the first documented 401 example', async () => {
    const answer = await post({ ...goodHeaders, prefer: 'code=401' }, seedRequest);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual(operation.responses.find((r) => r.status === '401')!.examples[0]!.value);
  });

  it('example=<name> alone finds the response that has it', async () => {
    const answer = await post({ ...goodHeaders, prefer: 'example=tokenRejected' }, seedRequest);
    expectDocumented(answer, 'credentials-rejected');
  });

  it('code and example together', async () => {
    const answer = await post({ ...goodHeaders, prefer: 'code=422, example=severalFields' }, seedRequest);
    const documentedExample = operation.responses
      .find((r) => r.status === '422')!
      .examples.find((ex) => ex.name === 'severalFields')!;
    expect(answer).toMatchObject({ status: 422, body: documentedExample.value });
  });

  it('dynamic=true generates a body that validates against the schema', async () => {
    const answer = await post({ ...goodHeaders, prefer: 'dynamic=true' }, seedRequest);
    const created = operation.responses.find((r) => r.status === '200')!;
    expect(answer.status).toBe(200);
    expect(validator.problems(created.schema!, answer.body)).toEqual([]);
  });

  it('an undocumented code is a clear 4xx in the envelope, not a crash', async () => {
    const answer = await post({ ...goodHeaders, prefer: 'code=599' }, seedRequest);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.body).toMatchObject({ success: false, message: expect.stringContaining('599') });
  });

  it('does not hide a real error: a request without token still gets ERR0001', async () => {
    const { 'x-access-token': _, ...rest } = goodHeaders;
    expectDocumented(await post({ ...rest, prefer: 'code=200' }, seedRequest), 'credentials-missing');
  });
});

describe('CORS', () => {
  it('answers a preflight from another origin', async () => {
    const response = await fetch(`${mock.url}/packaging_order`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-access-token,x-channel-key',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-allow-headers')).toContain('x-channel-key');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('marks ordinary answers for the calling origin', async () => {
    const response = await fetch(`${mock.url}/packaging_order`, {
      method: 'POST',
      headers: { ...goodHeaders, origin: 'http://localhost:5173' },
      body: JSON.stringify(seedRequest),
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });
});

describe('docs and document', () => {
  it('serves the bundled document', async () => {
    const response = await fetch(`${mock.url}/openapi.yaml`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('operationId: createPackagingOrder');
  });
});
