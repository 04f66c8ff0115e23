// What lib/contract.test.ts leaves to this file: $ref chains and cycles, schema nodes, request-body credentials,
// links, body limits, non-JSON content, examples, and the refusals of the reader's own checks.
import { describe, expect, it } from 'vitest';
import { contractFrom } from './contract.ts';
import { DEFAULT_CHECK_ORDER, Reader } from './contract-reader.ts';
import { ERROR_CASES } from './extensions.ts';
import { valueAtPointer } from './json.ts';
import type { OpenApiDocument, PathItemObject, ResponseObject } from './openapi.ts';

const document = (): OpenApiDocument => ({
  openapi: '3.1.0',
  info: { title: 'Reader', version: '1' },
  servers: [{ url: 'https://api.example.test/base/' }, { url: 'https://root.example.test' }],
  components: {
    schemas: {
      Keys: { type: 'object', properties: { api_key: { type: 'string', 'x-credential': true } } },
      Login: { allOf: [{ $ref: '#/components/schemas/Keys' }], properties: { name: { type: 'string' } } },
    },
    requestBodies: {
      Login: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Login' } } } },
    },
    examples: { Big: { summary: 'Too big', 'x-error-case': 'body-too-large', value: { e: 'big' } } },
  },
  paths: {
    '/login': {
      post: {
        operationId: 'logIn',
        'x-issues-token': '/token',
        requestBody: { $ref: '#/components/requestBodies/Login' },
        responses: {
          '200': {
            description: 'In.',
            links: { Me: { operationId: 'getMe', parameters: { id: '$response.body#/id' } } },
            content: { 'application/problem+json': { examples: { plain: {} } } },
          },
          '413': {
            description: 'Too large.',
            'x-max-body-bytes': 512,
            content: { 'application/json': { examples: { big: { $ref: '#/components/examples/Big' } } } },
          },
        },
      },
    },
    '/me': {
      get: { operationId: 'getMe', responses: { '200': { description: 'Me.', content: { 'text/csv': {} } } } },
    },
  },
});

