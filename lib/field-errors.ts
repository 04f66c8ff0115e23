// The 422's list of offending fields: which property of an error schema holds it (`x-field-errors`), how a field
// is named in it, and how the fields at fault are read from a validator's problems. The mock and the reference
// server report by these rules; the suite derives its expectations on its own (conformance/schema/).
import type { Contract, SchemaNode } from './contract.ts';
import { unescapeToken } from './json.ts';
import type { Problem } from './schema-validator.ts';

export interface FieldError {
  field: string;
  message: string;
}

/** The property of this schema marked `x-field-errors` (the `errors` of the 422), if any. */
export function fieldErrorsProperty(contract: Contract, node: SchemaNode | undefined): string | undefined {
  const properties = node?.schema.properties ?? {};
  return Object.keys(properties).find(
    (name) => contract.schemaNode(properties[name]!, '').schema['x-field-errors'] === true,
  );
}

/**
 * How the 422 names a field: by its path from the top of the body, `children[3].code`; a parameter by its name;
 * the body as a whole by the empty string. Property names made only of digits are read as array indexes.
 */
export function fieldName(path: readonly (string | number)[]): string {
  return path
    .map((segment, index) => {
      if (typeof segment === 'number' || /^\d+$/.test(segment)) return `[${segment}]`;
      return index === 0 ? segment : `.${segment}`;
    })
    .join('');
}

/**
 * The offending fields of a body, from the validator's problems: a missing or unknown property is named itself,
 * a discriminator value that names no branch is named at the discriminator property, a value that fits no branch
 * of a `oneOf`/`anyOf` is named where the `oneOf` stands (its branches' own complaints are dropped), and every
 * other problem where it occurs. Each field once.
 */
export function fieldErrorsOf(problems: Problem[]): FieldError[] {
  const choices = problems.filter((p) => p.keyword === 'oneOf' || p.keyword === 'anyOf').map((p) => p.instancePath);
  const within = (path: string, at: string) => path === at || path.startsWith(`${at}/`);
  const kept = problems.filter(
    (p) => p.keyword === 'oneOf' || p.keyword === 'anyOf' || !choices.some((at) => within(p.instancePath, at)),
  );
  return oncePerField(kept.map((problem) => ({ field: fieldName(pathOf(problem)), message: messageOf(problem) })));
}

/** The document lists each offending field once: several broken rules of one field share its entry. */
export function oncePerField(errors: FieldError[]): FieldError[] {
  const byField = new Map<string, string[]>();
  for (const { field, message } of errors) {
    const messages = byField.get(field) ?? [];
    if (!messages.includes(message)) messages.push(message);
    byField.set(field, messages);
  }
  return [...byField].map(([field, messages]) => ({ field, message: messages.join('; ') }));
}

function pathOf(problem: Problem): string[] {
  const path = problem.instancePath.split('/').slice(1).map(unescapeToken);
  const named = problem.params.missingProperty ?? problem.params.additionalProperty ?? problem.params.tag;
  return typeof named === 'string' ? [...path, named] : path;
}

function messageOf(problem: Problem): string {
  if (problem.keyword === 'enum') return `must be one of: ${(problem.params.allowedValues as unknown[]).join(', ')}`;
  if (problem.keyword === 'pattern') return 'must match the format given in the field description';
  if (problem.keyword === 'discriminator') return `must have a ${String(problem.params.tag)} that names a kind`;
  return problem.message ?? problem.keyword;
}
