// The Postman collection run with newman against the mock: every documented case gets its documented status.
import newman, { type NewmanRunSummary } from 'newman';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadContract } from '../lib/contract.ts';
import { buildCases } from '../conformance/cases.ts';
import { startMockServer, type RunningMock } from '../mocks/server.ts';
import { buildCollection } from './postman.ts';

const credentials = { token: 'postman-token', channelKey: 'PostmanChannel1' };
let mock: RunningMock;
beforeAll(async () => {
  mock = await startMockServer({ ...credentials, port: 0 });
});
afterAll(() => mock.close());

it('newman runs every case of the collection against the mock, and each gets its documented status', async () => {
  const collection = await buildCollection();
  const summary = await new Promise<NewmanRunSummary>((resolve, reject) =>
    newman.run(
      {
        collection: collection as never,
        envVar: [
          { key: 'baseUrl', value: mock.url },
          { key: 'token', value: credentials.token },
          { key: 'channelKey', value: credentials.channelKey },
        ],
        reporters: [],
        timeoutRequest: 5000,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    ),
  );
  const failures = summary.run.failures.map((f) => `${f.source?.name}: ${f.error?.message}`);
  expect(failures).toEqual([]);
  const cases = buildCases(loadContract(), { uniquePrefix: 'count' });
  // One request per case, plus the converter's own request per operation, which must succeed too.
  expect(summary.run.stats.requests.total).toBe(cases.length + loadContract().operations.length);
  const converterRequests = summary.run.executions.filter((e) => !e.item.name.includes(': '));
  expect(converterRequests.map((e) => (e.response as unknown as { code: number }).code)).toEqual([200]);
  expect(summary.run.stats.assertions.total).toBeGreaterThanOrEqual(cases.length);
}, 60_000);
