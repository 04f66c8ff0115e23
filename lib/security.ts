// How a security scheme of the document travels in an HTTP request: what a client sends for a credential, and
// what a server reads back. Client, suite, docs, Postman and the test servers all follow these rules.
import type { SecurityScheme } from './contract.ts';
import { cookieHeader, cookies } from './parameters.ts';

/** Where a credential goes: headers (lower-case names), query parameters, or nowhere the kit can send. */
export interface Presentation {
  headers: Record<string, string>;
  query: Record<string, string>;
}

/** What a request carries to present `value` by this scheme. A Bearer scheme with no value sends the bare word. */
export function present(scheme: SecurityScheme, value: string): Presentation {
  const presentation: Presentation = { headers: {}, query: {} };
  if (scheme.type === 'apiKey' && scheme.name) {
    if (scheme.in === 'header') presentation.headers[scheme.name.toLowerCase()] = value;
    if (scheme.in === 'query') presentation.query[scheme.name] = value;
    if (scheme.in === 'cookie') presentation.headers.cookie = cookieHeader({ [scheme.name]: value });
  }
  if (isHttpScheme(scheme)) {
    presentation.headers.authorization = value
      ? `${capitalised(scheme.scheme!)} ${value}`
      : capitalised(scheme.scheme!);
  }
  return presentation;
}

/** Where a scheme carries its credential: the headers (lower case) and query parameters `present` writes. */
export function placesOf(scheme: SecurityScheme): { headers: string[]; query: string[] } {
  const { headers, query } = present(scheme, '');
  return { headers: Object.keys(headers), query: Object.keys(query) };
}

/** The header that carries this scheme's credential, lower case (`authorization` for HTTP schemes). */
export function headerOf(scheme: SecurityScheme): string | undefined {
  return placesOf(scheme).headers[0];
}

/** Several presentations in one request: each one's headers and query parameters, their cookies in one header. */
export function together(presentations: Presentation[]): Presentation {
  const all = (part: (p: Presentation) => Record<string, string>) =>
    Object.fromEntries(presentations.flatMap((p) => Object.entries(part(p))));
  const headers = all((p) => p.headers);
  const cookie = cookieHeader(all((p) => cookies(p.headers.cookie)));
  if (cookie) headers.cookie = cookie;
  return { headers, query: all((p) => p.query) };
}

/**
 * The credential a request presents by this scheme, read as the document describes: an empty value is none, the
 * scheme word of an HTTP scheme is case-insensitive (RFC 9110 §11.1), and another scheme word is no credential.
 */
export function presented(
  scheme: SecurityScheme,
  headers: Record<string, string | string[] | undefined>,
  query: Record<string, string | string[] | undefined> = {},
): string | undefined {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  if (scheme.type === 'apiKey' && scheme.name) {
    const raw =
      scheme.in === 'query'
        ? first(query[scheme.name])
        : scheme.in === 'cookie'
          ? cookies(first(headers.cookie))[scheme.name]
          : first(headers[scheme.name.toLowerCase()]);
    const value = raw?.trim();
    return value ? value : undefined;
  }
  if (isHttpScheme(scheme)) {
    const match = /^[ \t]*(\S+)[ \t]+(\S+)[ \t]*$/.exec(first(headers.authorization) ?? '');
    return match && match[1]!.toLowerCase() === scheme.scheme!.toLowerCase() ? match[2] : undefined;
  }
  return undefined;
}

/** How a reader names the scheme: `the x-access-token header`, `Authorization: Bearer`. */
export function describeScheme(scheme: SecurityScheme): string {
  if (isHttpScheme(scheme)) return `Authorization: ${capitalised(scheme.scheme!)}`;
  return `the ${scheme.name} ${scheme.in === 'query' ? 'query parameter' : scheme.in === 'cookie' ? 'cookie' : 'header'}`;
}

function isHttpScheme(scheme: SecurityScheme): boolean {
  return scheme.type === 'http' && typeof scheme.scheme === 'string';
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}
