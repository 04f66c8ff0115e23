// Where a request carries each parameter, read as a server reads it: headers by lower-case name, query and
// cookie by name, path parameters from the operation's path template.
import type { Parameter } from './contract.ts';
import { encodeOutsidePlaceholders } from './credentials.ts';
import type { Json } from './json.ts';
import { typesOf } from './schema-shape.ts';

export interface RequestParts {
  /** The path as sent, relative to the server URL and without the query. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, string | string[] | undefined>;
}

/** The value the request gives for the parameter (the first, when repeated), or undefined when it gives none. */
export function parameterValue(parameter: Parameter, template: string, request: RequestParts): string | undefined {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  switch (parameter.in) {
    case 'header':
      return first(request.headers[parameter.name.toLowerCase()]);
    case 'query':
      return first(request.query[parameter.name]);
    case 'cookie':
      return cookies(first(request.headers.cookie))[parameter.name];
    case 'path':
      return pathParameters(template, request.path)?.[parameter.name];
  }
}

/**
 * The value a server reads from a parameter's text, for its schema to judge: a number where the schema takes one
 * and the text is a plain decimal number, a boolean where it takes one and the text is `true` or `false`, else the
 * text itself.
 */
export function readParameter(parameter: Parameter, text: string): Json {
  const types = typesOf(parameter.schema?.schema ?? {});
  if ((types.includes('integer') || types.includes('number')) && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (types.includes('boolean') && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/** The values of a template's `{name}` segments in a path, decoded; undefined when the path does not fit. */
export function pathParameters(template: string, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([^}]+)\\?\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]*)';
  });
  const match = new RegExp(`^${pattern}$`).exec(path);
  if (!match) return undefined;
  return Object.fromEntries(names.map((name, i) => [name, safeDecode(match[i + 1]!)]));
}

/** A path template with its parameters filled in, each value percent-encoded (placeholders aside). */
export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (whole, name: string) =>
    values[name] === undefined ? whole : encodeOutsidePlaceholders(values[name]!),
  );
}

/** The cookies of a `Cookie` header, by name. */
export function cookies(header: string | undefined): Record<string, string> {
  const jar: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.split('=');
    if (name?.trim()) jar[name.trim()] = value.join('=').trim();
  }
  return jar;
}

/** The `Cookie` header of these cookies, in their order, the undefined ones left out (empty: no cookie at all). */
export function cookieHeader(jar: Record<string, string | undefined>): string {
  return Object.entries(jar)
    .flatMap(([name, value]) => (value === undefined ? [] : [`${name}=${value}`]))
    .join('; ');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
