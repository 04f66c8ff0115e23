// What the mock reads from a request before it decides: the body parsed as the document's media type says, the
// parameters as Prism's validator reads and checks them (it knows how each location is serialised), and the
// body's field rules as the document's schema has them (lib/schema-validator.ts), whose problems name fields as
// the contract says (lib/field-errors.ts).
import type { HttpMethod, IHttpOperation } from '@stoplight/types';
import prismValidator from '@stoplight/prism-http/dist/validator/index.js';
import type { Json, Operation, Parameter } from '../lib/contract.ts';
import { fieldErrorsOf, oncePerField, type FieldError } from '../lib/field-errors.ts';
import type { SchemaValidator } from '../lib/schema-validator.ts';
import type { MockRequest } from './types.ts';

// A CommonJS module: Node hands its exports over as `.default`, Vite (vitest) as the import itself.
const { validateInput } = (prismValidator as { default?: typeof prismValidator }).default ?? prismValidator;

export interface Diagnostic {
  path?: string[];
  message: string;
  severity: number;
}

export const UNPARSABLE = Symbol('unparsable');
export type Parsed = Json | undefined | typeof UNPARSABLE;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const PARAMETER_LOCATIONS = ['path', 'query', 'header', 'cookie'];

/** The body as JSON; UNPARSABLE when it is not JSON, not UTF-8, or not sent as a documented media type. */
export function parseBody(operation: Operation, request: MockRequest): Parsed {
  if (!operation.requestBody) return undefined;
  const documented = operation.requestBody.mediaTypes.map((type) => type.toLowerCase());
  const sent = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  const raw = request.body;
  if (raw === undefined || raw.length === 0) return operation.requestBody.required ? UNPARSABLE : undefined;
  if (!sent || !documented.includes(sent)) return UNPARSABLE;
  try {
    return JSON.parse(utf8.decode(raw)) as Json;
  } catch {
    return UNPARSABLE; // bad syntax, bad UTF-8, or nesting deeper than the parser's stack
  }
}

/** Prism's complaints about the parameters (the body is left to the document's schema). */
export function parameterDiagnostics(prism: IHttpOperation, request: MockRequest): Diagnostic[] {
  const element = {
    // Prism types an operation's method as any string, its request's as its own method union.
    method: prism.method as HttpMethod,
    url: { path: request.path, query: request.query },
    headers: request.headers,
  };
  const result = validateInput({ resource: { ...prism, request: { ...prism.request, body: undefined } }, element });
  const diagnostics = result._tag === 'Left' ? (result.left as Diagnostic[]) : [];
  return diagnostics.filter((d) => d.severity === 0 && PARAMETER_LOCATIONS.includes(d.path?.[0] ?? ''));
}

/** Whether a diagnostic is about this parameter. */
export function isAbout(parameter: Parameter, diagnostic: Diagnostic): boolean {
  return diagnostic.path?.[0] === parameter.in && nameOf(diagnostic) === parameter.name;
}

/** Every field at fault: the parameters not marked `x-credential`, then the body. */
export function fieldErrors(
  operation: Operation,
  diagnostics: Diagnostic[],
  parsed: Json | undefined,
  validator: SchemaValidator,
): FieldError[] {
  const credentials = operation.parameters.filter((p) => p.credential);
  const parameters = diagnostics.filter((d) => !credentials.some((p) => isAbout(p, d))).map(parameterError);
  const schema = operation.requestBody?.schema;
  const body = schema && parsed !== undefined ? fieldErrorsOf(validator.problems(schema, parsed)) : [];
  return oncePerField([...parameters, ...body]);
}

/** Prism names a parameter second in the path, or (when it is missing) in the message. */
function nameOf(diagnostic: Diagnostic): string {
  return diagnostic.path?.[1] ?? diagnostic.message.match(/required property '([^']+)'/)?.[1] ?? '';
}

function parameterError(diagnostic: Diagnostic): FieldError {
  const message = diagnostic.message
    .replace(/^Request (?:header|query|path|cookie)(?: parameter \S+)? /, '')
    .replace(/must match pattern ".*"$/, 'must match the format given in the field description');
  return { field: nameOf(diagnostic), message };
}
