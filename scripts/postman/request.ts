// A request of the kit (lib/requests.ts) as a Postman request: on the base URL variable of its server, with the
// token in Postman's own auth where one scheme carries it, and an answer test made from what the document promises.
import { placeholder, TOKEN } from '../../lib/credentials.ts';
import { isObject, type Json, type JsonObject } from '../../lib/json.ts';
import { assemble, type HttpRequest, type RequestParts } from '../../lib/requests.ts';
import { present } from '../../lib/security.ts';
import type { SecurityAlternative } from '../../lib/contract.ts';

export interface PostmanKeyValue {
  key: string;
  value: string | null;
  disabled?: boolean;
}

export interface PostmanUrl {
  raw: string;
  host: string[];
  path: string[];
  query?: PostmanKeyValue[];
}

export type PostmanAuth =
  | { type: 'noauth' }
  | { type: 'apikey'; apikey: PostmanKeyValue[] }
  | { type: 'bearer'; bearer: PostmanKeyValue[] };

export interface PostmanRequest {
  method: string;
  header: PostmanKeyValue[];
  url: PostmanUrl;
  body?: { mode: 'raw'; raw: string; options?: { raw: { language: 'json' } } };
  auth: PostmanAuth;
  /** The converter's, for an operation: its description and its parameters'. */
  description?: Json;
}

export interface PostmanEvent {
  listen: 'test';
  script: { type: 'text/javascript'; exec: string[] };
}

export interface PostmanItem {
  name: string;
  request: PostmanRequest;
  event: PostmanEvent[];
  /** Saved example answers (the converter's, for an operation). */
  response?: Json[];
}

export interface PostmanFolder {
  name: string;
  description?: Json;
  item: PostmanItem[];
}

export interface PostmanVariable {
  key: string;
  value: string;
  type: 'string';
  description?: string;
}

export interface PostmanCollection {
  info: JsonObject;
  item: (PostmanFolder | PostmanItem)[];
  auth: PostmanAuth;
  variable: PostmanVariable[];
}

/** One documented answer: its status, and the scalar members its body must carry (an error's message and code). */
export interface DocumentedAnswer {
  status: number;
  members?: Record<string, Json>;
  /** For 405: the methods `Allow` must list. */
  allow?: string[];
}

/** `{{baseUrl}}/packaging_order/details?order_id=Order145`, its parts as Postman keeps them. */
export function postmanUrl(variable: string, path: string, disabledQuery: ReadonlySet<string> = new Set()): PostmanUrl {
  const host = `{{${variable}}}`;
  const [pathname = '', search] = splitOnce(path, '?');
  const url: PostmanUrl = { raw: `${host}${path}`, host: [host], path: pathname.replace(/^\//, '').split('/') };
  if (search !== undefined) {
    url.query = search.split('&').map((pair) => {
      const [key = '', value] = splitOnce(pair, '=');
      return { key, value: value ?? null, ...(disabledQuery.has(key) ? { disabled: true } : {}) };
    });
  }
  return url;
}

/**
 * Postman's auth for the alternative, when it is one scheme that Postman's auth types express (an API key in a
 * header or the query, or Bearer), with the token variable; undefined otherwise (the token then stays a header).
 */
export function tokenAuth(alternative: SecurityAlternative | undefined): PostmanAuth | undefined {
  const [scheme, ...more] = alternative ?? [];
  if (!scheme || more.length > 0) return undefined;
  const token = placeholder(TOKEN);
  if (scheme.type === 'apiKey' && scheme.name && (scheme.in === 'header' || scheme.in === 'query')) {
    const apikey = [
      { key: 'key', value: scheme.name },
      { key: 'value', value: token },
      { key: 'in', value: scheme.in },
    ];
    return { type: 'apikey', apikey };
  }
  if (scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'bearer') {
    return { type: 'bearer', bearer: [{ key: 'token', value: token }] };
  }
  return undefined;
}

/** The parts without what the alternative's scheme adds for the token, for Postman's auth to add instead. */
export function withoutToken(parts: RequestParts, alternative: SecurityAlternative): RequestParts {
  const presented = alternative.map((scheme) => present(scheme, placeholder(TOKEN)));
  const headers = { ...parts.headers };
  for (const name of presented.flatMap((p) => Object.keys(p.headers))) delete headers[name];
  const names = new Set(presented.flatMap((p) => Object.keys(p.query)));
  return { ...parts, headers, query: parts.query.filter(([name]) => !names.has(name)) };
}

/** An operation's documented request, its body pretty-printed (the same JSON, easier to read and edit). */
export function operationRequest(
  template: string,
  parts: RequestParts,
  variable: string,
  auth: PostmanAuth,
  optionalQuery: ReadonlySet<string>,
): PostmanRequest {
  const request = postmanRequest(assemble(template, parts), variable, auth, optionalQuery);
  if (parts.body === undefined) return request;
  const raw = JSON.stringify(parts.body, null, 2);
  return { ...request, body: { mode: 'raw', raw, options: { raw: { language: 'json' } } } };
}

/** A request exactly as the kit holds it: headers, path and body as they are (a case's bytes matter). */
export function postmanRequest(
  request: HttpRequest,
  variable: string,
  auth: PostmanAuth = { type: 'noauth' },
  disabledQuery?: ReadonlySet<string>,
): PostmanRequest {
  return {
    method: request.method,
    header: Object.entries(request.headers).map(([key, value]) => ({ key, value })),
    url: postmanUrl(variable, request.path, disabledQuery),
    ...(request.body === undefined ? {} : { body: { mode: 'raw', raw: request.body } }),
    auth,
  };
}

/** A test event: the answer's status is one of the documented ones, and its body and `Allow` as documented. */
export function answerTest(title: string, answers: DocumentedAnswer[]): PostmanEvent {
  const statuses = answers.map((a) => a.status).join(' or ');
  const exec = [
    `const documented = ${JSON.stringify(answers)};`,
    'const answer = documented.find((candidate) => candidate.status === pm.response.code);',
    `pm.test(${JSON.stringify(`status ${statuses}: ${title}`)}, () => pm.expect(pm.response.code).to.be.oneOf(documented.map((a) => a.status)));`,
    'if (answer && answer.members) {',
    "  pm.test('body as documented', () => {",
    '    const body = pm.response.json();',
    '    for (const [name, value] of Object.entries(answer.members)) pm.expect(body[name], name).to.eql(value);',
    '  });',
    '}',
    'if (answer && answer.allow) {',
    "  pm.test('Allow lists the methods of the path', () => {",
    "    const allowed = (pm.response.headers.get('Allow') || '').split(',').map((m) => m.trim());",
    '    for (const method of answer.allow) pm.expect(allowed, method).to.include(method);',
    '  });',
    '}',
  ];
  return { listen: 'test', script: { type: 'text/javascript', exec } };
}

/** The scalar members of an example body: what the answer must repeat (nested lists vary with the request). */
export function scalarMembers(example: Json | undefined): Record<string, Json> | undefined {
  if (!isObject(example)) return undefined;
  const members = Object.entries(example).filter(([, value]) => value === null || typeof value !== 'object');
  return members.length > 0 ? Object.fromEntries(members) : undefined;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
