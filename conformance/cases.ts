// The case catalogue, derived from the document: every rule the document states becomes requests that keep it
// (just inside each bound) and requests that break it (one fault each, just past the bound). Nothing here names
// a field, a status or a message: a new operation or field in the document gives new cases by itself.
import {
  exampleForCase,
  isObject,
  securityAlternatives,
  successResponse,
  type Contract,
  type Json,
  type JsonObject,
  type Operation,
} from '../lib/contract.ts';
import { CHANNEL_KEY, TOKEN, type Area, type Case, type CaseRequest, type Expectation } from './case.ts';
import { bodyRuleCases } from './body-rules.ts';

export interface CatalogueOptions {
  /** Start of every generated value of an `x-unique` field (order IDs), so a vendor can find the test orders. */
  uniquePrefix: string;
}

export function buildCases(contract: Contract, options: CatalogueOptions): Case[] {
  let counter = 0;
  const unique = () => `${options.uniquePrefix}-${++counter}`;
  const several = contract.operations.length > 1;
  return contract.operations.flatMap((operation) =>
    operationCases(contract, operation, unique).map((c) =>
      several ? { ...c, id: `${operation.operationId}.${c.id}` } : c,
    ),
  );
}

/** Everything a case builder needs to know about one operation, read once. */
export interface OperationContext {
  contract: Contract;
  operation: Operation;
  unique: () => string;
  /** The operation's pointer in the document, for rules of the operation as a whole. */
  pointer: string;
  bodySchema?: JsonObject;
  bodySchemaPointer?: string;
  /** A copy of a body with its `x-unique` fields given new values. */
  fresh(body: JsonObject): JsonObject;
  /** A valid body: the first named request example, made fresh. */
  fullBody(): JsonObject | undefined;
  request(changes?: RequestChanges): CaseRequest;
  expectError(errorCase: string, extra?: Partial<Expectation>): Expectation;
  expectSuccess(body: JsonObject | undefined): Expectation;
  make(area: Area, id: string, title: string, rule: string, request: CaseRequest, expect: Expectation): Case;
}

export interface RequestChanges {
  /** Header changes; `undefined` removes the header. */
  headers?: Record<string, string | undefined>;
  body?: Json;
  rawBody?: string;
  method?: string;
  path?: string;
}

function operationCases(contract: Contract, operation: Operation, unique: () => string): Case[] {
  const context = operationContext(contract, operation, unique);
  return [
    ...successCases(context),
    ...authCases(context),
    ...parameterCases(context),
    ...bodySyntaxCases(context),
    ...bodyRuleCases(context),
    ...routingCases(context),
  ];
}