describe('the reader', () => {
  const contract = contractFrom(document());
  const [logIn, getMe] = contract.operations;

  it('orders checks by default as lib/extensions.ts lists the error cases, routing aside', () => {
    expect(DEFAULT_CHECK_ORDER).toEqual(ERROR_CASES.slice(2));
    expect(getMe!.checkOrder).toEqual(DEFAULT_CHECK_ORDER);
  });

  it('follows a $ref to a schema, and points at where that schema is written', () => {
    expect(logIn!.requestBody!.schema!.pointer).toBe('#/components/schemas/Login');
    const login = contract.schemaNode({ $ref: '#/components/schemas/Login' }, '#/x');
    expect([login.pointer, login.schema.properties]).toEqual([
      '#/components/schemas/Login',
      { name: { type: 'string' } },
    ]);
    expect(contract.schemaNode({ type: 'string' }, '#/here')).toEqual({
      schema: { type: 'string' },
      pointer: '#/here',
    });
  });

  it('follows a chain of $refs hop by hop, and points at the place finally reached, where its rules stand', () => {
    const chained: OpenApiDocument = {
      openapi: '3.1.0',
      info: { title: 'Aliases', version: '1' },
      components: {
        schemas: { Qty: { type: 'integer', minimum: 1 }, QtyAlias: { $ref: '#/components/schemas/Qty' } },
        parameters: {
          Limit: { name: 'limit', in: 'query', schema: { $ref: '#/components/schemas/QtyAlias' } },
          LimitAlias: { $ref: '#/components/parameters/Limit' },
        },
        requestBodies: {
          Order: { content: { 'application/json': { schema: { $ref: '#/components/schemas/QtyAlias' } } } },
          OrderAlias: { $ref: '#/components/requestBodies/Order' },
        },
        responses: {
          Made: {
            description: 'Made.',
            content: { 'application/json': { examples: { made: { $ref: '#/components/examples/MadeAlias' } } } },
          },
          MadeAlias: { $ref: '#/components/responses/Made' },
        },
        examples: { Made: { value: { qty: 1 } }, MadeAlias: { $ref: '#/components/examples/Made' } },
      },
      paths: {
        '/orders': {
          post: {
            operationId: 'order',
            parameters: [{ $ref: '#/components/parameters/LimitAlias' }],
            requestBody: { $ref: '#/components/requestBodies/OrderAlias' },
            responses: { '201': { $ref: '#/components/responses/MadeAlias' } },
          },
        },
      },
    };
    const reached = contractFrom(chained);
    const [order] = reached.operations;
    const [limit] = order!.parameters;
    const [made] = order!.success!.examples;
    const pointers = [
      limit!.pointer,
      limit!.schema!.pointer,
      order!.requestBody!.pointer,
      order!.requestBody!.schema!.pointer,
      order!.success!.pointer,
      made!.pointer,
      reached.schemaNode({ $ref: '#/components/schemas/QtyAlias' }, '#/x').pointer,
    ];
    expect(pointers).toEqual([
      '#/components/parameters/Limit',
      '#/components/schemas/Qty',
      '#/components/requestBodies/Order',
      '#/components/schemas/Qty',
      '#/components/responses/Made',
      '#/components/examples/Made',
      '#/components/schemas/Qty',
    ]);
    // A case names a rule by the node's pointer and the keyword: that place must exist in the document.
    expect(valueAtPointer(chained, `${limit!.schema!.pointer}/minimum`)).toBe(1);
    expect(new Reader(chained).pointerOf({ $ref: '#/components/examples/MadeAlias' }, '#/found')).toBe(
      '#/components/examples/Made',
    );
  });

  it('stops at a $ref cycle, naming it', () => {
    const loop = {
      ...document(),
      components: { schemas: { A: { $ref: '#/components/schemas/B' }, B: { $ref: '#/components/schemas/A' } } },
    };
    const reader = new Reader(loop);
    expect(() => reader.schemaNode({ $ref: '#/components/schemas/A' }, '#/x')).toThrow(
      /^\$ref cycle at #\/components\/schemas\//,
    );
    expect(() => reader.resolve({ $ref: '#/components/schemas/A' })).toThrow('$ref cycle');
  });

  it('reads a request body through $ref: required, its credentials through allOf, and where it is written', () => {
    expect(logIn!.requestBody).toMatchObject({
      required: true,
      credentials: ['api_key'],
      pointer: '#/components/requestBodies/Login',
    });
  });

  it('reads links with their pointers, the body limit, and the extensions an operation carries', () => {
    expect(logIn!.success!.links).toEqual([
      {
        name: 'Me',
        operationId: 'getMe',
        parameters: { id: '$response.body#/id' },
        pointer: '#/paths/~1login/post/responses/200/links/Me',
      },
    ]);
    expect(logIn!.bodyLimit).toBe(512);
    expect(logIn!.issuesToken).toBe('/token');
    expect(getMe!.bodyLimit).toBeUndefined();
  });

  it('reads examples through $ref with their error case, and an example without value as null', () => {
    const [big] = logIn!.responses.find((r) => r.status === '413')!.examples;
    expect(big).toMatchObject({
      name: 'big',
      summary: 'Too big',
      errorCase: 'body-too-large',
      pointer: '#/components/examples/Big',
    });
    expect(logIn!.success!.examples).toMatchObject([{ name: 'plain', value: null }]);
    expect(logIn!.success!.jsonMediaType).toBe('application/problem+json');
  });

  it('lists media types that are not JSON, with no schema or examples read from them', () => {
    expect(getMe!.success).toMatchObject({ mediaTypes: ['text/csv'], examples: [] });
    expect(getMe!.success!.jsonMediaType).toBeUndefined();
  });

  it('gives each server its path prefix without a trailing slash, empty at the root', () => {
    expect(contract.servers.map((s) => s.pathPrefix)).toEqual(['/base', '']);
  });

  it('refuses, naming the place, what the model cannot hold', () => {
    const change = (edit: (doc: OpenApiDocument) => void) => {
      const doc = document();
      edit(doc);
      return () => contractFrom(doc);
    };
    const item = (doc: OpenApiDocument, path: string) => doc.paths![path] as PathItemObject;
    const loginAnswer = (doc: OpenApiDocument, status: string) =>
      item(doc, '/login').post!.responses![status] as ResponseObject;
    expect(change((d) => delete item(d, '/me').get!.operationId)).toThrow('#/paths/~1me/get has no operationId');
    expect(change((d) => (loginAnswer(d, '413')['x-max-body-bytes'] = 1.5))).toThrow(
      '#/paths/~1login/post/responses/413/x-max-body-bytes must be a whole number of bytes',
    );
    expect(change((d) => (loginAnswer(d, '200').links = { Me: { operationRef: '#/x' } }))).toThrow(
      '#/paths/~1login/post/responses/200/links/Me: only links by operationId are supported',
    );
    expect(change((d) => (d.security = [{ missing: [] }]))).toThrow(
      'security names missing, which components.securitySchemes does not have',
    );
  });
});
