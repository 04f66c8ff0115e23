// The typed model of the bundled document: what lib/contract.ts reads the document into. Every tool asks these
// typed questions instead of digging through the raw document.
import type { ErrorCase } from './extensions.ts';
import type { Json } from './json.ts';
import type {
  HeaderObject,
  OpenApiDocument,
  OperationObject,
  ParameterLocation,
  Ref,
  ResourceAction,
  Schema,
  SecuritySchemeObject,
} from './openapi.ts';

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
  /** Its properties marked `x-credential` (an API key and secret), through `allOf` too. */
  credentials: string[];
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