function operationContext(contract: Contract, operation: Operation, unique: () => string): OperationContext {
  const pointer = `#/paths/${escape(operation.path)}/${operation.method.toLowerCase()}`;
  const requestBody = operation.raw.requestBody ? contract.resolve(operation.raw.requestBody as JsonObject) : undefined;
  const media = requestBody
    ? ((requestBody.content as JsonObject)['application/json'] as JsonObject | undefined)
    : undefined;
  const bodySchema = media?.schema ? contract.resolve(media.schema as JsonObject) : undefined;
  const bodySchemaPointer = media?.schema
    ? refOr(media.schema as JsonObject, `${pointer}/requestBody/content/application~1json/schema`)
    : undefined;
  const firstExample = Object.values((media?.examples as JsonObject | undefined) ?? {})[0] as JsonObject | undefined;
  const uniqueFields = Object.entries((bodySchema?.properties as JsonObject | undefined) ?? {})
    .filter(([, schema]) => contract.resolve(schema as JsonObject)['x-unique'] === true)
    .map(([name]) => name);

  const baseHeaders = (): Record<string, string> => {
    const headers: Record<string, string> = {};
    if (bodySchema) headers['content-type'] = 'application/json';
    const [firstAlternative] = securityAlternatives(contract, operation);
    Object.assign(headers, firstAlternative ? credentialHeaders(firstAlternative[0]!.scheme, TOKEN) : {});
    for (const parameter of operation.parameters.filter((p) => p.in === 'header' && p.required === true)) {
      headers[String(parameter.name).toLowerCase()] =
        parameter['x-credential'] === true ? CHANNEL_KEY : String(parameter.example ?? '');
    }
    return headers;
  };

  // Required query parameters take their documented example, so that only the fault under test is wrong.
  const query = operation.parameters
    .filter((p) => p.in === 'query' && p.required === true)
    .map((p) => `${encodeURIComponent(String(p.name))}=${encodeURIComponent(String(p.example ?? ''))}`);
  const pathWithQuery = query.length ? `${operation.path}?${query.join('&')}` : operation.path;

  const context: OperationContext = {
    contract,
    operation,
    unique,
    pointer,
    bodySchema,
    bodySchemaPointer,
    fresh(body) {
      const copy = structuredClone(body);
      for (const field of uniqueFields) if (field in copy) copy[field] = unique();
      return copy;
    },
    fullBody() {
      return isObject(firstExample?.value) ? context.fresh(firstExample.value) : undefined;
    },
    request(changes = {}) {
      const headers = baseHeaders();
      for (const [name, value] of Object.entries(changes.headers ?? {})) {
        if (value === undefined) delete headers[name.toLowerCase()];
        else headers[name.toLowerCase()] = value;
      }
      const body =
        changes.rawBody ??
        (changes.body !== undefined
          ? JSON.stringify(changes.body)
          : bodySchema
            ? JSON.stringify(context.fullBody())
            : undefined);
      return { method: changes.method ?? operation.method, path: changes.path ?? pathWithQuery, headers, body };
    },
    expectError(errorCase, extra = {}) {
      const found = exampleForCase(operation.responses, errorCase) ?? exampleForCase(contract.routeErrors, errorCase);
      if (!found) throw new Error(`${operation.operationId} documents no example with x-error-case ${errorCase}`);
      return {
        status: Number(found.response.status),
        schema: found.response.schema,
        errorCase,
        example: found.example.value,
        ...extra,
      };
    },
    expectSuccess(body) {
      const response = successResponse(operation);
      if (!response) throw new Error(`${operation.operationId} documents no success response`);
      return { status: Number(response.status), schema: response.schema, ...(body ? { echoOf: body } : {}) };
    },
    make(area, id, title, rule, request, expect) {
      return { id, area, title, rule, operationId: operation.operationId, request, expect };
    },
  };
  return context;
}

function successCases(context: OperationContext): Case[] {
  const media = context.operation.raw.requestBody
    ? ((context.contract.resolve(context.operation.raw.requestBody as JsonObject).content as JsonObject)[
        'application/json'
      ] as JsonObject)
    : undefined;
  const examples = Object.entries((media?.examples as JsonObject | undefined) ?? {});
  if (examples.length === 0) {
    return [
      context.make(
        'success',
        'success.documented',
        'a documented request succeeds',
        context.pointer,
        context.request(),
        context.expectSuccess(undefined),
      ),
    ];
  }
  return examples.map(([name, example]) => {
    const body = context.fresh((context.contract.resolve(example as JsonObject).value ?? {}) as JsonObject);
    const rule = `${context.pointer}/requestBody/content/application~1json/examples/${escape(name)}`;
    return context.make(
      'success',
      `success.example.${name}`,
      `the request example "${name}" succeeds`,
      rule,
      context.request({ body }),
      context.expectSuccess(body),
    );
  });
}

