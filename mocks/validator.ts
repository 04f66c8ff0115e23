// What the mock reads from a request before it decides: the body parsed as the document's media type says, and
// the field rules of parameters and body as the document's schemas have them (lib/schema-validator.ts), named as
// the contract names fields (lib/field-errors.ts). A parameter is read from where it travels and judged as a
// server reads its text (lib/parameters.ts).
import type { Json, Operation, Parameter } from '../lib/contract.ts';
import { fieldErrorsOf, oncePerField, type FieldError } from '../lib/field-errors.ts';
import { parameterValue, readParameter } from '../lib/parameters.ts';
import type { SchemaValidator } from '../lib/schema-validator.ts';
import type { MockRequest } from './types.ts';

export const UNPARSABLE = Symbol('unparsable');
export type Parsed = Json | undefined | typeof UNPARSABLE;

export interface ParameterProblem {
  parameter: Parameter;
  message: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

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

/** Each parameter that is missing though required, or whose value its schema refuses. */
export function parameterProblems(
  operation: Operation,
  request: MockRequest,
  validator: SchemaValidator,
): ParameterProblem[] {
  const problems: ParameterProblem[] = [];
  for (const parameter of operation.parameters) {
    const text = parameterValue(parameter, operation.path, request);
    if (text === undefined) {
      if (parameter.required) problems.push({ parameter, message: `must have required property '${parameter.name}'` });
      continue;
    }
    const found = parameter.schema ? validator.problems(parameter.schema, readParameter(parameter, text)) : [];
    if (found.length > 0)
      problems.push({
        parameter,
        message: fieldErrorsOf(found)
          .map((f) => f.message)
          .join('; '),
      });
  }
  return problems;
}

/** Every field at fault: the parameters not marked `x-credential`, then the body. */
export function fieldErrors(
  operation: Operation,
  problems: ParameterProblem[],
  parsed: Json | undefined,
  validator: SchemaValidator,
): FieldError[] {
  const parameters = problems
    .filter((p) => !p.parameter.credential)
    .map((p) => ({ field: p.parameter.name, message: p.message }));
  const schema = operation.requestBody?.schema;
  const body = schema && parsed !== undefined ? fieldErrorsOf(validator.problems(schema, parsed)) : [];
  return oncePerField([...parameters, ...body]);
}
