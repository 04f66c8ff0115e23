// A request the document describes as valid for an operation: path and query parameters from their examples,
// credentials as placeholders (`{{token}}`, `{{channelKey}}`), the body from a request example. The suite's
// cases, the docs' samples, the Postman items, the mock's "Try" line and the bench all start from it.
import { parametersIn, type NamedExample, type Operation, type Parameter } from './contract.ts';
import { TOKEN, credentialKey, placeholder } from './credentials.ts';
import type { Json } from './json.ts';
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

/** The named request examples of an operation (none when it takes no JSON body). */
export function requestExamples(operation: Operation): NamedExample[] {
  return operation.requestBody?.examples ?? [];
}

export function documentedRequest(operation: Operation, choices: RequestChoices = {}): HttpRequest {
  const valueOf = (parameter: Parameter): string | undefined => {
    if (parameter.credential) return placeholder(credentialKey(parameter.name));
    const example = exampleOf(parameter);
    return example === undefined ? undefined : typeof example === 'string' ? example : JSON.stringify(example);
  };
  const pathValues = Object.fromEntries(
    parametersIn(operation, 'path').flatMap((p) => (valueOf(p) === undefined ? [] : [[p.name, valueOf(p)!]])),
  );
  const query = new URLSearchParams();
  for (const parameter of parametersIn(operation, 'query')) {
    const value = valueOf(parameter);
    if (value !== undefined && (parameter.required || choices.optionalQuery)) query.append(parameter.name, value);
  }

  const headers: Record<string, string> = {};
  const body = choices.body ?? requestExamples(operation)[0]?.value;
  const mediaType = operation.requestBody?.jsonMediaType;
  if (mediaType && body !== undefined) headers['content-type'] = mediaType;
  const [firstAlternative = []] = operation.security;
  for (const scheme of firstAlternative) {
    const presentation = present(scheme, placeholder(TOKEN));
    Object.assign(headers, presentation.headers);
    for (const [name, value] of Object.entries(presentation.query)) query.append(name, value);
  }
  for (const parameter of parametersIn(operation, 'header').filter((p) => p.required)) {
    const value = valueOf(parameter);
    if (value !== undefined) headers[parameter.name.toLowerCase()] = value;
  }

  const search = query.size > 0 ? `?${query.toString()}` : '';
  return {
    method: operation.method,
    path: `${fillPath(operation.path, pathValues)}${search}`,
    headers,
    ...(mediaType && body !== undefined ? { body: JSON.stringify(body) } : {}),
  };
}
