import { describe, expect, it } from 'vitest';
import { contractFrom } from '../../../lib/contract.ts';
import type { OpenApiDocument, PathItemObject } from '../../../lib/openapi.ts';
import type { Case } from '../case.ts';
import { authCases } from './auth.ts';
import { answers, apiKey, contextOf, documentOf, jsonBody, securedBy } from '../../fixtures/test-kit.ts';

const document = (refusals = answers('credentials-missing', 'credentials-rejected'), key = apiKey()): OpenApiDocument =>
  documentOf(
    {
      '/things': {
        post: {
          operationId: 'makeThing',
          requestBody: jsonBody({ type: 'object' }, { one: { name: 'a' } }),
          responses: { '200': { description: 'Made.' }, '401': refusals },
        },
        get: { operationId: 'listThings', security: [], responses: { '200': { description: 'Things.' } } },
      },
    },
    securedBy({ key, bearer: { type: 'http', scheme: 'bearer' } }),
  );

const casesOf = (doc: OpenApiDocument, operationId = 'makeThing') =>
  authCases(contextOf(contractFrom(doc), operationId));
const byId = (cases: Case[], part: string) => cases.find((c) => c.id === `makeThing.auth.${part}`)!;

describe('authCases', () => {
  const cases = casesOf(document());

  it('makes a case with no token at all, expecting credentials-missing under #/security', () => {
    const none = byId(cases, 'none');
    expect(none.family).toBe('auth');
    expect(none.rule).toBe('#/security');
    expect(none.expect).toMatchObject({ status: 401, errorCase: 'credentials-missing' });
    expect(Object.keys(none.request.headers)).toEqual(['content-type']);
    expect(JSON.parse(none.request.body!)).toEqual({ name: 'a' });
  });

  it('accepts the token in each documented place alone, pointing at its scheme', () => {
    const key = byId(cases, 'key.accepted');
    expect(key.request.headers).toEqual({ 'content-type': 'application/json', 'x-key': '{{token}}' });
    expect(key.expect).toEqual({ status: 200, echoOf: { name: 'a' } });
    expect(key.rule).toBe('#/components/securitySchemes/key');
    const bearer = byId(cases, 'bearer.accepted');
    expect(bearer.request.headers.authorization).toBe('Bearer {{token}}');
    expect(bearer.request.headers['x-key']).toBeUndefined();
  });

  it('refuses an unknown token and each near-miss of the right one as credentials-rejected', () => {
    for (const miss of ['append', 'drop-last', 'change-last', 'change-first', 'swap-case']) {
      const c = byId(cases, `key.${miss}`);
      expect(c.request.headers['x-key']).toBe(`{{token|${miss}}}`);
      expect(c.expect).toMatchObject({ status: 401, errorCase: 'credentials-rejected' });
    }
    expect(byId(cases, 'key.rejected').request.headers['x-key']).toMatch(/^invalid-test-\d+$/);
  });

  it('reads an empty API key, another scheme word and a bare scheme word as no token', () => {
    expect(byId(cases, 'key.empty').request.headers['x-key']).toBe('');
    expect(byId(cases, 'key.empty').title).toBe('the X-Key header sent empty is no token');
    expect(byId(cases, 'bearer.other-scheme').request.headers.authorization).toBe('Basic {{token}}');
    expect(byId(cases, 'bearer.no-token').request.headers.authorization).toBe('bearer');
    for (const part of ['key.empty', 'bearer.other-scheme', 'bearer.no-token'])
      expect(byId(cases, part).expect.errorCase, part).toBe('credentials-missing');
  });

  it('takes the scheme word in any case (RFC 9110 §11.1)', () => {
    expect(byId(cases, 'bearer.scheme-lower-case').request.headers.authorization).toBe('bearer {{token}}');
    expect(byId(cases, 'bearer.scheme-upper-case').request.headers.authorization).toBe('BEARER {{token}}');
    expect(byId(cases, 'bearer.scheme-upper-case').expect.status).toBe(200);
  });

  it('lets the first alternative decide when both are sent', () => {
    const refusal = byId(cases, 'key.decides-refusal');
    expect(refusal.request.headers).toMatchObject({ authorization: 'Bearer {{token}}' });
    expect(refusal.request.headers['x-key']).toMatch(/^invalid-/);
    expect(refusal.expect.errorCase).toBe('credentials-rejected');
    const acceptance = byId(cases, 'key.decides-acceptance');
    expect(acceptance.request.headers['x-key']).toBe('{{token}}');
    expect(acceptance.request.headers.authorization).toMatch(/^Bearer invalid-/);
    expect([refusal.rule, acceptance.rule, acceptance.expect.status]).toEqual(['#/security', '#/security', 200]);
    expect(cases.filter((c) => c.id.includes('bearer.decides'))).toEqual([]);
  });

  it('makes nothing for an operation that needs no token', () => {
    expect(casesOf(document(), 'listThings')).toEqual([]);
  });

  it('leaves out the refusals whose answer the document does not give', () => {
    const onlyMissing = casesOf(document(answers('credentials-missing')));
    expect(onlyMissing.some((c) => c.expect.errorCase === 'credentials-rejected')).toBe(false);
    expect(onlyMissing.map((c) => c.id)).toContain('makeThing.auth.none');
    expect(onlyMissing.map((c) => c.id)).toContain('makeThing.auth.key.accepted');
  });

  it('takes a query token out of the URL, or changes it there, for every refusal', () => {
    const inQuery = casesOf(document(undefined, apiKey('query')));
    const path = (part: string) => byId(inQuery, part).request.path;
    expect(path('none')).toBe('/things');
    expect(path('key.accepted')).toBe('/things?api_key={{token}}');
    expect(path('key.rejected')).toMatch(/^\/things\?api_key=invalid-test-\d+$/);
    expect(path('key.append')).toBe('/things?api_key={{token|append}}');
    expect(path('key.empty')).toBe('/things?api_key=');
    expect([path('bearer.accepted'), path('bearer.no-token')]).toEqual(['/things', '/things']);
    expect(path('key.decides-refusal')).toMatch(/^\/things\?api_key=invalid-/);
    expect(byId(inQuery, 'key.decides-refusal').request.headers.authorization).toBe('Bearer {{token}}');
    for (const c of refusals(inQuery)) expect(c.request.path, c.id).not.toContain('{{token}}');
  });

  it('takes a cookie token out of the Cookie header, or changes it there, for every refusal', () => {
    const inCookie = casesOf(document(undefined, apiKey('cookie')));
    const cookie = (part: string) => byId(inCookie, part).request.headers.cookie;
    expect([cookie('none'), cookie('bearer.accepted')]).toEqual([undefined, undefined]);
    expect(cookie('key.accepted')).toBe('api_key={{token}}');
    expect(cookie('key.swap-case')).toBe('api_key={{token|swap-case}}');
    expect(cookie('key.decides-acceptance')).toBe('api_key={{token}}');
    expect(byId(inCookie, 'key.decides-acceptance').request.headers.authorization).toMatch(/^Bearer invalid-/);
    for (const c of refusals(inCookie)) expect(c.request.headers.cookie ?? '', c.id).not.toContain('{{token}}');
  });

  it('points at the operation’s own security when it has one', () => {
    const own = document();
    (own.paths!['/things'] as PathItemObject).post!.security = [{ key: [] }];
    const ownCases = casesOf(own);
    expect(byId(ownCases, 'none').rule).toBe('#/paths/~1things/post/security');
    expect(ownCases.some((c) => c.id.includes('bearer'))).toBe(false);
  });
});

/** The cases that expect the token refused, but for the one that sends it right in the alternative that does not decide. */
function refusals(cases: Case[]): Case[] {
  return cases.filter((c) => c.expect.status === 401 && !c.id.endsWith('.decides-refusal'));
}
