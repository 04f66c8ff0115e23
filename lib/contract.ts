// The typed model of the bundled document: operations with their parameters, request body, responses, security
// and servers, every `$ref` followed and every place known by its JSON Pointer. Mock, suite, docs, Postman and
// bench ask here, so that no status, message or rule is written anywhere but in the document, and no tool digs
// through raw JSON for the same answer twice.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { ERROR_CASES, isErrorCase, type ErrorCase } from './extensions.ts';
import { childPointer, isObject, pointerOf, valueAtPointer, type Json } from './json.ts';
import {
  HTTP_METHODS,
  type ExampleObject,
  type HeaderObject,
  type MediaTypeObject,
  type OpenApiDocument,
  type OperationObject,
  type ParameterLocation,
  type ParameterObject,
  type PathItemObject,
  type Ref,
  type Reference,
  type RequestBodyObject,
  type ResourceAction,
  type ResponseObject,
  type Schema,
  type SecuritySchemeObject,
  type ServerObject,
} from './openapi.ts';

export type { Json, JsonObject } from './json.ts';
export { isObject } from './json.ts';

/** The order of checks of a document that states none: the error cases as lib/extensions.ts lists them. */
const DEFAULT_CHECK_ORDER = ERROR_CASES.filter((c) => c !== 'route-not-found' && c !== 'method-not-allowed');

export const BUNDLE_PATH = fileURLToPath(new URL('../generated/openapi.yaml', import.meta.url));

/** A schema with `$ref` followed, and where it stands: the pointer a rule of it is reported under. */
export interface SchemaNode {
  schema: Schema;
  pointer: string;
}

export interface NamedExample {
  name: string;
  summary?: string;
  description?: string;
  value: Json;
  errorCase?: ErrorCase;
  pointer: string;
}

/** A request body or response body: its JSON media type, schema and named examples. */
export interface Content {
  mediaTypes: string[];
  /** The first JSON media type (`application/json`, `…+json`), the one the kit sends and reads. */
  jsonMediaType?: string;
  schema?: SchemaNode;
  examples: NamedExample[];
}

export interface RequestBody extends Content {
  required: boolean;
  pointer: string;
}

export interface Link {
  name: string;
  operationId: string;
  parameters: Record<string, Json>;
  pointer: string;
}

export interface DocumentedResponse extends Content {
  status: string;
  description: string;
  headers: Record<string, HeaderObject>;
  links: Link[];
  /** `x-max-body-bytes`: the body size limit whose excess gets this answer. */
  maxBodyBytes?: number;
  pointer: string;
}

export interface Parameter {
  name: string;
  in: ParameterLocation;
  required: boolean;
  description: string;
  schema?: SchemaNode;
  example?: Json;
  /** `x-credential`: a secret the server checks against the ones it knows. */
  credential: boolean;
  pointer: string;
}

export interface SecurityScheme extends SecuritySchemeObject {
  /** Its name under components.securitySchemes (`name` is the apiKey's header or parameter). */
  id: string;
  pointer: string;
}

/** One way to authenticate: all of its schemes are presented together. */
export type SecurityAlternative = SecurityScheme[];

export interface Server {
  url: string;
  /** The URL with each variable at its default: `http://127.0.0.1:4010/api/v3`. */
  defaultUrl: string;
  description?: string;
  /** The URL's path with each variable at its default and no trailing slash: `/v1/manufacturer/v2/api`. */
  pathPrefix: string;
}

export interface Operation {
  operationId: string;
  /** In capitals, as sent: `POST`. */
  method: string;
  path: string;
  pointer: string;
  summary: string;
  description: string;
  tags: string[];
  /** The path's parameters and the operation's, the operation's winning on the same name and location. */
  parameters: Parameter[];
  requestBody?: RequestBody;
  responses: DocumentedResponse[];
  /** The lowest documented 2xx. */
  success?: DocumentedResponse;
  /** The alternatives, the operation's own or else the document's; empty when none is needed. */
  security: SecurityAlternative[];
  securityPointer: string;
  /** The operation's servers, else its path's, else the document's. */
  servers: Server[];
  /** The `x-max-body-bytes` of its body-too-large answer. */
  bodyLimit?: number;
  /** `x-check-order`, the operation's own or else the document's. */
  checkOrder: ErrorCase[];
  /** `x-resource`: how it touches a store of items. */
  resource?: ResourceAction;
  /** `x-issues-token`: where its success body carries a token it issues. */
  issuesToken?: string;
  /** The operation as written, for tools that add to it (the docs' code samples). */
  object: OperationObject;
}

export interface Contract {
  document: OpenApiDocument;
  title: string;
  version: string;
  operations: Operation[];
  /** Answers for requests that reach no operation, from the root's `x-route-errors`. */
  routeErrors: DocumentedResponse[];
  servers: Server[];
  /** The root's `x-check-order`. */
  checkOrder: ErrorCase[];
  /** Follows `$ref`s ("#/components/...") to what they name; other values come back as they are. */
  resolve<T extends object>(value: Ref<T>): T;
  /** The schema with `$ref`s followed, and the pointer of the schema finally reached. */
  schemaNode(schema: Schema, pointer: string): SchemaNode;
}

