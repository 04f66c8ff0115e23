// The shape of the OpenAPI 3.1 document as written, narrowed to what the kit reads (the way openapi-typescript
// types the document in its src/types.ts), with each of the contract's `x-` extensions typed where it may stand.
// openapi/extensions.md says what each extension means; Spectral (`npm run lint`) checks their values.
import type { Json } from './json.ts';
import type { ErrorCase } from './extensions.ts';

export interface Reference {
  $ref: string;
  summary?: string;
  description?: string;
}

/** A place in the document that may hold the object itself or a `$ref` to it. */
export type Ref<T> = T | Reference;

export type JsonType = 'null' | 'boolean' | 'object' | 'array' | 'number' | 'integer' | 'string';

/** A JSON Schema 2020-12 schema, as far as the contract uses the vocabulary. */
export interface Schema {
  $ref?: string;
  title?: string;
  description?: string;
  deprecated?: boolean;
  type?: JsonType | JsonType[];
  enum?: Json[];
  const?: Json;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  minProperties?: number;
  maxProperties?: number;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  not?: Schema;
  discriminator?: { propertyName: string; mapping?: Record<string, string> };
  examples?: Json[];
  default?: Json;
  /** Each new request needs a new value (an order ID): tools that create things generate one per request. */
  'x-unique'?: boolean;
  /** Values the schema must reject, for tools and reviewers. */
  'x-invalid-examples'?: Json[];
  /** This object repeats the request body's fields it documents (the success `data`). */
  'x-echoes-request-body'?: boolean;
  /** This value repeats the request's parameter of this name (an id from the path), as the server reads it. */
  'x-echoes-parameter'?: string;
  /** This array is filled with one entry per offending field (the 422 `errors`). */
  'x-field-errors'?: boolean;
  /** On a request-body property: a secret the server checks against the ones it knows (an API key). */
  'x-credential'?: boolean;
}

export interface ExampleObject {
  summary?: string;
  description?: string;
  value?: Json;
  /** Which request gets this answer: one of the error cases in lib/extensions.ts. */
  'x-error-case'?: ErrorCase;
}

export interface MediaTypeObject {
  schema?: Schema;
  example?: Json;
  examples?: Record<string, Ref<ExampleObject>>;
}

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export interface ParameterObject {
  name: string;
  in: ParameterLocation;
  required?: boolean;
  description?: string;
  deprecated?: boolean;
  schema?: Schema;
  example?: Json;
  examples?: Record<string, Ref<ExampleObject>>;
  /** The value is a secret the server checks against the ones it knows (the channel key). */
  'x-credential'?: boolean;
}

export interface RequestBodyObject {
  description?: string;
  required?: boolean;
  content: Record<string, MediaTypeObject>;
}

export interface HeaderObject {
  description?: string;
  required?: boolean;
  schema?: Schema;
}

export interface LinkObject {
  operationId?: string;
  operationRef?: string;
  parameters?: Record<string, Json>;
  requestBody?: Json;
  description?: string;
}

export interface ResponseObject {
  description: string;
  headers?: Record<string, Ref<HeaderObject>>;
  content?: Record<string, MediaTypeObject>;
  links?: Record<string, Ref<LinkObject>>;
  /** On the response a body over the limit gets: the limit, in bytes. */
  'x-max-body-bytes'?: number;
}

/** One alternative of a security requirement: scheme names, each with its scopes. */
export type SecurityRequirement = Record<string, string[]>;

export interface ServerObject {
  url: string;
  description?: string;
  variables?: Record<string, { default: string; enum?: string[]; description?: string }>;
}

/**
 * How an operation touches a store of items shared by the operations that name it (`x-resource`). `key` names
 * what identifies the item: a create's body property; a read's or a transition's parameter, or else its body
 * property (a transition's may be an array, each value naming an item). `item` points into the success body at the
 * created item, the item read or moved (an array of them for an array key), or the array listed.
 */
export type ResourceAction = CreateAction | ReadAction | ListAction | TransitionAction;

export interface CreateAction {
  name: string;
  action: 'create';
  key: string;
  item: string;
}

export interface ReadAction {
  name: string;
  action: 'read';
  key: string;
  item: string;
}

export interface ListAction {
  name: string;
  action: 'list';
  item: string;
  /** The property values an item must have to be listed. */
  filter?: Record<string, Json>;
}

export interface TransitionAction {
  name: string;
  action: 'transition';
  key: string;
  /** Where the answer carries the items as they are after the change; without it, the answer is the example's. */
  item?: string;
  transition: Transition;
}

/** A change of an item's state (`x-resource.transition`). */
export interface Transition {
  /** The item property that holds its state. */
  state: string;
  /** The states an item may be in for the change; from any other, it is refused (`transition-refused`). */
  from: Json[];
  to: Json;
}

export interface OperationObject {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  deprecated?: boolean;
  parameters?: Ref<ParameterObject>[];
  requestBody?: Ref<RequestBodyObject>;
  responses?: Record<string, Ref<ResponseObject>>;
  security?: SecurityRequirement[];
  servers?: ServerObject[];
  'x-codeSamples'?: { lang: string; label: string; source: string }[];
  'x-resource'?: ResourceAction;
  /** A JSON Pointer into the success body: the token this operation issues. */
  'x-issues-token'?: string;
  'x-check-order'?: ErrorCase[];
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type PathItemObject = { [M in HttpMethod]?: OperationObject } & {
  summary?: string;
  description?: string;
  parameters?: Ref<ParameterObject>[];
  servers?: ServerObject[];
};

export interface SecuritySchemeObject {
  type: 'apiKey' | 'http' | 'oauth2' | 'openIdConnect' | 'mutualTLS';
  description?: string;
  name?: string;
  in?: 'query' | 'header' | 'cookie';
  scheme?: string;
  bearerFormat?: string;
}

export interface TagObject {
  name: string;
  description?: string;
  'x-traitTag'?: boolean;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; summary?: string; description?: string };
  servers?: ServerObject[];
  paths?: Record<string, Ref<PathItemObject>>;
  components?: {
    schemas?: Record<string, Schema>;
    responses?: Record<string, Ref<ResponseObject>>;
    parameters?: Record<string, Ref<ParameterObject>>;
    examples?: Record<string, Ref<ExampleObject>>;
    requestBodies?: Record<string, Ref<RequestBodyObject>>;
    headers?: Record<string, Ref<HeaderObject>>;
    securitySchemes?: Record<string, Ref<SecuritySchemeObject>>;
    links?: Record<string, Ref<LinkObject>>;
  };
  security?: SecurityRequirement[];
  tags?: TagObject[];
  /** Answers for requests that reach no operation, by status (404, 405). */
  'x-route-errors'?: Record<string, Ref<ResponseObject>>;
  /** The order of a server's checks: a request that fails several gets the earliest's answer. */
  'x-check-order'?: ErrorCase[];
}