function authCases(context: OperationContext): Case[] {
  const alternatives = securityAlternatives(context.contract, context.operation);
  if (alternatives.length === 0) return [];
  const allCredentialHeaders = Object.fromEntries(
    alternatives.flatMap((alt) =>
      alt.flatMap((s) => Object.keys(credentialHeaders(s.scheme, TOKEN)).map((h) => [h, undefined])),
    ),
  );
  const securityRule = context.operation.raw.security ? `${context.pointer}/security` : '#/security';
  const cases: Case[] = [
    context.make(
      'auth',
      'auth.none',
      'no token in any documented header',
      securityRule,
      context.request({ headers: allCredentialHeaders }),
      context.expectError('credentials-missing'),
    ),
  ];
  for (const [index, alternative] of alternatives.entries()) {
    if (alternative.length !== 1) continue;
    const { name, scheme } = alternative[0]!;
    const rule = `#/components/securitySchemes/${escape(name)}`;
    const only = (value: string, raw = false) => ({
      ...allCredentialHeaders,
      ...(raw ? { authorization: value } : credentialHeaders(scheme, value)),
    });
    const body = context.fullBody();
    cases.push(
      context.make(
        'auth',
        `auth.${name}.accepted`,
        `the token is accepted in ${describeScheme(scheme)}`,
        rule,
        context.request({ headers: only(TOKEN), ...(body ? { body } : {}) }),
        context.expectSuccess(body),
      ),
      context.make(
        'auth',
        `auth.${name}.rejected`,
        `an unknown token in ${describeScheme(scheme)} is rejected`,
        rule,
        context.request({ headers: only(`invalid-${context.unique()}`) }),
        context.expectError('credentials-rejected'),
      ),
    );
    if (scheme.type === 'apiKey') {
      cases.push(
        context.make(
          'auth',
          `auth.${name}.empty`,
          `an empty ${describeScheme(scheme)} is no token`,
          rule,
          context.request({ headers: only('') }),
          context.expectError('credentials-missing'),
        ),
      );
    }
    if (scheme.type === 'http' && String(scheme.scheme).toLowerCase() === 'bearer') {
      const lowerBody = context.fullBody();
      cases.push(
        context.make(
          'auth',
          `auth.${name}.scheme-case-insensitive`,
          'the scheme word "bearer" is case-insensitive',
          rule,
          context.request({ headers: only(`bearer ${TOKEN}`, true), ...(lowerBody ? { body: lowerBody } : {}) }),
          context.expectSuccess(lowerBody),
        ),
        context.make(
          'auth',
          `auth.${name}.other-scheme`,
          'an Authorization header with another scheme is no token',
          rule,
          context.request({ headers: only(`Basic ${TOKEN}`, true) }),
          context.expectError('credentials-missing'),
        ),
        context.make(
          'auth',
          `auth.${name}.no-token`,
          '"Bearer" with no token is no token',
          rule,
          context.request({ headers: only('Bearer', true) }),
          context.expectError('credentials-missing'),
        ),
      );
    }
    if (index === 0 && alternatives.length > 1 && alternatives[1]!.length === 1) {
      const second = alternatives[1]![0]!;
      cases.push(
        context.make(
          'auth',
          `auth.${name}.decides`,
          `when both are sent, ${describeScheme(scheme)} decides`,
          rule,
          context.request({
            headers: { ...only(`invalid-${context.unique()}`), ...credentialHeaders(second.scheme, TOKEN) },
          }),
          context.expectError('credentials-rejected'),
        ),
      );
    }
  }
  return cases;
}

function parameterCases(context: OperationContext): Case[] {
  return context.operation.parameters
    .filter((p) => p.in === 'header' && p.required === true)
    .flatMap((parameter, index) => {
      const name = String(parameter.name).toLowerCase();
      const schema = context.contract.resolve((parameter.schema ?? {}) as JsonObject);
      const rule = refOr(
        context.operation.raw.parameters ? (context.operation.raw.parameters as JsonObject[])[index]! : parameter,
        `${context.pointer}/parameters/${index}`,
      );
      const area: Area = parameter['x-credential'] === true ? 'channel' : 'body rules';
      const broken: [string, string, string | undefined][] = [
        ['missing', `${name} is missing`, undefined],
        ['empty', `${name} is empty`, ''],
      ];
      if (typeof schema.pattern === 'string') broken.push(['pattern', `${name} breaks its pattern`, 'has spaces!']);
      if (typeof schema.maxLength === 'number')
        broken.push(['too-long', `${name} is longer than ${schema.maxLength}`, 'a'.repeat(schema.maxLength + 1)]);
      if (parameter['x-credential'] === true && typeof parameter.example === 'string') {
        broken.push(['unknown', `${name} is well-formed but unknown`, [...parameter.example].reverse().join('')]);
      }
      return broken.map(([kind, title, value]) =>
        context.make(
          area,
          `${area === 'channel' ? 'channel' : 'header'}.${name}.${kind}`,
          title,
          `${rule}${kind === 'pattern' || kind === 'too-long' ? `/schema/${kind === 'pattern' ? 'pattern' : 'maxLength'}` : ''}`,
          context.request({ headers: { [name]: value } }),
          context.expectError('parameter-invalid'),
        ),
      );
    });
}