export function loadContract(path = BUNDLE_PATH): Contract {
  return contractFrom(parse(readFileSync(path, 'utf8')));
}

/** The model of a bundled document; throws, naming the place, when the document is not one the kit can read. */
export function contractFrom(document: OpenApiDocument): Contract {
  if (!isObject(document) || typeof document.openapi !== 'string' || !document.openapi.startsWith('3.1')) {
    throw new Error('not an OpenAPI 3.1 document (openapi: 3.1.x)');
  }
  const reader = new Reader(document);
  const servers = reader.servers(document.servers);
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    reader.operationsOf(path, reader.resolve(item), servers),
  );
  const ids = operations.map((op) => op.operationId);
  const twice = ids.find((id, index) => ids.indexOf(id) !== index);
  if (twice) throw new Error(`operationId ${twice} is used twice`);
  return {
    document,
    title: document.info.title,
    version: document.info.version,
    operations,
    routeErrors: Object.entries(document['x-route-errors'] ?? {}).map(([status, response]) =>
      reader.response(status, response, pointerOf('x-route-errors', status)),
    ),
    servers,
    checkOrder: reader.checkOrder(document['x-check-order'], '#/x-check-order') ?? DEFAULT_CHECK_ORDER,
    resolve: (value) => reader.resolve(value),
    schemaNode: (schema, pointer) => reader.schemaNode(schema, pointer),
  };
}

/** The operation's parameters in one location. */
export function parametersIn(operation: Operation, location: ParameterLocation): Parameter[] {
  return operation.parameters.filter((parameter) => parameter.in === location);
}

/** The documented answer to an error case: the operation's own example, else a route error's. */
export function answerFor(contract: Contract, errorCase: ErrorCase, operation?: Operation) {
  for (const response of [...(operation?.responses ?? []), ...contract.routeErrors]) {
    const example = response.examples.find((ex) => ex.errorCase === errorCase);
    if (example) return { response, example };
  }
  return undefined;
}

/** Whether a media type is JSON: `application/json` or a `+json` suffix, any case, parameters aside. */
export function isJsonMediaType(mediaType: string): boolean {
  return /^application\/(?:[\w.-]+\+)?json$/i.test(mediaType.split(';')[0]!.trim());
}

class Reader {
  constructor(private readonly document: OpenApiDocument) {}

  resolve<T extends object>(value: Ref<T>): T {
    let current: unknown = value;
    for (let hops = 0; isReference(current); hops++) {
      if (hops > 32) throw new Error(`$ref cycle at ${current.$ref}`);
      current = valueAtPointer(this.document, current.$ref);
    }
    return current as T;
  }

  /** Where a possibly-referenced value really stands: its `$ref`, else where it was found. */
  pointerOf(value: unknown, found: string): string {
    return isReference(value) ? value.$ref : found;
  }

  schemaNode(schema: Schema, pointer: string): SchemaNode {
    let node: SchemaNode = { schema, pointer };
    for (let hops = 0; typeof node.schema.$ref === 'string'; hops++) {
      if (hops > 32) throw new Error(`$ref cycle at ${node.schema.$ref}`);
      node = { schema: this.resolve<Schema>({ $ref: node.schema.$ref }), pointer: node.schema.$ref };
    }
    return node;
  }

