// The narrow interfaces between the mock's modules: an HTTP request as the server read it, and the answer.
import type { Json } from '../lib/contract.ts';

export interface MockRequest {
  method: string;
  /** The path without query string, as sent (the server prefix is stripped by the router). */
  path: string;
  query: Record<string, string | string[]>;
  /** Header names in lower case, as Node gives them. */
  headers: Record<string, string | undefined>;
  /** The raw body, or undefined when none was sent; `tooLarge` when it passed the largest documented limit. */
  body?: Buffer;
  bodyTooLarge?: boolean;
}

export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  body: Json;
}
