import { describe, expect, it } from 'vitest';
import { contractFrom } from '../../../lib/contract.ts';
import type { ErrorCase } from '../../../lib/extensions.ts';
import type { OpenApiDocument } from '../../../lib/openapi.ts';
import type { Case } from '../case.ts';
import { orderCases } from './order.ts';
import { answers, apiKey, contextOf, documentOf, jsonBody, securedBy } from '../../fixtures/test-kit.ts';

const document = (checkOrder?: ErrorCase[], key = apiKey()): OpenApiDocument =>
  documentOf(
    {
      '/things': {
        post: {
          operationId: 'makeThing',
          ...(checkOrder ? { 'x-check-order': checkOrder } : {}),
          parameters: [
            { name: 'X-Tenant', in: 'header', required: true, 'x-credential': true, schema: { type: 'string' } },
          ],
          requestBody: jsonBody(
            { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
            { a: { name: 'n', more: 1 } },
          ),
          responses: {
            '201': { description: 'Made.' },
            '400': answers('credential-invalid', 'body-unparsable'),
            '401': answers('credentials-missing', 'credentials-rejected'),
            '413': { ...answers('body-too-large'), 'x-max-body-bytes': 100 },
            '422': answers('fields-invalid'),
          },
        },
        get: {
          operationId: 'listThings',
          parameters: [{ name: 'colour', in: 'query', required: true, schema: { type: 'string' }, example: 'red' }],
          responses: {
            '200': { description: 'Things.' },
            '401': answers('credentials-missing'),
            '422': answers('fields-invalid'),
          },
        },
      },
    },
    securedBy({ key }),
  );

const casesOf = (doc: OpenApiDocument, operationId = 'makeThing') =>
  orderCases(contextOf(contractFrom(doc), operationId));
const find = (cases: Case[], first: string, second: string) =>
  cases.find((c) => c.id === `makeThing.order.${first}.before.${second}`)!;

describe('orderCases', () => {
  const cases = casesOf(document());

  it('pairs the checks of the document’s order that the operation can fail, the earlier one expected', () => {
    expect(cases.map((c) => c.id.replace('makeThing.order.', ''))).toEqual([
      'body-too-large.before.credentials-missing',
      'body-too-large.before.credentials-rejected',
      'body-too-large.before.credential-invalid',
      'body-too-large.before.body-unparsable',
      'body-too-large.before.fields-invalid',
      'credentials-missing.before.credential-invalid',
      'credentials-missing.before.body-unparsable',
      'credentials-missing.before.fields-invalid',
      'credentials-rejected.before.credential-invalid',
      'credentials-rejected.before.body-unparsable',
      'credentials-rejected.before.fields-invalid',
      'credential-invalid.before.body-unparsable',
      'credential-invalid.before.fields-invalid',
      'body-unparsable.before.fields-invalid',
    ]);
    for (const c of cases) {
      expect(c.expect.errorCase, c.id).toBe(c.id.split('.')[2]);
      expect(c.rule).toBe('#/x-check-order');
    }
  });

  it('keeps both faults in one request', () => {
    const sizeAndToken = find(cases, 'body-too-large', 'credentials-missing');
    expect([sizeAndToken.request.padTo, sizeAndToken.request.headers['x-key'], sizeAndToken.expect.status]).toEqual([
      101,
      undefined,
      413,
    ]);
    const rejected = find(cases, 'credentials-rejected', 'credential-invalid');
    expect(rejected.request.headers['x-key']).toMatch(/^invalid-test-\d+$/);
    expect('x-tenant' in rejected.request.headers).toBe(false);
    // Not JSON, and without the required name: the text fault is made on top of the value fault.
    const textAndValue = find(cases, 'body-unparsable', 'fields-invalid');
    expect([textAndValue.request.body, textAndValue.expect.status]).toEqual(['{"more":1,}', 400]);
  });

  it('expects the fields of a fields-invalid answer only when that check comes first', () => {
    expect(find(cases, 'credentials-missing', 'fields-invalid').expect.fields).toBeUndefined();
    const [first] = casesOf(document(['fields-invalid', 'credentials-missing']));
    expect(first!.id).toBe('makeThing.order.fields-invalid.before.credentials-missing');
    expect(first!.expect).toMatchObject({ status: 422, fields: ['name'] });
    expect(first!.rule).toBe('#/paths/~1things/post/x-check-order');
    expect(JSON.parse(first!.request.body!)).toEqual({ more: 1 });
  });

  it('never pairs two faults of the same part: no token and a wrong token cannot both be sent', () => {
    expect(cases.some((c) => c.id.includes('credentials-missing.before.credentials-rejected'))).toBe(false);
  });

  it('takes a query token out of the URL for no token, and changes it there for a wrong one', () => {
    const inQuery = casesOf(document(undefined, apiKey('query')));
    expect(find(inQuery, 'credentials-missing', 'credential-invalid').request.path).toBe('/things');
    expect(find(inQuery, 'credentials-rejected', 'credential-invalid').request.path).toMatch(
      /^\/things\?api_key=invalid-test-\d+$/,
    );
    const [noBody] = casesOf(document(undefined, apiKey('query')), 'listThings');
    expect(noBody!.request.path).toBe('/things');
  });

  it('breaks a required query parameter when the operation takes no body', () => {
    const [c, ...rest] = casesOf(document(), 'listThings');
    expect(rest).toEqual([]);
    expect(c!.id).toBe('listThings.order.credentials-missing.before.fields-invalid');
    expect([c!.request.path, c!.request.headers['x-key'], c!.expect.status]).toEqual(['/things', undefined, 401]);
  });
});
