// Postman requests from the kit's requests, the token auth per scheme, and the answer test run in a stand-in of
// Postman's sandbox (`pm`), so that a test that cannot fail would show here.
import { describe, expect, it } from 'vitest';
import type { SecurityScheme } from '../../lib/contract.ts';
import { answerTest, postmanUrl, scalarMembers, tokenAuth, withoutToken, type DocumentedAnswer } from './request.ts';

const header: SecurityScheme = { type: 'apiKey', in: 'header', name: 'x-api-key', id: 'key', pointer: '#/k' };
const query: SecurityScheme = { type: 'apiKey', in: 'query', name: 'api_key', id: 'q', pointer: '#/q' };
const cookie: SecurityScheme = { type: 'apiKey', in: 'cookie', name: 'session', id: 'c', pointer: '#/c' };
const bearer: SecurityScheme = { type: 'http', scheme: 'bearer', id: 'b', pointer: '#/b' };
const basic: SecurityScheme = { type: 'http', scheme: 'basic', id: 'basic', pointer: '#/basic' };

describe('postmanUrl', () => {
  it('keeps the path and query as sent, percent-encodings and empty segments included', () => {
    expect(postmanUrl('baseUrl', '/widgets/W%201001//?include=parts%20&flag&limit=', new Set(['limit']))).toEqual({
      raw: '{{baseUrl}}/widgets/W%201001//?include=parts%20&flag&limit=',
      host: ['{{baseUrl}}'],
      path: ['widgets', 'W%201001', '', ''],
      query: [
        { key: 'include', value: 'parts%20' },
        { key: 'flag', value: null },
        { key: 'limit', value: '', disabled: true },
      ],
    });
    expect(postmanUrl('baseUrlV1', '/api_auth')).toEqual({
      raw: '{{baseUrlV1}}/api_auth',
      host: ['{{baseUrlV1}}'],
      path: ['api_auth'],
    });
  });
});

describe('tokenAuth', () => {
  it("uses Postman's auth for one API key in a header or the query, or Bearer", () => {
    expect(tokenAuth([header])).toEqual({
      type: 'apikey',
      apikey: [
        { key: 'key', value: 'x-api-key' },
        { key: 'value', value: '{{token}}' },
        { key: 'in', value: 'header' },
      ],
    });
    expect(tokenAuth([query])?.type).toBe('apikey');
    expect(tokenAuth([bearer])).toEqual({ type: 'bearer', bearer: [{ key: 'token', value: '{{token}}' }] });
  });

  it('gives none where Postman has no auth for it: a cookie, Basic, two schemes together, or no scheme', () => {
    for (const alternative of [[cookie], [basic], [header, bearer], [], undefined]) {
      expect(tokenAuth(alternative)).toBeUndefined();
    }
  });
});

describe('withoutToken', () => {
  it('takes out what the scheme adds for the token, and nothing else', () => {
    const parts = {
      method: 'GET',
      pathValues: {},
      query: [['api_key', '{{token}}'], ['limit', '2']] as [string, string][],
      headers: { 'x-api-key': '{{token}}', 'x-tenant': '{{tenant}}' },
    };
    expect(withoutToken(parts, [header])).toEqual({ ...parts, headers: { 'x-tenant': '{{tenant}}' } });
    expect(withoutToken(parts, [query])).toEqual({ ...parts, query: [['limit', '2']] });
    expect(parts.headers).toHaveProperty('x-api-key');
  });
});

describe('answerTest, run in a stand-in of the sandbox', () => {
  /** The names of the tests that failed. */
  function run(answers: DocumentedAnswer[], code: number, body: unknown, allow?: string): string[] {
    const failed: string[] = [];
    const pm = {
      response: { code, json: () => body, headers: { get: (name: string) => (name === 'Allow' ? allow : undefined) } },
      test: (name: string, check: () => void) => {
        try {
          check();
        } catch {
          failed.push(name);
        }
      },
      expect: (value: unknown, _message?: string) => expect(value),
    };
    new Function('pm', answerTest('the case', answers).script.exec.join('\n'))(pm);
    return failed;
  }
  const error: DocumentedAnswer = { status: 401, members: { message: 'No token', code: 'ERR0001' } };

  it('passes the documented status and body, and an alternative answer', () => {
    expect(run([{ status: 200 }, error], 200, {})).toEqual([]);
    expect(run([{ status: 200 }, error], 401, { message: 'No token', code: 'ERR0001', extra: [1] })).toEqual([]);
  });

  it('fails another status, another message, and an Allow without a documented method', () => {
    expect(run([error], 403, {})).toEqual(['status 401: the case']);
    expect(run([error], 401, { message: 'Nope', code: 'ERR0001' })).toEqual(['body as documented']);
    const notAllowed: DocumentedAnswer = { status: 405, allow: ['GET', 'POST'] };
    expect(run([notAllowed], 405, {}, 'GET, POST')).toEqual([]);
    expect(run([notAllowed], 405, {}, 'GET')).toEqual(['Allow lists the methods of the path']);
  });
});

describe('scalarMembers', () => {
  it('keeps what every such answer repeats: the scalar members, not the lists that vary with the request', () => {
    expect(scalarMembers({ message: 'Invalid', code: null, errors: [{ field: 'a' }], data: {} })).toEqual({
      message: 'Invalid',
      code: null,
    });
    expect(scalarMembers({ errors: [] })).toBeUndefined();
    expect(scalarMembers('text')).toBeUndefined();
  });
});
