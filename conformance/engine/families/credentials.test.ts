import { describe, expect, it } from 'vitest';
import { contractFrom } from '../../../lib/contract.ts';
import type { OpenApiDocument, ParameterObject, PathItemObject } from '../../../lib/openapi.ts';
import type { Case } from '../case.ts';
import { credentialCases } from './credentials.ts';
import { answers, contextOf, documentOf, jsonBody, securedBy } from '../../fixtures/test-kit.ts';

const tenant = (example: string, where: ParameterObject['in'] = 'header'): ParameterObject => ({
  name: 'X-Tenant',
  in: where,
  required: true,
  'x-credential': true,
  schema: { type: 'string', pattern: '^[A-Z0-9]{8}$', maxLength: 8 },
  example,
});
const document = (
  parameter = tenant('AB12CD34'),
  invalid = answers('credential-invalid'),
  rest: Partial<OpenApiDocument> = {},
): OpenApiDocument =>
  documentOf(
    {
      [parameter.in === 'path' ? '/things/{X-Tenant}' : '/things']: {
        get: {
          operationId: 'listThings',
          parameters: [parameter],
          responses: { '200': { description: 'OK.' }, '400': invalid },
        },
      },
      '/login': {
        post: {
          operationId: 'logIn',
          requestBody: jsonBody(
            {
              type: 'object',
              properties: { api_key: { type: 'string', 'x-credential': true }, name: { type: 'string' } },
            },
            { one: { api_key: 'documented-key', name: 'n' } },
          ),
          responses: { '200': { description: 'In.' }, '401': answers('credentials-rejected') },
        },
      },
    },
    rest,
  );

/** The cases of one operation, from the context the catalogue gives it (conformance/catalogue.ts). */
const casesOf = (doc: OpenApiDocument, operationId: string) =>
  credentialCases(contextOf(contractFrom(doc), operationId));
const kinds = (cases: Case[]) => cases.map((c) => c.id.split('.').slice(3).join('.'));

describe('credentialCases, for a parameter marked x-credential', () => {
  const cases = casesOf(document(), 'listThings');
  const of = (kind: string) => cases.find((c) => c.id === `listThings.credentials.X-Tenant.${kind}`)!;

  it('refuses it missing, empty, malformed, too long, unknown and almost right, each as credential-invalid', () => {
    expect(kinds(cases)).toEqual([
      'missing',
      'empty',
      'malformed',
      'too-long',
      'unknown',
      'append',
      'drop-last',
      'change-last',
      'change-first',
      'swap-case',
    ]);
    for (const c of cases) expect(c.expect, c.id).toMatchObject({ status: 400, errorCase: 'credential-invalid' });
  });

  it('sends each value in the parameter’s header', () => {
    expect('x-tenant' in of('missing').request.headers).toBe(false);
    expect(of('empty').request.headers['x-tenant']).toBe('');
    expect(of('malformed').request.headers['x-tenant']).toBe('has spaces!');
    expect(of('too-long').request.headers['x-tenant']).toBe('a'.repeat(9));
    // The example reversed: well-formed, so only the server's list of keys can refuse it.
    expect(of('unknown').request.headers['x-tenant']).toBe('43DC21BA');
    expect(of('change-first').request.headers['x-tenant']).toBe('{{tenant|change-first}}');
  });

  it('points each at the rule it breaks', () => {
    const schema = '#/paths/~1things/get/parameters/0/schema';
    expect([of('missing').rule, of('malformed').rule, of('too-long').rule]).toEqual([
      '#/paths/~1things/get/parameters/0',
      `${schema}/pattern`,
      `${schema}/maxLength`,
    ]);
  });

  it('leaves out an unknown value it cannot make: a palindrome example, or one whose reverse breaks the pattern', () => {
    expect(kinds(casesOf(document(tenant('AB1221BA')), 'listThings'))).not.toContain('unknown');
    const lower = document(tenant('AB12CD34'));
    (lower.paths!['/things'] as PathItemObject).get!.parameters = [
      { ...tenant('AB12CD34'), schema: { type: 'string', pattern: '^A' } },
    ];
    expect(kinds(casesOf(lower, 'listThings'))).not.toContain('unknown');
  });

  it('sends a query credential in the query', () => {
    const query = casesOf(document(tenant('AB12CD34', 'query')), 'listThings');
    expect(query.find((c) => c.id.endsWith('.missing'))!.request.path).toBe('/things');
    expect(query.find((c) => c.id.endsWith('.append'))!.request.path).toBe('/things?X-Tenant={{tenant|append}}');
  });

  it('sends a path credential in the path, percent-encoded, and cannot leave it out or empty', () => {
    const inPath = casesOf(document(tenant('AB12CD34', 'path')), 'listThings');
    const path = (kind: string) => inPath.find((c) => c.id === `listThings.credentials.X-Tenant.${kind}`)!.request.path;
    expect(kinds(inPath)).not.toContain('missing');
    expect(kinds(inPath)).not.toContain('empty');
    expect(path('malformed')).toBe('/things/has%20spaces!');
    expect(path('too-long')).toBe(`/things/${'a'.repeat(9)}`);
    expect(path('unknown')).toBe('/things/43DC21BA');
    expect(path('append')).toBe('/things/{{tenant|append}}');
  });

  it('sends a cookie credential in the Cookie header, beside a token cookie', () => {
    const withToken = document(
      tenant('AB12CD34', 'cookie'),
      answers('credential-invalid'),
      securedBy({ session: { type: 'apiKey', in: 'cookie', name: 'sid' } }),
    );
    const inCookie = casesOf(withToken, 'listThings');
    const cookie = (kind: string) =>
      inCookie.find((c) => c.id === `listThings.credentials.X-Tenant.${kind}`)!.request.headers.cookie;
    expect(cookie('missing')).toBe('sid={{token}}');
    expect(cookie('empty')).toBe('sid={{token}}; X-Tenant=');
    expect(cookie('unknown')).toBe('sid={{token}}; X-Tenant=43DC21BA');
    expect(cookie('drop-last')).toBe('sid={{token}}; X-Tenant={{tenant|drop-last}}');
  });

  it('makes nothing when the document gives no credential-invalid answer', () => {
    expect(casesOf(document(tenant('AB12CD34'), answers('fields-invalid')), 'listThings')).toEqual([]);
  });
});

describe('credentialCases, for a body property marked x-credential', () => {
  const cases = casesOf(document(), 'logIn');

  it('refuses an unknown value and each near-miss of the right one as credentials-rejected, the rest of the body kept', () => {
    expect(kinds(cases)).toEqual(['unknown', 'append', 'drop-last', 'change-last', 'change-first', 'swap-case']);
    const bodies = cases.map((c) => JSON.parse(c.request.body!));
    expect(bodies[0].api_key).toMatch(/^invalid-test-\d+$/);
    expect(bodies[1]).toEqual({ api_key: '{{apiKey|append}}', name: 'n' });
    for (const c of cases) {
      expect(c.expect).toMatchObject({ status: 401, errorCase: 'credentials-rejected' });
      expect(c.rule).toBe('#/paths/~1login/post/requestBody/content/application~1json/schema/properties/api_key');
    }
  });
});
