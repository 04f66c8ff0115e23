// The narrow interfaces between the mock's modules: an HTTP request as the server read it, and the answer.
import type { Json } from '../lib/contract.ts';
import type { JsonText } from './json-text.ts';

export interface MockRequest {
  method: string;
  /** The path as sent, without the query string. */
  path: string;
  query: Record<string, string | string[]>;
  /** Header names in lower case; a repeated header's values joined by ", ". */
  headers: Record<string, string>;
  /** The raw body, or undefined when none was sent. */
  body?: Buffer;
  /** The body passed the limit of its operation (body-limit.ts); `body` holds only what fit. */
  bodyTooLarge?: boolean;
}

export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  /** A value to serialise, or text already made (a list). */
  body: Json | JsonText;
}

/** An answer still being made: a value that later steps can change. */
export interface JsonResponse extends MockResponse {
  body: Json;
}
