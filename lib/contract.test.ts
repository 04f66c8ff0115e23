import { describe, expect, it } from 'vitest';
import { answerFor, contractFrom, isJsonMediaType, loadContract, parametersIn } from './contract.ts';
import type { OpenApiDocument } from './openapi.ts';

const minimal = (extra: Partial<OpenApiDocument> = {}): OpenApiDocument => ({
  openapi: '3.1.0',
  info: { title: 'T', version: '1.0.0' },
  servers: [
    { url: '{scheme}://{host}/api/v2', variables: { scheme: { default: 'https' }, host: { default: 'x.test' } } },
  ],
  security: [{ key: [] }],
  components: {
    securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'x-key' } },
    parameters: {
      Tenant: { name: 'x-tenant', in: 'header', required: true, 'x-credential': true, schema: { type: 'string' } },
    },
    responses: {
      Missing: {
        description: 'no key',
        content: {
          'application/json': { examples: { none: { 'x-error-case': 'credentials-missing', value: { m: 1 } } } },
        },
      },
    },
  },
  paths: {
    '/things/{id}': {
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
        { $ref: '#/components/parameters/Tenant' },
      ],
      servers: [{ url: 'https://other.test/v1' }],
      get: {
        operationId: 'getThing',
        parameters: [
          { name: 'id', in: 'path', required: true, description: 'own', schema: { type: 'string', maxLength: 3 } },
        ],
        responses: {
          '200': { description: 'ok' },
          '201': { description: 'also ok' },
          '401': { $ref: '#/components/responses/Missing' },
        },
      },
      patch: {
        operationId: 'patchThing',
        security: [],
        servers: [{ url: '/v3' }],
        'x-check-order': ['fields-invalid'],
        responses: {},
      },
    },
  },
  ...extra,
});

describe('the typed model', () => {
  const contract = contractFrom(minimal());
  const [get, patch] = contract.operations;

  it('reads each operation with its method, pointer and servers (own, else its path’s, else the document’s)', () => {
    expect(contract.operations.map((op) => `${op.method} ${op.path} ${op.pointer}`)).toEqual([
      'GET /things/{id} #/paths/~1things~1{id}/get',
      'PATCH /things/{id} #/paths/~1things~1{id}/patch',
    ]);
    expect(get!.servers.map((s) => s.pathPrefix)).toEqual(['/v1']);
    expect(patch!.servers.map((s) => s.pathPrefix)).toEqual(['/v3']);
    expect(contract.servers.map((s) => s.pathPrefix)).toEqual(['/api/v2']);
  });

  it('merges path and operation parameters, the operation’s winning, each with the pointer where it is written', () => {
    expect(get!.parameters.map((p) => [p.name, p.in, p.description, p.pointer])).toEqual([
      ['x-tenant', 'header', '', '#/components/parameters/Tenant'],
      ['id', 'path', 'own', '#/paths/~1things~1{id}/get/parameters/0'],
    ]);
    expect(parametersIn(get!, 'header').map((p) => p.credential)).toEqual([true]);
    expect(get!.parameters[1]!.schema).toEqual({
      schema: { type: 'string', maxLength: 3 },
      pointer: '#/paths/~1things~1{id}/get/parameters/0/schema',
    });
  });

  it('reads responses through $ref, the lowest 2xx as success, and error cases by name', () => {
    expect(get!.success?.status).toBe('200');
    expect(answerFor(contract, 'credentials-missing', get)?.response.pointer).toBe('#/components/responses/Missing');
    expect(answerFor(contract, 'credentials-rejected', get)).toBeUndefined();
  });

  it('takes security and x-check-order from the operation, else the document', () => {
    expect(get!.security.map((alt) => alt.map((s) => [s.id, s.name]))).toEqual([[['key', 'x-key']]]);
    expect(get!.securityPointer).toBe('#/security');
    expect(patch!.security).toEqual([]);
    expect(patch!.checkOrder).toEqual(['fields-invalid']);
    expect(get!.checkOrder[0]).toBe('body-too-large');
  });

  it('refuses, naming the place, what it cannot read', () => {
    const misspelt = minimal();
    Object.assign(
      misspelt,
      JSON.parse(JSON.stringify(misspelt).replace('"credentials-missing"', '"credentails-missing"')),
    );
    expect(() => contractFrom(misspelt)).toThrow(
      '#/components/responses/Missing/content/application~1json/examples/none/x-error-case',
    );
    expect(() => contractFrom({ ...minimal(), openapi: '3.0.3' })).toThrow('OpenAPI 3.1');
    expect(() => contractFrom(minimal({ 'x-check-order': ['nonsense' as never] }))).toThrow('#/x-check-order');
    const twice = minimal();
    twice.paths!['/other'] = { get: { operationId: 'getThing', responses: {} } };
    expect(() => contractFrom(twice)).toThrow('operationId getThing is used twice');
  });

  it('knows JSON media types', () => {
    expect(
      ['application/json', 'Application/JSON; charset=utf-8', 'application/problem+json', 'text/json'].map(
        isJsonMediaType,
      ),
    ).toEqual([true, true, true, false]);
  });

  it('reads the kit’s own document: every operation has a success answer and its body limit where it takes a body', () => {
    const real = loadContract();
    for (const operation of real.operations) {
      expect(operation.success, operation.operationId).toBeDefined();
      if (operation.requestBody) expect(operation.bodyLimit, operation.operationId).toBeGreaterThan(0);
    }
  });
});
