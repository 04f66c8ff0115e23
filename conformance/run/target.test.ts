import { describe, expect, it } from 'vitest';
import { loadContract } from '../../lib/contract.ts';
import { baseUrlFor } from './target.ts';

describe('where each operation is reached', () => {
  const contract = loadContract();
  const create = contract.operations.find((op) => op.resource?.action === 'create')!.operationId;
  const auth = contract.operations.find((op) => op.issuesToken)!.operationId;

  it('an operation with servers of its own gets its prefix in place of the document’s', () => {
    const url = baseUrlFor(contract, 'https://host/v1/manufacturer/v2/api/');
    expect(url(create)).toBe('https://host/v1/manufacturer/v2/api');
    expect(url(auth)).toBe('https://host/v1');
  });

  it('a base URL without the documented prefix (the mock’s bare one) serves every operation as it is', () => {
    expect(baseUrlFor(contract, 'http://127.0.0.1:4010')(auth)).toBe('http://127.0.0.1:4010');
  });
});
