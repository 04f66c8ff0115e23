// "A new operation added to the document needs no code change in mock or suite": a copy of the bundle with a
// second operation (the article series' GET order details) is mocked and graded as it is.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { BUNDLE_PATH, contractFrom, type JsonObject } from '../lib/contract.ts';
import { schemaValidator } from '../lib/schema-validator.ts';
import { buildCases } from '../conformance/cases.ts';
import { runCases } from '../conformance/runner.ts';
import { startMockServer, type RunningMock } from './server.ts';

const document = parse(readFileSync(BUNDLE_PATH, 'utf8')) as JsonObject;
const post = ((document.paths as JsonObject)['/packaging_order'] as JsonObject).post as JsonObject;
const responses = post.responses as JsonObject;
(document.paths as JsonObject)['/packaging_order/details'] = {
  get: {
    operationId: 'getPackagingOrderDetails',
    summary: 'Get order details',
    tags: post.tags!,
    parameters: [
      { $ref: '#/components/parameters/ChannelKey' },
      {
        name: 'order_id',
        in: 'query',
        required: true,
        schema: { $ref: '#/components/schemas/OrderId' },
        example: 'Order145',
      },
    ],
    responses: {
      '200': responses['200']!,
      '400': responses['400']!,
      '401': responses['401']!,
    },
  },
};
const work = mkdtempSync(join(tmpdir(), 'second-operation-'));
const bundlePath = join(work, 'openapi.yaml');
writeFileSync(bundlePath, stringify(document));

const credentials = { token: 'two-ops-token', channelKey: 'TwoOpsChannel' };
let mock: RunningMock;
beforeAll(async () => {
  mock = await startMockServer({ ...credentials, port: 0, bundlePath });
});
afterAll(async () => {
  await mock.close();
  rmSync(work, { recursive: true, force: true });
});

const headers = { 'x-access-token': credentials.token, 'x-channel-key': credentials.channelKey };

it('the mock answers the new operation from its documented examples and errors', async () => {
  const ok = await fetch(`${mock.url}/packaging_order/details?order_id=Order145`, { headers });
  expect(ok.status).toBe(200);
  expect(((await ok.json()) as JsonObject).success).toBe(true);

  const missingQuery = await fetch(`${mock.url}/packaging_order/details`, { headers });
  expect(missingQuery.status).toBe(400);
  const noToken = await fetch(`${mock.url}/packaging_order/details?order_id=A`, {
    headers: { 'x-channel-key': credentials.channelKey },
  });
  expect(((await noToken.json()) as JsonObject).code).toBe('ERR0001');
  const wrongMethod = await fetch(`${mock.url}/packaging_order/details?order_id=A`, { method: 'DELETE', headers });
  expect([wrongMethod.status, wrongMethod.headers.get('allow')]).toEqual([405, 'GET']);
});

it('the conformance suite derives cases for both operations, and the mock passes them all', async () => {
  const contract = contractFrom(document);
  const cases = buildCases(contract, { uniquePrefix: 'two-ops' });
  const detailCases = cases.filter((c) => c.operationId === 'getPackagingOrderDetails');
  expect(detailCases.map((c) => c.area)).toEqual(expect.arrayContaining(['success', 'auth', 'channel', 'routing']));
  const results = await runCases(
    cases,
    { baseUrl: mock.url, ...credentials, timeoutMs: 5000 },
    { contract, validator: schemaValidator(document) },
    8,
  );
  expect(results.filter((r) => !r.passed).map((r) => `${r.testCase.id}: ${JSON.stringify(r.failures)}`)).toEqual([]);
});
