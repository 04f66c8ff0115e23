import { describe, expect, it } from 'vitest';
import type { SecurityScheme } from './contract.ts';
import { describeScheme, headerOf, placesOf, present, presented, together } from './security.ts';

const apiKey: SecurityScheme = {
  id: 'accessToken',
  pointer: '#',
  type: 'apiKey',
  in: 'header',
  name: 'X-Access-Token',
};
const bearer: SecurityScheme = { id: 'bearerToken', pointer: '#', type: 'http', scheme: 'bearer' };
const query: SecurityScheme = { id: 'q', pointer: '#', type: 'apiKey', in: 'query', name: 'key' };
const cookie: SecurityScheme = { id: 'c', pointer: '#', type: 'apiKey', in: 'cookie', name: 'sid' };

describe('presenting a credential', () => {
  it('goes where the scheme says', () => {
    expect(present(apiKey, 't')).toEqual({ headers: { 'x-access-token': 't' }, query: {} });
    expect(present(bearer, 't')).toEqual({ headers: { authorization: 'Bearer t' }, query: {} });
    expect(present(bearer, '')).toEqual({ headers: { authorization: 'Bearer' }, query: {} });
    expect(present(query, 't')).toEqual({ headers: {}, query: { key: 't' } });
    expect(present(cookie, 't').headers).toEqual({ cookie: 'sid=t' });
    expect([headerOf(apiKey), headerOf(bearer), headerOf(query), headerOf(cookie)]).toEqual([
      'x-access-token',
      'authorization',
      undefined,
      'cookie',
    ]);
  });

  it('names the places a scheme carries it, and puts several presentations in one request', () => {
    expect([placesOf(bearer), placesOf(query), placesOf(cookie)]).toEqual([
      { headers: ['authorization'], query: [] },
      { headers: [], query: ['key'] },
      { headers: ['cookie'], query: [] },
    ]);
    const other: SecurityScheme = { ...cookie, id: 'd', name: 'device' };
    expect(together([present(cookie, 'a'), present(query, 'b'), present(other, 'c'), present(bearer, 'd')])).toEqual({
      headers: { cookie: 'sid=a; device=c', authorization: 'Bearer d' },
      query: { key: 'b' },
    });
  });

  it('is read back as the document describes: empty is none, the scheme word in any case, another scheme is none', () => {
    expect(presented(apiKey, { 'x-access-token': ' t ' })).toBe('t');
    expect(presented(apiKey, { 'x-access-token': '' })).toBeUndefined();
    expect(presented(bearer, { authorization: 'bEaReR t' })).toBe('t');
    expect(presented(bearer, { authorization: 'Basic t' })).toBeUndefined();
    expect(presented(bearer, { authorization: 'Bearer' })).toBeUndefined();
    expect(presented(bearer, { authorization: 'Bearer a b' })).toBeUndefined();
    expect(presented(query, {}, { key: ['t', 'u'] })).toBe('t');
    expect(presented(cookie, { cookie: 'x=1; sid=t' })).toBe('t');
  });

  it('is described for people', () => {
    expect(describeScheme(apiKey)).toBe('the X-Access-Token header');
    expect(describeScheme(bearer)).toBe('Authorization: Bearer');
    expect(describeScheme(query)).toBe('the key query parameter');
  });
});