  servers(servers: ServerObject[] | undefined): Server[] {
    return (servers ?? []).map((server) => {
      const url = server.url.replace(/\{([^}]+)\}/g, (_, name: string) => server.variables?.[name]?.default ?? '');
      const pathPrefix = new URL(url, 'http://placeholder').pathname.replace(/\/+$/, '');
      return { url: server.url, defaultUrl: url, description: server.description, pathPrefix };
    });
  }

  operationsOf(path: string, item: PathItemObject, documentServers: Server[]): Operation[] {
    const itemPointer = pointerOf('paths', path);
    const pathServers = item.servers ? this.servers(item.servers) : documentServers;
    const pathParameters = (item.parameters ?? []).map((p, i) =>
      this.parameter(p, childPointer(itemPointer, 'parameters', i)),
    );
    return HTTP_METHODS.flatMap((method) => {
      const object = item[method];
      if (!object) return [];
      const pointer = childPointer(itemPointer, method);
      const own = (object.parameters ?? []).map((p, i) => this.parameter(p, childPointer(pointer, 'parameters', i)));
      const inherited = pathParameters.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in));
      const responses = Object.entries(object.responses ?? {}).map(([status, response]) =>
        this.response(status, response, childPointer(pointer, 'responses', status)),
      );
      const success = responses
        .filter((r) => /^2\d\d$/.test(r.status))
        .sort((a, b) => a.status.localeCompare(b.status))[0];
      const limit = responses.find((r) => r.examples.some((ex) => ex.errorCase === 'body-too-large'))?.maxBodyBytes;
      if (!object.operationId) throw new Error(`${pointer} has no operationId`);
      return [
        {
          operationId: object.operationId,
          method: method.toUpperCase(),
          path,
          pointer,
          summary: object.summary ?? '',
          description: object.description ?? '',
          tags: object.tags ?? [],
          parameters: [...inherited, ...own],
          requestBody: object.requestBody
            ? this.requestBody(object.requestBody, childPointer(pointer, 'requestBody'))
            : undefined,
          responses,
          success,
          security: this.security(object.security ?? this.document.security ?? []),
          securityPointer: object.security ? childPointer(pointer, 'security') : '#/security',
          servers: object.servers ? this.servers(object.servers) : pathServers,
          bodyLimit: limit,
          checkOrder:
            this.checkOrder(object['x-check-order'], childPointer(pointer, 'x-check-order')) ??
            this.checkOrder(this.document['x-check-order'], '#/x-check-order') ??
            DEFAULT_CHECK_ORDER,
          resource: object['x-resource'],
          issuesToken: object['x-issues-token'],
          object,
        },
      ];
    });
  }

  parameter(raw: Ref<ParameterObject>, found: string): Parameter {
    const parameter = this.resolve(raw);
    const pointer = this.pointerOf(raw, found);
    return {
      name: parameter.name,
      in: parameter.in,
      required: parameter.required === true,
      description: parameter.description ?? '',
      schema: parameter.schema ? this.schemaNode(parameter.schema, childPointer(pointer, 'schema')) : undefined,
      example: parameter.example,
      credential: parameter['x-credential'] === true,
      pointer,
    };
  }

  requestBody(raw: Ref<RequestBodyObject>, found: string): RequestBody {
    const body = this.resolve(raw);
    const pointer = this.pointerOf(raw, found);
    return {
      required: body.required === true,
      pointer,
      ...this.content(body.content, childPointer(pointer, 'content')),
    };
  }

  response(status: string, raw: Ref<ResponseObject>, found: string): DocumentedResponse {
    const response = this.resolve(raw);
    const pointer = this.pointerOf(raw, found);
    const headers = Object.fromEntries(
      Object.entries(response.headers ?? {}).map(([name, h]) => [name, this.resolve(h)]),
    );
    const links = Object.entries(response.links ?? {}).map(([name, raw]) => {
      const link = this.resolve(raw);
      if (!link.operationId)
        throw new Error(`${childPointer(pointer, 'links', name)}: only links by operationId are supported`);
      const linkPointer = this.pointerOf(raw, childPointer(pointer, 'links', name));
      return { name, operationId: link.operationId, parameters: link.parameters ?? {}, pointer: linkPointer };
    });
    const limit = response['x-max-body-bytes'];
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) {
      throw new Error(`${pointer}/x-max-body-bytes must be a whole number of bytes`);
    }
    return {
      status,
      description: response.description ?? '',
      headers,
      links,
      maxBodyBytes: limit,
      pointer,
      ...this.content(response.content ?? {}, childPointer(pointer, 'content')),
    };
  }

  content(content: Record<string, MediaTypeObject>, pointer: string): Content {
    const mediaTypes = Object.keys(content);
    const jsonMediaType = mediaTypes.find(isJsonMediaType);
    const media = jsonMediaType ? content[jsonMediaType] : undefined;
    if (!jsonMediaType || !media) return { mediaTypes, examples: [] };
    const mediaPointer = childPointer(pointer, jsonMediaType);
    const examples = Object.entries(media.examples ?? {}).map(([name, raw]) =>
      this.example(name, raw, childPointer(mediaPointer, 'examples', name)),
    );
    const schema = media.schema ? this.schemaNode(media.schema, childPointer(mediaPointer, 'schema')) : undefined;
    return { mediaTypes, jsonMediaType, schema, examples };
  }

  example(name: string, raw: Ref<ExampleObject>, found: string): NamedExample {
    const example = this.resolve(raw);
    const pointer = this.pointerOf(raw, found);
    const errorCase: unknown = example['x-error-case'];
    if (errorCase !== undefined && !isErrorCase(errorCase)) {
      throw new Error(`${pointer}/x-error-case: "${String(errorCase)}" is not an error case (openapi/extensions.md)`);
    }
    return {
      name,
      summary: example.summary,
      description: example.description,
      value: example.value ?? null,
      errorCase,
      pointer,
    };
  }

  checkOrder(order: unknown, pointer: string): ErrorCase[] | undefined {
    if (order === undefined) return undefined;
    if (!Array.isArray(order) || !order.every(isErrorCase)) throw new Error(`${pointer} must list error cases`);
    return order;
  }

  security(requirements: Record<string, string[]>[]): SecurityAlternative[] {
    const schemes = this.document.components?.securitySchemes ?? {};
    return requirements.map((requirement) =>
      Object.keys(requirement).map((name) => {
        const raw = schemes[name];
        if (!raw) throw new Error(`security names ${name}, which components.securitySchemes does not have`);
        return {
          ...this.resolve(raw),
          id: name,
          pointer: this.pointerOf(raw, pointerOf('components', 'securitySchemes', name)),
        };
      }),
    );
  }
}

function isReference(value: unknown): value is Reference {
  return isObject(value) && typeof value.$ref === 'string';
}
