// Decides which documented check a request fails, in the document's order of checks: a credential parameter
// (`x-credential`), then the body's syntax, then the field rules of parameters and body together. Parameters are
// read and checked by Prism's validator (which knows how each location is serialised); the body by the document's
// schema (lib/schema-validator.ts), whose problems name fields as the contract says (lib/field-errors.ts).
import type { HttpMethod, IHttpOperation } from '@stoplight/types';
import prismValidator from '@stoplight/prism-http/dist/validator/index.js';
import type { Json, Operation, Parameter } from '../lib/contract.ts';
import { credentialKey, type Secrets } from '../lib/credentials.ts';
import { fieldErrorsOf, oncePerField, type FieldError } from '../lib/field-errors.ts';
import type { SchemaValidator } from '../lib/schema-validator.ts';
import { parameterValue } from '../lib/parameters.ts';
import type { MockRequest } from './types.ts';

// A CommonJS module: Node hands its exports over as `.default`, Vite (vitest) as the import itself.
const { validateInput } = (prismValidator as { default?: typeof prismValidator }).default ?? prismValidator;

export type Verdict =
  | { errorCase: 'credential-invalid' | 'body-unparsable' }
  | { errorCase: 'fields-invalid'; fields: FieldError[] }
  | { errorCase: undefined; body: Json | undefined };

interface Diagnostic {
  path?: string[];
  message: string;
  severity: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const UNPARSABLE = Symbol('unparsable');

export function validateRequest(
  prism: IHttpOperation,
  operation: Operation,
  request: MockRequest,
  secrets: Secrets,
  validator: SchemaValidator,
): Verdict {
  const parsed = operation.requestBody ? parseBody(operation, request) : undefined;
  const element = {
    // Prism types an operation's method as any string, its request's as its own method union.
    method: prism.method as HttpMethod,
    url: { path: request.path, query: request.query },
    headers: request.headers,
  };
  // Without the body: Prism checks the parameters, and its complaint about a missing body is not read.
  const result = validateInput({ resource: { ...prism, request: { ...prism.request, body: undefined } }, element });
  const diagnostics = (result._tag === 'Left' ? (result.left as Diagnostic[]) : []).filter(
    (d) => d.severity === 0 && PARAMETER_LOCATIONS.includes(d.path?.[0] ?? ''),
  );
  const about = (parameter: Parameter) => (d: Diagnostic) =>
    d.path?.[0] === parameter.in && d.path[1] === parameter.name;

  const credentials = operation.parameters.filter((p) => p.credential);
  const credentialRejected = credentials.some(
    (p) => diagnostics.some(about(p)) || parameterValue(p, operation.path, request) !== secrets[credentialKey(p.name)],
  );
  if (credentialRejected) return { errorCase: 'credential-invalid' };
  if (parsed === UNPARSABLE) return { errorCase: 'body-unparsable' };

  const parameterErrors = diagnostics.filter((d) => !credentials.some((p) => about(p)(d))).map(parameterError);
  const schema = operation.requestBody?.schema;
  const bodyErrors = schema && parsed !== undefined ? fieldErrorsOf(validator.problems(schema, parsed)) : [];
  const fields = oncePerField([...parameterErrors, ...bodyErrors]);
  if (fields.length === 0) return { errorCase: undefined, body: parsed };
  return { errorCase: 'fields-invalid', fields };
}

const PARAMETER_LOCATIONS = ['path', 'query', 'header', 'cookie'];

function parseBody(operation: Operation, request: MockRequest): Json | undefined | typeof UNPARSABLE {
  const documented = (operation.requestBody?.mediaTypes ?? []).map((type) => type.toLowerCase());
  const sent = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  const raw = request.body;
  if (raw === undefined || raw.length === 0) return operation.requestBody?.required ? UNPARSABLE : undefined;
  if (!sent || !documented.includes(sent)) return UNPARSABLE;
  try {
    return JSON.parse(utf8.decode(raw)) as Json;
  } catch {
    return UNPARSABLE; // bad syntax, bad UTF-8, or nesting deeper than the parser's stack
  }
}

/** A parameter is named by its name (Prism puts it second in the path, after the location). */
function parameterError(diagnostic: Diagnostic): FieldError {
  const message = diagnostic.message
    .replace(/^Request (?:header|query|path|cookie) parameter \S+ /, '')
    .replace(/must match pattern ".*"$/, 'must match the format given in the field description');
  return { field: diagnostic.path?.[1] ?? '', message };
}
