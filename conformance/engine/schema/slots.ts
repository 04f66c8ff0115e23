// The schema walker: every place in a request body where a value goes, at every depth (object properties, array
// items, each branch of a oneOf/anyOf), each with a whole valid body that has a value there. Families put a
// probe value into one place of that body, so each case carries exactly one fault.
import type { Contract, SchemaNode } from '../../../lib/contract.ts';
import { fieldName } from '../../../lib/field-errors.ts';
import { isObject, type Json } from '../../../lib/json.ts';
import { sampleOf } from './sample.ts';
import { branchesOf, effective, propertiesOf, typesOf } from '../../../lib/schema-shape.ts';

export type Path = (string | number)[];

export interface Slot {
  path: Path;
  /** How the 422 names this place: `dimensions.width`, `parts[1].size`; '' for the body itself. */
  field: string;
  /** The field with the branch taken at each oneOf/anyOf (`parts[1]:bolt.size`): unique among the slots, for ids. */
  label: string;
  /** The schema of the place, `allOf` merged; its pointer is where its rules are written. */
  node: SchemaNode;
  /** Its parent object requires it. */
  required: boolean;
  /** The schema it is a property or item of (its `required`, `properties` and `items` rules); the root has none. */
  parentPointer?: string;
  /** A whole valid body with a value at `path`. */
  base: Json;
}

const MAX_DEPTH = 8;

export function slotsOf(contract: Contract, root: SchemaNode, example: Json): Slot[] {
  const slots: Slot[] = [];
  const visit = (
    node: SchemaNode,
    path: Path,
    label: string,
    base: Json,
    required: boolean,
    parentPointer?: string,
  ) => {
    const place = effective(contract, node);
    slots.push({
      path,
      field: fieldName(path),
      label,
      node: place,
      required,
      base,
      ...(parentPointer ? { parentPointer } : {}),
    });
    if (path.length >= MAX_DEPTH) return;
    const choice = branchesOf(contract, place);
    if (!choice) return visitInside(place, path, label, base);
    for (const [index, branch] of choice.branches.entries()) {
      const current = valueAt(base, path);
      const tag = choice.tagProperty;
      const fits = !tag || (isObject(current) && current[tag] === branch.tag);
      let value = fits && current !== undefined ? current : sampleOf(contract, branch.node);
      if (tag && branch.tag !== undefined && isObject(value)) value = { ...value, [tag]: branch.tag };
      visitInside(branch.node, path, `${label}:${branch.tag ?? index}`, setAt(base, path, value));
    }
  };
  const visitInside = (node: SchemaNode, path: Path, label: string, base: Json) => {
    const value = valueAt(base, path);
    const types = typesOf(node.schema);
    if (isObject(value) && (types.includes('object') || types.length === 0)) {
      const required = node.schema.required ?? [];
      for (const [name, child] of propertiesOf(contract, node)) {
        const childPath = [...path, name];
        const childBase = name in value ? base : setAt(base, childPath, sampleOf(contract, child));
        visit(child, childPath, label ? `${label}.${name}` : name, childBase, required.includes(name), node.pointer);
      }
    }
    if (Array.isArray(value) && node.schema.items) {
      const items = contract.schemaNode(node.schema.items, `${node.pointer}/items`);
      const filled = value.length > 0 ? base : setAt(base, path, [sampleOf(contract, items)]);
      const index = Math.max(0, value.length - 1);
      visit(items, [...path, index], `${label}[${index}]`, filled, false, node.pointer);
    }
  };
  visit(root, [], '', example, false);
  return slots;
}

export function valueAt(value: Json, path: Path): Json | undefined {
  let node: Json | undefined = value;
  for (const key of path) {
    if (Array.isArray(node) && typeof key === 'number') node = node[key];
    else if (isObject(node) && typeof key === 'string') node = node[key];
    else return undefined;
  }
  return node;
}

/** A copy of `base` with `value` at `path` (or the place removed, when `value` is undefined). */
export function setAt(base: Json, path: Path, value: Json | undefined): Json {
  if (path.length === 0) return value === undefined ? null : structuredClone(value);
  const copy = structuredClone(base);
  const parent = valueAt(copy, path.slice(0, -1));
  const last = path.at(-1)!;
  if (Array.isArray(parent) && typeof last === 'number') {
    if (value === undefined) parent.splice(last, 1);
    else parent[last] = structuredClone(value);
  } else if (isObject(parent) && typeof last === 'string') {
    if (value === undefined) delete parent[last];
    else parent[last] = structuredClone(value);
  }
  return copy;
}
