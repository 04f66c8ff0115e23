import { describe, expect, it } from 'vitest';
import { loadContract } from '../lib/contract.ts';
import { createRouter } from './router.ts';

describe('the router', () => {
  const router = createRouter(loadContract());
  const kinds = createRouter(loadContract('test/fixtures/kinds.openapi.yaml'));

  it('reads a path under each operation’s own servers, or bare', () => {
    const found = (method: string, path: string) => {
      const routed = router.route(method, path);
      return 'operation' in routed ? `${routed.operation.operationId} ${routed.path}` : routed.errorCase;
    };
    expect(found('POST', '/v1/manufacturer/v2/api/packaging_order')).toBe('createPackagingOrder /packaging_order');
    expect(found('POST', '/packaging_order')).toBe('createPackagingOrder /packaging_order');
    expect(found('POST', '/v1/api_auth')).toBe('authenticate /api_auth');
    expect(found('POST', '/api_auth')).toBe('authenticate /api_auth');
    expect(found('POST', '/v1/manufacturer/v2/api/api_auth')).toBe('route-not-found');
    expect(found('POST', '/v1/packaging_order')).toBe('route-not-found');
  });

  it('prefers a concrete path to a templated one, and answers HEAD for GET', () => {
    const widgets = kinds.route('GET', '/api/v3/widgets/W1');
    expect('operation' in widgets && widgets.operation.operationId).toBe('getWidget');
    const head = router.route('HEAD', '/packaging_order/open');
    expect('operation' in head && head.operation.operationId).toBe('getOpenPackagingOrders');
  });

  it('says which methods a path has when the one asked for is not one', () => {
    expect(router.route('DELETE', '/packaging_order')).toEqual({
      errorCase: 'method-not-allowed',
      allow: ['POST'],
    });
    expect(router.route('POST', '/packaging_order/open')).toEqual({
      errorCase: 'method-not-allowed',
      allow: ['GET', 'HEAD'],
    });
  });
});
