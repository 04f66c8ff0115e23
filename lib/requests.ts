// A request the document describes as valid for an operation: path and query parameters from their examples,
// credentials as placeholders (`{{token}}`, `{{channelKey}}`), the body from a request example. The suite's
// cases, the docs' samples, the Postman items, the mock's "Try" line and the bench all start from it.
import { parametersIn, type NamedExample, type Operation, type Parameter } from './contract.ts';
import { TOKEN, credentialKey, encodeOutsidePlaceholders, placeholder } from './credentials.ts';
import { isObject, type Json } from './json.ts';
import { fillPath } from './parameters.ts';
import { present } from './security.ts';

export interface HttpRequest {
  method: string;
  /** Relative to the server URL, query included: `/packaging_order/details?order_id=Order145`. */
  path: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** The exact bytes to send, already serialised; undefined for no body. */
  body?: string;
  /** Pad the body with spaces to this many bytes once its placeholders are filled (a body of an exact size). */
  padTo?: number;
}

/** A request before it is put together: what a case changes, one part at a time. */
export interface RequestParts {
  method: string;
  pathValues: Record<string, string>;
  /** In order; a name may repeat. */
  query: [string, string][];
  headers: Record<string, string>;
  /** The value to send as JSON; `rawBody` wins when both are set. */
  body?: Json;
  rawBody?: string;
}

export interface RequestChoices {
  /** The body to send; by default the first named request example's value. */
  body?: Json;
  /** Also send the optional query parameters that have an example. */
  optionalQuery?: boolean;
}

/** The example the document gives for a parameter: its own, else its schema's first, const, enum or default. */
export function exampleOf(parameter: Parameter): Json | undefined {
  const schema = parameter.schema?.schema;
  return parameter.example ?? schema?.examples?.[0] ?? schema?.const ?? schema?.enum?.[0] ?? schema?.default;
}

/** A parameter's example as it travels: strings as they are, other values as JSON text. */
export function parameterText(value: Json): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The named request examples of an operation (none when it takes no JSON body). */
export function requestExamples(operation: Operation): NamedExample[] {
  return operation.requestBody?.examples ?? [];
}

export function documentedParts(operation: Operation, choices: RequestChoices = {}): RequestParts {
  const valueOf = (parameter: Parameter): string | undefined => {
    if (parameter.credential) return placeholder(credentialKey(parameter.name));
    const example = exampleOf(parameter);
    return example === undefined ? undefined : parameterText(example);
  };
  const parts: RequestParts = { method: operation.method, pathValues: {}, query: [], headers: {} };
  for (const parameter of parametersIn(operation, 'path')) {
    const value = valueOf(parameter);
    if (value !== undefined) parts.pathValues[parameter.name] = value;
  }
  for (const parameter of parametersIn(operation, 'query')) {
    const value = valueOf(parameter);
    if (value !== undefined && (parameter.required || choices.optionalQuery)) parts.query.push([parameter.name, value]);
  }
  const body = choices.body ?? withCredentialPlaceholders(operation, requestExamples(operation)[0]?.value);
  const mediaType = operation.requestBody?.jsonMediaType;
  if (mediaType && body !== undefined) {
    parts.headers['content-type'] = mediaType;
    parts.body = body;
  }
  const [firstAlternative = []] = operation.security;
  for (const scheme of firstAlternative) {
    const presentation = present(scheme, placeholder(TOKEN));
    Object.assign(parts.headers, presentation.headers);
    parts.query.push(...Object.entries(presentation.query));
  }
  for (const parameter of parametersIn(operation, 'header').filter((p) => p.required)) {
    const value = valueOf(parameter);
    if (value !== undefined) parts.headers[parameter.name.toLowerCase()] = value;
  }
  return parts;
}

/** The request the parts make, on the operation's path template. */
export function assemble(template: string, parts: RequestParts): HttpRequest {
  const search = parts.query
    .map(([name, value]) => `${encodeOutsidePlaceholders(name)}=${encodeOutsidePlaceholders(value)}`)
    .join('&');
  const body = parts.rawBody ?? (parts.body === undefined ? undefined : JSON.stringify(parts.body));
  return {
    method: parts.method,
    path: `${fillPath(template, parts.pathValues)}${search ? `?${search}` : ''}`,
    headers: { ...parts.headers },
    ...(body === undefined ? {} : { body }),
  };
}

/** The body with each `x-credential` property (an API key) as the placeholder of its credential. */
export function withCredentialPlaceholders(operation: Operation, body: Json | undefined): Json | undefined {
  const names = operation.requestBody?.credentials ?? [];
  if (!isObject(body) || names.length === 0) return body;
  return {
    ...body,
    ...Object.fromEntries(names.filter((name) => name in body).map((name) => [name, placeholder(credentialKey(name))])),
  };
}

export function documentedRequest(operation: Operation, choices: RequestChoices = {}): HttpRequest {
  return assemble(operation.path, documentedParts(operation, choices));
}
