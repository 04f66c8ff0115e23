import { describe, expect, it } from 'vitest';
import { contractFrom } from './contract.ts';
import { routerOf, type PathMatcher } from './routing.ts';

const operation = (operationId: string, extra: object = {}) => ({
  operationId,
  responses: { '200': { description: 'OK.' } },
  ...extra,
});
const contract = contractFrom({
  openapi: '3.1.0',
  info: { title: 'Routes', version: '1' },
  servers: [{ url: 'https://api.example.test/v2' }],
  paths: {
    '/things': { get: operation('listThings'), post: operation('createThing') },
    '/things/{id}': { get: operation('getThing'), delete: operation('deleteThing') },
    '/things/special': { put: operation('putSpecial') },
    '/login': { post: operation('logIn', { servers: [{ url: 'https://api.example.test/auth' }] }) },
  },
});
/** One segment per `{parameter}`. */
const match: PathMatcher = (path, template) => {
  if (path === template) return 'concrete';
  const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
  return template.includes('{') && pattern.test(path) ? 'templated' : undefined;
};
const route = routerOf(contract, match);
const reached = (method: string, path: string) => {
  const found = route(method, path);
  return 'operation' in found ? `${found.operation.operationId} ${found.path}` : found;
};

describe('routerOf', () => {
  it("reads a path under the operation's own server prefixes, then bare", () => {
    expect(reached('GET', '/v2/things')).toBe('listThings /things');
    expect(reached('GET', '/things')).toBe('listThings /things');
    expect(reached('POST', '/auth/login')).toBe('logIn /login');
    expect(reached('POST', '/v2/login')).toEqual({ errorCase: 'route-not-found' });
  });

  it('prefers a concrete path to a template, and falls back to the template for other methods', () => {
    expect(reached('PUT', '/things/special')).toBe('putSpecial /things/special');
    expect(reached('GET', '/things/special')).toBe('getThing /things/special');
    expect(reached('DELETE', '/v2/things/7')).toBe('deleteThing /things/7');
  });

  it('answers HEAD where GET is, and names the methods of a path asked with another', () => {
    expect(reached('HEAD', '/things/7')).toBe('getThing /things/7');
    expect(route('PATCH', '/things')).toEqual({ errorCase: 'method-not-allowed', allow: ['GET', 'HEAD', 'POST'] });
    expect(route('GET', '/login')).toEqual({ errorCase: 'method-not-allowed', allow: ['POST'] });
    expect(route('GET', '/nothing')).toEqual({ errorCase: 'route-not-found' });
  });
});
