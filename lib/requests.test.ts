import { describe, expect, it } from 'vitest';
import { loadContract } from './contract.ts';
import { assemble, documentedParts, documentedRequest, exampleOf, parameterText } from './requests.ts';

describe.each(['generated/openapi.yaml', 'test/fixtures/kinds.openapi.yaml'])('documented requests of %s', (path) => {
  const contract = loadContract(path);
  it.each(contract.operations.map((op) => [op.operationId, op] as const))(
    '%s: every part filled from the document',
    (_id, operation) => {
      const request = documentedRequest(operation);
      expect(request.method).toBe(operation.method);
      expect(request.path, 'a path parameter left unfilled').not.toMatch(/\{[^{}]+\}(?!\})/);
      for (const parameter of operation.parameters.filter((p) => p.required && p.in === 'query')) {
        expect(request.path).toContain(`${parameter.name}=`);
      }
      if (operation.security.length > 0) expect(JSON.stringify(request.headers)).toContain('{{token}}');
      else expect(JSON.stringify(request.headers)).not.toContain('{{token}}');
      if (operation.requestBody?.examples.length) {
        expect(request.headers['content-type']).toBe(operation.requestBody.jsonMediaType);
        const example = operation.requestBody.examples[0]!.value as Record<string, unknown>;
        const secrets = Object.fromEntries(
          operation.requestBody.credentials.map((name) => [name, expect.stringMatching(/^\{\{\w+\}\}$/)]),
        );
        expect(JSON.parse(request.body!)).toEqual({ ...example, ...secrets });
      } else expect(request.body).toBeUndefined();
    },
  );
});

describe('parts', () => {
  const contract = loadContract();
  const details = contract.operations.find((op) => op.parameters.some((p) => p.in === 'query'))!;

  it('credential parameters are placeholders, others their example', () => {
    const parts = documentedParts(details);
    expect(parts.headers['x-channel-key']).toBe('{{channelKey}}');
    expect(parts.query).toEqual([['order_id', String(exampleOf(details.parameters.find((p) => p.in === 'query')!))]]);
  });

  it('assemble encodes query values but not placeholders', () => {
    const request = assemble('/x/{id}', {
      method: 'GET',
      pathValues: { id: 'a b' },
      query: [['q', 'é&{{token}}']],
      headers: {},
    });
    expect(request.path).toBe('/x/a%20b?q=%C3%A9%26{{token}}');
    expect(parameterText(10)).toBe('10');
  });
});
