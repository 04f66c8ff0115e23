// Reads the bundled document into the typed model (lib/model.ts): every `$ref` followed, every place known by
// its JSON Pointer, every extension value checked where the model types it.
import { ERROR_CASES, isErrorCase, type ErrorCase } from './extensions.ts';
import { childPointer, isObject, pointerOf, valueAtPointer } from './json.ts';
import { propertiesOf } from './schema-shape.ts';
import type {
  Content,
  DocumentedResponse,
  NamedExample,
  Operation,
  Parameter,
  RequestBody,
  SchemaNode,
  SecurityAlternative,
  Server,
} from './model.ts';
import {
  HTTP_METHODS,
  type ExampleObject,
  type MediaTypeObject,
  type OpenApiDocument,
  type ParameterObject,
  type PathItemObject,
  type Ref,
  type Reference,
  type RequestBodyObject,
  type ResponseObject,
  type Schema,
  type ServerObject,
} from './openapi.ts';

/** The order of checks of a document that states none: the error cases as lib/extensions.ts lists them. */
export const DEFAULT_CHECK_ORDER = ERROR_CASES.filter((c) => c !== 'route-not-found' && c !== 'method-not-allowed');

/** Whether a media type is JSON: `application/json` or a `+json` suffix, any case, parameters aside. */
export function isJsonMediaType(mediaType: string): boolean {
  return /^application\/(?:[\w.-]+\+)?json$/i.test(mediaType.split(';')[0]!.trim());
}

/** Reads one document; the model's objects are made by its methods. */
export class Reader {
  constructor(private readonly document: OpenApiDocument) {}

  resolve<T extends object>(value: Ref<T>): T {
    return this.follow<T>(value, '').value;
  }

  /** Where a possibly-referenced value really stands: its last `$ref`'s target, else where it was found. */
  pointerOf(value: unknown, found: string): string {
    return this.follow(value, found).pointer;
  }

  /** The schema at the end of its `$ref`s, and where that one is written. */
  schemaNode(schema: Schema, pointer: string): SchemaNode {
    const { value, pointer: reached } = this.follow<Schema>(schema, pointer);
    return { schema: value, pointer: reached };
  }

  /**
   * Follows `$ref`s one hop at a time, so that the pointer is the one of the value finally reached: a `$ref` to an
   * alias (`QtyAlias` → `Qty`) stands where `Qty` is written, not where the alias is.
   */
  private follow<T>(value: Ref<T>, found: string): { value: T; pointer: string } {
    let current: unknown = value;
    let pointer = found;
    for (let hops = 0; isReference(current); hops++) {
      if (hops > 32) throw new Error(`$ref cycle at ${current.$ref}`);
      pointer = current.$ref;
      current = valueAtPointer(this.document, pointer);
    }
    return { value: current as T, pointer };
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
    const content = this.content(body.content, childPointer(pointer, 'content'));
    const properties = content.schema ? propertiesOf(this, content.schema) : [];
    return {
      required: body.required === true,
      credentials: properties.filter(([, node]) => node.schema['x-credential'] === true).map(([name]) => name),
      pointer,
      ...content,
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
