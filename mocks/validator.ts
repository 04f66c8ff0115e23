// Decides which documented error case a request falls into, in the document's order of checks, with Prism's
// validator for parameters and body. Returns the fields at fault for a body that breaks field rules.
import type { HttpMethod, IHttpOperation } from '@stoplight/types';
import prismValidator from '@stoplight/prism-http/dist/validator/index.js';
import type { Json } from '../lib/contract.ts';
import type { MockRequest } from './types.ts';

// A CommonJS module: Node hands its exports over as `.default`, Vite (vitest) as the import itself.
const { validateInput } = (prismValidator as unknown as { default?: typeof prismValidator }).default ?? prismValidator;

export interface FieldError {
  field: string;
  message: string;
}

export type Verdict =
  | { errorCase: 'parameter-invalid' | 'body-unparsable' }
  | { errorCase: 'body-invalid'; fields: FieldError[] }
  | { errorCase: undefined; body: Json | undefined };

interface Diagnostic {
  path?: string[];
  code?: string | number;
  message: string;
  severity: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** `credentialHeaders`: the header parameters marked `x-credential`, which must carry `credentialValue`. */
export function validateRequest(
  operation: IHttpOperation,
  request: MockRequest,
  credentialHeaders: string[],
  credentialValue: string,
): Verdict {
  // One validation of the whole request; its diagnostics are then read in the document's order of checks.
  const parsed = operation.request?.body ? parseBody(operation, request) : undefined;
  const element = {
    method: operation.method as HttpMethod,
    url: { path: request.path, query: request.query },
    headers: request.headers as Record<string, string>,
    body: parsed === UNPARSABLE ? undefined : parsed,
  };
  const diagnostics = errorsOf(validateInput({ resource: operation, element }));

  const parameterProblem = diagnostics.some((d) => ['header', 'query', 'path'].includes(d.path?.[0] ?? ''));
  const unknownCredential = credentialHeaders.some((name) => request.headers[name.toLowerCase()] !== credentialValue);
  if (parameterProblem || unknownCredential) return { errorCase: 'parameter-invalid' };
  if (parsed === UNPARSABLE) return { errorCase: 'body-unparsable' };
  if (!operation.request?.body) return { errorCase: undefined, body: undefined };

  const bodyDiagnostics = diagnostics.filter((d) => d.path?.[0] === 'body' || d.path === undefined);
  if (bodyDiagnostics.length === 0) return { errorCase: undefined, body: parsed };
  return { errorCase: 'body-invalid', fields: oncePerField(bodyDiagnostics.map(fieldError)) };
}

const UNPARSABLE = Symbol('unparsable');

function parseBody(operation: IHttpOperation, request: MockRequest): Json | undefined | typeof UNPARSABLE {
  const documentedTypes = (operation.request?.body?.contents ?? []).map((content) => content.mediaType.toLowerCase());
  const sentType = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  const raw = request.body;
  if (raw === undefined || raw.length === 0) return operation.request?.body?.required ? UNPARSABLE : undefined;
  if (!sentType || !documentedTypes.includes(sentType)) return UNPARSABLE;
  try {
    return JSON.parse(utf8.decode(raw)) as Json;
  } catch {
    return UNPARSABLE; // bad syntax, bad UTF-8, or nesting deeper than the parser's stack
  }
}

function errorsOf(result: { _tag: string; left?: unknown }): Diagnostic[] {
  return result._tag === 'Left' ? (result.left as Diagnostic[]).filter((d) => d.severity === 0) : [];
}

/** The document lists each offending field once: several broken rules of one field share its entry. */
function oncePerField(errors: FieldError[]): FieldError[] {
  const byField = new Map<string, string[]>();
  for (const { field, message } of errors) byField.set(field, [...(byField.get(field) ?? []), message]);
  return [...byField].map(([field, messages]) => ({ field, message: messages.join('; ') }));
}

/** Prism names the property in the path, or for `required` and `additionalProperties` in the message. */
function fieldError(diagnostic: Diagnostic): FieldError {
  const [, ...path] = diagnostic.path ?? [];
  const named = diagnostic.message.match(/(?:required property|found) '([^']+)'$/)?.[1];
  const field = named ? [...path, named].join('.') : path.join('.');
  const message = diagnostic.message
    .replace(/^Request body (property \S+ )?/, '')
    .replace(/must match pattern ".*"$/, 'must match the format given in the field description')
    .replace(/; found '.*'$/s, '');
  return { field, message };
}
