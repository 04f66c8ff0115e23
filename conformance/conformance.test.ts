// The suite graded against servers we know: the mock and a hand-written reference server must pass every case;
// each deliberately faulty server must fail, on a case that names the rule the fault breaks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContract } from '../lib/contract.ts';
import { schemaValidator } from '../lib/schema-validator.ts';
import { startMockServer } from '../mocks/server.ts';
import { buildCases } from './cases.ts';
import { FAULTS, startReferenceServer, type Fault } from './fixtures/reference-server.ts';
import { runCases, type CaseResult, type Target } from './runner.ts';

const contract = loadContract();
const grading = { contract, validator: schemaValidator(contract.document) };
const credentials = { token: 'suite-token-5f2c', channelKey: 'SuiteChannel7' };
const cases = buildCases(contract, { uniquePrefix: 'selftest' });

async function grade(url: string): Promise<CaseResult[]> {
  const target: Target = { baseUrl: url, ...credentials, timeoutMs: 5000 };
  return runCases(cases, target, grading, 8);
}

const failingIds = (results: CaseResult[]) => results.filter((r) => !r.passed).map((r) => r.testCase.id);

describe('servers that keep the contract pass every case', () => {
  it('the mock', async () => {
    const mock = await startMockServer({ ...credentials, port: 0 });
    try {
      expect(failingIds(await grade(mock.url))).toEqual([]);
    } finally {
      await mock.close();
    }
  });

  it('the reference server, also under the documented server prefix', async () => {
    const server = await startReferenceServer({ ...credentials });
    try {
      expect(failingIds(await grade(server.url))).toEqual([]);
      expect(failingIds(await grade(`${server.url}/v1/manufacturer/v2/api`))).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

// For each fault, a case that must fail (by id) and the rule it must name (a pointer into the document).
const DETECTED_BY: Record<Fault, { id: string; rule: string }> = {
  'auth-skipped': { id: 'auth.none', rule: '#/security' },
  'any-token-accepted': { id: 'auth.accessToken.rejected', rule: '#/components/securitySchemes/accessToken' },
  'error-codes-swapped': { id: 'auth.none', rule: '#/security' },
  '403-instead-of-401': { id: 'auth.bearerToken.rejected', rule: '#/components/securitySchemes/bearerToken' },
  'bearer-not-accepted': { id: 'auth.bearerToken.accepted', rule: '#/components/securitySchemes/bearerToken' },
  'channel-key-not-checked': { id: 'channel.x-channel-key.missing', rule: '#/components/parameters/ChannelKey' },
  '500-on-malformed-json': { id: 'syntax.missing-comma', rule: '#/paths/~1packaging_order/post/requestBody' },
  'order-id-max-length-off-by-one': {
    id: 'body.order_id.above-max-length',
    rule: '#/components/schemas/OrderId/maxLength',
  },
  'quantity-max-off-by-one': { id: 'body.quantity.above-maximum', rule: '#/components/schemas/Quantity/maximum' },
  'quantity-min-off-by-one': { id: 'body.quantity.below-minimum', rule: '#/components/schemas/Quantity/minimum' },
  'extra-percentage-max-off-by-one': {
    id: 'body.extra_percentage.above-maximum',
    rule: '#/components/schemas/ExtraPercentage/maximum',
  },
  'day-00-rejected': { id: 'body.expiry_date.example-221200', rule: '#/components/schemas/ExpiryDate/examples' },
  'leap-day-rejected': { id: 'body.expiry_date.example-280229', rule: '#/components/schemas/ExpiryDate/examples' },
  'market-rejected': {
    id: 'success.example.legacyMarket',
    rule: '#/paths/~1packaging_order/post/requestBody/content/application~1json/examples/legacyMarket',
  },
  'market-echoed': {
    id: 'success.example.legacyMarket',
    rule: '#/paths/~1packaging_order/post/requestBody/content/application~1json/examples/legacyMarket',
  },
  'unknown-property-accepted': {
    id: 'body.unknown-property',
    rule: '#/components/schemas/PackagingOrderRequest/additionalProperties',
  },
  'string-true-accepted-as-boolean': {
    id: 'body.serialized.string-true',
    rule: '#/components/schemas/Serialized/type',
  },
  '201-instead-of-200': {
    id: 'success.example.seedSample',
    rule: '#/paths/~1packaging_order/post/requestBody/content/application~1json/examples/seedSample',
  },
  'status-missing': {
    id: 'success.example.seedSample',
    rule: '#/paths/~1packaging_order/post/requestBody/content/application~1json/examples/seedSample',
  },
  'errors-without-success-false': { id: 'auth.none', rule: '#/security' },
  'text-plain-answers': {
    id: 'success.example.seedSample',
    rule: '#/paths/~1packaging_order/post/requestBody/content/application~1json/examples/seedSample',
  },
  'validation-lists-one-field-only': {
    id: 'body.several-fields',
    rule: '#/components/schemas/ValidationError/properties/errors',
  },
  'content-type-not-checked': {
    id: 'syntax.other-content-type',
    rule: '#/paths/~1packaging_order/post/requestBody/content',
  },
  'quantity-decimal-accepted': { id: 'body.quantity.decimal', rule: '#/components/schemas/Quantity/type' },
  'no-token-gives-err0000': { id: 'auth.none', rule: '#/security' },
  'validation-as-400': { id: 'body.quantity.above-maximum', rule: '#/components/schemas/Quantity/maximum' },
};

describe.each(FAULTS.map(({ fault, description }) => [fault, description] as const))(
  'faulty server: %s',
  (fault, description) => {
    let results: CaseResult[];
    let close: () => Promise<void>;
    beforeAll(async () => {
      const server = await startReferenceServer({ ...credentials, fault });
      close = server.close;
      results = await grade(server.url);
    });
    afterAll(() => close());

    it(`is found not conformant (${description})`, () => {
      expect(results.some((r) => !r.passed)).toBe(true);
    });

    it('fails on the case that names the broken rule', () => {
      const expected = DETECTED_BY[fault];
      const failed = results.find((r) => r.testCase.id === expected.id);
      expect(failed, `no case ${expected.id}`).toBeDefined();
      expect(failed!.passed, `${expected.id} passed: ${failingIds(results).join(', ')}`).toBe(false);
      expect(failed!.testCase.rule).toBe(expected.rule);
    });
  },
);
