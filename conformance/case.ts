// What one conformance case is: a request, the answer the document promises for it, and the rule it tests.
import type { Json, JsonObject } from '../lib/contract.ts';

export type Area = 'success' | 'auth' | 'channel' | 'body rules' | 'body syntax' | 'routing';

/** Secrets and per-run values stand in requests as placeholders until the moment they are sent. */
export const TOKEN = '{{token}}';
export const CHANNEL_KEY = '{{channelKey}}';

export interface CaseRequest {
  method: string;
  /** Relative to the base URL (the document's server URL). */
  path: string;
  headers: Record<string, string>;
  /** The exact bytes to send, already serialised; undefined for no body. */
  body?: string;
}

export interface Expectation {
  status: number;
  /** The response schema of the documented status. */
  schema?: JsonObject;
  /** For error cases: the `x-error-case` and the documented body the answer must equal. */
  errorCase?: string;
  example?: Json;
  /** For body-invalid cases: the fields the `errors` list must name (and only those). */
  fields?: string[];
  /** For success cases: the request body that `x-echoes-request-body` objects must repeat. */
  echoOf?: JsonObject;
  /** For 405: the methods the `Allow` header must list. */
  allow?: string[];
}

export interface Case {
  /** Stable and unique, for --only/--skip: `body.quantity.maximum-exceeded`. */
  id: string;
  area: Area;
  title: string;
  /** JSON pointer into the bundled document to the rule this case tests. */
  rule: string;
  operationId: string;
  request: CaseRequest;
  expect: Expectation;
}