function bodySyntaxCases(context: OperationContext): Case[] {
  if (!context.bodySchema) return [];
  const rule = `${context.pointer}/requestBody`;
  const json = JSON.stringify(context.fullBody());
  const cases = [
    context.make(
      'body syntax',
      'syntax.missing-comma',
      'a body with a missing comma',
      rule,
      context.request({ rawBody: json.replace(',"', ' "') }),
      context.expectError('body-unparsable'),
    ),
    context.make(
      'body syntax',
      'syntax.trailing-comma',
      'a body with a trailing comma',
      rule,
      context.request({ rawBody: json.replace(/}$/, ',}') }),
      context.expectError('body-unparsable'),
    ),
    context.make(
      'body syntax',
      'syntax.empty',
      'an empty body',
      rule,
      context.request({ rawBody: '' }),
      context.expectError('body-unparsable'),
    ),
    context.make(
      'body syntax',
      'syntax.other-content-type',
      'a JSON body sent as text/plain',
      `${rule}/content`,
      context.request({ headers: { 'content-type': 'text/plain' } }),
      context.expectError('body-unparsable'),
    ),
  ];
  const tooLarge = exampleForCase(context.operation.responses, 'body-too-large');
  const limit = tooLarge?.response.extensions['x-max-body-bytes'];
  if (typeof limit === 'number') {
    const status = tooLarge!.response.status;
    cases.push(
      context.make(
        'body syntax',
        'syntax.too-large',
        `a body of ${limit + 1} bytes (valid JSON padded with spaces)`,
        `${context.pointer}/responses/${status}`,
        context.request({ rawBody: json.padEnd(limit + 1, ' ') }),
        context.expectError('body-too-large'),
      ),
    );
  }
  return cases;
}

function routingCases(context: OperationContext): Case[] {
  const pathItem = context.contract.resolve(
    (context.contract.document.paths as JsonObject)[context.operation.path] as JsonObject,
  );
  const methods = ['get', 'put', 'post', 'delete', 'patch'].filter((m) => m in pathItem);
  const other = ['delete', 'put', 'patch', 'get'].find((m) => !(m in pathItem));
  const cases = [
    context.make(
      'routing',
      'routing.unknown-path',
      'a path the document does not have',
      '#/x-route-errors/404',
      context.request({ path: `${context.operation.path}_no_such_resource` }),
      context.expectError('route-not-found'),
    ),
  ];
  if (other) {
    cases.push(
      context.make(
        'routing',
        `routing.method-${other}`,
        `${other.toUpperCase()} on a path that does not have it`,
        '#/x-route-errors/405',
        context.request({ method: other.toUpperCase(), rawBody: undefined }),
        context.expectError('method-not-allowed', { allow: methods.map((m) => m.toUpperCase()) }),
      ),
    );
  }
  return cases;
}

function credentialHeaders(scheme: JsonObject, value: string): Record<string, string> {
  if (scheme.type === 'apiKey' && scheme.in === 'header') return { [String(scheme.name).toLowerCase()]: value };
  if (scheme.type === 'http' && String(scheme.scheme).toLowerCase() === 'bearer')
    return { authorization: value ? `Bearer ${value}` : 'Bearer' };
  return {};
}

function describeScheme(scheme: JsonObject): string {
  return scheme.type === 'apiKey' ? `the ${String(scheme.name)} header` : 'Authorization: Bearer';
}

export function refOr(node: JsonObject, fallback: string): string {
  return typeof node.$ref === 'string' ? node.$ref : fallback;
}

export function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
