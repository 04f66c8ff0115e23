// Value variety at every rule of a schema: the values just inside each bound and just outside it, written the
// ways real clients write them. Each candidate says what it means to test; the validator has the last word on
// whether the value is valid (conformance/families/body.ts). The kinds of candidate live in the modules below.
import type { Contract } from '../../../lib/contract.ts';
import { typesOf } from '../../../lib/schema-shape.ts';
import { label, show, type Candidate, type ValueSource } from './candidate.ts';
import { numbers } from './number-values.ts';
import { anyValue, arrays, booleans, fixedValues, objects, typeSwaps } from './other-values.ts';
import type { Slot } from './slots.ts';
import { strings } from './string-values.ts';

export { CHARACTERS, ruleAt, textOf, type Candidate, type ValueSource } from './candidate.ts';

export function candidatesFor(contract: Contract, slot: Slot, source: ValueSource): Candidate[] {
  const { schema } = slot.node;
  const types = typesOf(schema);
  const candidates: Candidate[] = [];
  if (slot.path.length > 0) {
    if (slot.required)
      candidates.push({
        kind: 'missing',
        title: `required ${slot.field} left out`,
        keyword: 'required',
        remove: true,
        valid: false,
      });
    else
      candidates.push({
        kind: 'absent',
        title: `optional ${slot.field} left out`,
        keyword: 'properties',
        remove: true,
        valid: true,
      });
  }
  if (types.length === 0 && !schema.oneOf && !schema.anyOf && schema.const === undefined && !schema.enum) {
    return [...candidates, ...anyValue()];
  }
  candidates.push(...typeSwaps(schema, types));
  if (schema.const !== undefined) candidates.push(...fixedValues([schema.const], 'const'));
  else if (schema.enum) candidates.push(...fixedValues(schema.enum, 'enum'));
  const fixed = schema.const !== undefined || schema.enum !== undefined;
  if (types.includes('string') && !fixed)
    candidates.push(...strings(schema, schema['x-unique'] === true ? source : undefined));
  if (types.includes('integer') || types.includes('number'))
    candidates.push(...numbers(schema, !types.includes('number')));
  if (types.includes('boolean')) candidates.push(...booleans());
  if (types.includes('array')) candidates.push(...arrays(contract, slot));
  if (types.includes('object')) candidates.push(...objects(slot));
  // A credential's example is named by its place: its value may be the vendor's own, which is never shown.
  const credential = schema['x-credential'] === true;
  for (const [i, value] of (schema['x-unique'] === true ? [] : (schema.examples ?? [])).entries()) {
    candidates.push({
      kind: `example-${credential ? i + 1 : label(value)}`,
      title: credential ? `the documented example ${i + 1}` : `the documented example ${show(value)}`,
      keyword: 'examples',
      value,
      valid: true,
    });
  }
  for (const value of schema['x-invalid-examples'] ?? []) {
    candidates.push({
      kind: `invalid-${label(value)}`,
      title: `the documented invalid value ${show(value)}`,
      keyword: schema.pattern ? 'pattern' : 'x-invalid-examples',
      value,
      valid: false,
    });
  }
  return dedupe(candidates);
}

function dedupe(candidates: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return candidates.filter((c) => !seen.has(c.kind) && seen.add(c.kind));
}
