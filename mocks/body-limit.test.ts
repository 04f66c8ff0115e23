import { describe, expect, it } from 'vitest';
import { loadContract } from '../lib/contract.ts';
import { bodyLimitOf, OWN_BODY_LIMIT } from './body-limit.ts';
import { createRouter } from './router.ts';

describe('bodyLimitOf', () => {
  const contract = loadContract();
  const router = createRouter(contract);
  const create = contract.operations.find((op) => op.resource?.action === 'create')!;
  const list = contract.operations.find((op) => op.resource?.action === 'list')!;

  it("is the operation's documented limit", () => {
    expect(bodyLimitOf(router.route(create.method, create.path))).toBe(create.bodyLimit);
  });

  it('keeps nothing for an operation that takes no body, or a route error', () => {
    expect(bodyLimitOf(router.route(list.method, list.path))).toBeUndefined();
    expect(bodyLimitOf(router.route('HEAD', list.path))).toBeUndefined();
    expect(bodyLimitOf(router.route('GET', '/nowhere'))).toBeUndefined();
  });

  it("is the mock's own for an operation that takes a body and documents no limit", () => {
    const { bodyLimit: _, ...unlimited } = create;
    expect(bodyLimitOf({ operation: unlimited, path: create.path })).toBe(OWN_BODY_LIMIT);
  });
});
