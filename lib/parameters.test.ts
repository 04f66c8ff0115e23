import { describe, expect, it } from 'vitest';
import { cookieHeader, cookies, fillPath, parameterValue, pathParameters } from './parameters.ts';
import type { Parameter } from './contract.ts';

const parameter = (name: string, location: Parameter['in']): Parameter => ({
  name,
  in: location,
  required: true,
  description: '',
  credential: false,
  pointer: '#',
});

describe('parameters in a request', () => {
  it('path parameters are read from the template and decoded', () => {
    expect(pathParameters('/widgets/{widget_id}/parts/{n}', '/widgets/W%201/parts/3')).toEqual({
      widget_id: 'W 1',
      n: '3',
    });
    expect(pathParameters('/widgets/{widget_id}', '/widgets/a/b')).toBeUndefined();
    expect(pathParameters('/a.b/{x}', '/aXb/1')).toBeUndefined();
  });

  it('fillPath encodes values but leaves placeholders readable', () => {
    expect(fillPath('/w/{id}', { id: 'a/b é' })).toBe('/w/a%2Fb%20%C3%A9');
    expect(fillPath('/w/{id}', { id: '{{$response.body#/data/id}}' })).toBe('/w/{{$response.body#/data/id}}');
    expect(fillPath('/w/{id}', {})).toBe('/w/{id}');
  });

  it('parameterValue reads each location, the first of repeated values', () => {
    const request = {
      path: '/w/W1',
      headers: { 'x-tenant': 'T1', cookie: 'a=1; session=s=2' },
      query: { depth: ['2', '3'] },
    };
    expect(parameterValue(parameter('X-Tenant', 'header'), '/w/{id}', request)).toBe('T1');
    expect(parameterValue(parameter('depth', 'query'), '/w/{id}', request)).toBe('2');
    expect(parameterValue(parameter('session', 'cookie'), '/w/{id}', request)).toBe('s=2');
    expect(parameterValue(parameter('id', 'path'), '/w/{id}', request)).toBe('W1');
    expect(cookies(undefined)).toEqual({});
  });

  it('cookieHeader writes the cookies given, in order, and none for undefined', () => {
    expect(cookieHeader({ a: '1', gone: undefined, session: 's=2' })).toBe('a=1; session=s=2');
    expect(cookies(cookieHeader({ a: '1', b: '' }))).toEqual({ a: '1', b: '' });
    expect(cookieHeader({ gone: undefined })).toBe('');
  });
});
