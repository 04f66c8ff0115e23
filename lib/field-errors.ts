// The 422's list of offending fields: which property of an error schema holds it (`x-field-errors`), and how a
// field is named in it.
import type { Contract, SchemaNode } from './contract.ts';

export interface FieldError {
  field: string;
  message: string;
}

/** The property of this schema marked `x-field-errors` (the `errors` of the 422), if any. */
export function fieldErrorsProperty(contract: Contract, node: SchemaNode | undefined): string | undefined {
  const properties = node?.schema.properties ?? {};
  return Object.keys(properties).find((name) => contract.schemaNode(properties[name]!, '').schema['x-field-errors'] === true);
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
