// Reads the bundled OpenAPI document and answers questions about it. Every tool of the kit (mock, conformance
// suite, docs, tests) asks here, so that no status, message or rule is written anywhere but in the document.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const BUNDLE_PATH = fileURLToPath(new URL('../generated/openapi.yaml', import.meta.url));

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface DocumentedExample {
  name: string;
  summary?: string;
  description?: string;
  errorCase?: string;
  value: Json;
}

export interface DocumentedResponse {
  status: string;
  description: string;
  schema?: JsonObject;
  examples: DocumentedExample[];
  extensions: JsonObject;
}

export interface Operation {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  raw: JsonObject;
  /** The operation's parameters and its path's, resolved. */
  parameters: JsonObject[];
  responses: DocumentedResponse[];
}

export interface Contract {
  document: JsonObject;
  operations: Operation[];
  /** Answers for requests that reach no operation, from the root's `x-route-errors`. */
  routeErrors: DocumentedResponse[];
  /** Path parts of the `servers` URLs with each variable at its default, longest first: `/v1/manufacturer/v2/api`. */
  serverPathPrefixes: string[];
  /** Follows a local `$ref` ("#/components/...") to what it names; other values come back as they are. */
  resolve<T extends Json>(value: T): T;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function loadContract(path = BUNDLE_PATH): Contract {
  return contractFrom(parse(readFileSync(path, 'utf8')) as JsonObject);
}

export function contractFrom(document: JsonObject): Contract {
  const resolve = <T extends Json>(value: T): T => {
    let current: Json = value;
    for (let hops = 0; isObject(current) && typeof current.$ref === 'string'; hops++) {
      if (hops > 32) throw new Error(`$ref cycle at ${current.$ref}`);
      current = pointer(document, current.$ref);
    }
    return current as T;
  };
  const responseOf = (status: string, raw: Json): DocumentedResponse => {
    const response = resolve(raw) as JsonObject;
    const media = (resolve((response.content as JsonObject | undefined) ?? {}) as JsonObject)['application/json'];
    const content = isObject(media) ? media : {};
    const examples = Object.entries((content.examples as JsonObject | undefined) ?? {}).map(([name, ex]) => {
      const example = resolve(ex) as JsonObject;
      return {
        name,
        summary: example.summary as string | undefined,
        description: example.description as string | undefined,
        errorCase: example['x-error-case'] as string | undefined,
        value: example.value as Json,
      };
    });
    const extensions = Object.fromEntries(Object.entries(response).filter(([key]) => key.startsWith('x-')));
    return {
      status,
      description: String(response.description ?? ''),
      schema: content.schema as JsonObject | undefined,
      examples,
      extensions,
    };
  };

  const operations: Operation[] = [];
  for (const [path, item] of Object.entries((document.paths as JsonObject | undefined) ?? {})) {
    const pathItem = resolve(item) as JsonObject;
    for (const method of HTTP_METHODS) {
      const raw = pathItem[method];
      if (!isObject(raw)) continue;
      operations.push({
        operationId: String(raw.operationId),
        method: method.toUpperCase(),
        path,
        summary: String(raw.summary ?? ''),
        raw,
        parameters: [
          ...((pathItem.parameters as Json[] | undefined) ?? []),
          ...((raw.parameters as Json[] | undefined) ?? []),
        ].map((parameter) => resolve(parameter) as JsonObject),
        responses: Object.entries((raw.responses as JsonObject | undefined) ?? {}).map(([status, r]) =>
          responseOf(status, r),
        ),
      });
    }
  }
  const routeErrors = Object.entries((document['x-route-errors'] as JsonObject | undefined) ?? {}).map(([status, r]) =>
    responseOf(status, r),
  );
  return { document, operations, routeErrors, serverPathPrefixes: serverPathPrefixes(document), resolve };
}

function serverPathPrefixes(document: JsonObject): string[] {
  const servers = (document.servers as JsonObject[] | undefined) ?? [];
  return servers
    .map((server) => {
      const variables = (server.variables as Record<string, JsonObject> | undefined) ?? {};
      const url = String(server.url).replace(/\{([^}]+)\}/g, (_, name: string) =>
        String(variables[name]?.default ?? ''),
      );
      return new URL(url, 'http://placeholder').pathname.replace(/\/+$/, '');
    })
    .filter((prefix) => prefix.length > 0)
    .sort((a, b) => b.length - a.length);
}

export interface NamedScheme {
  name: string;
  scheme: JsonObject;
}

/** The operation's security requirements (its own, else the document's): alternatives, each a list of schemes. */
export function securityAlternatives(contract: Contract, operation: Operation): NamedScheme[][] {
  const requirements = (operation.raw.security ?? contract.document.security ?? []) as JsonObject[];
  const schemes = ((contract.document.components as JsonObject | undefined)?.securitySchemes ?? {}) as JsonObject;
  return requirements.map((requirement) =>
    Object.keys(requirement).map((name) => ({ name, scheme: contract.resolve(schemes[name] as JsonObject) })),
  );
}

/** The operation's success answer: its lowest documented 2xx status. */
export function successResponse(operation: Operation): DocumentedResponse | undefined {
  return operation.responses
    .filter((r) => /^2\d\d$/.test(r.status))
    .sort((a, b) => a.status.localeCompare(b.status))[0];
}

/** The documented response and example for an error case (`x-error-case`) of an operation, if it has one. */
export function exampleForCase(responses: DocumentedResponse[], errorCase: string) {
  for (const response of responses) {
    const example = response.examples.find((ex) => ex.errorCase === errorCase);
    if (example) return { response, example };
  }
  return undefined;
}

export function pointer(document: Json, ref: string): Json {
  if (!ref.startsWith('#')) throw new Error(`only local $refs are supported in the bundle, got ${ref}`);
  let node: Json = document;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) && !Array.isArray(node)) throw new Error(`$ref ${ref} does not resolve`);
    node = (node as JsonObject)[key] as Json;
    if (node === undefined) throw new Error(`$ref ${ref} does not resolve`);
  }
  return node;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
