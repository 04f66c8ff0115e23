// The words of value variety: what a candidate value is, the characters strings are built from, and the few
// helpers every kind of candidate shares.
import type { SchemaNode } from '../../../lib/contract.ts';
import type { Json } from '../../../lib/json.ts';

export interface Candidate {
  /** The last part of the case id: `max-length-4-byte`, `above-maximum`, `type-object`. */
  kind: string;
  title: string;
  /** The schema keyword whose rule it tests, for the rule pointer. */
  keyword: string;
  value?: Json;
  /** The value's own JSON spelling, when it is not JSON.stringify's (`1e5`, `10.0`). */
  raw?: string;
  /** Leave the place out instead. */
  remove?: true;
  /** What it means to test; undefined: whatever the validator says (near-misses of a pattern or an enum). */
  valid?: boolean;
  /** Put at another place than the slot's (an unknown property beside the slot's own). */
  at?: (string | number)[];
}

/** Characters of each UTF-8 width, with how JSON Schema counts them: one code point each. */
export const CHARACTERS = { '1-byte': 'a', '2-byte': 'é', '3-byte': '€', '4-byte': '😀' } as const;

export type Width = keyof typeof CHARACTERS;

export interface ValueSource {
  /** A new value for `x-unique` places. */
  unique(): string;
}

/** Where a schema writes a keyword's rule; the schema itself when it does not write that keyword. */
export function ruleAt(node: SchemaNode, keyword: string): string {
  return keyword in node.schema ? `${node.pointer}/${keyword}` : node.pointer;
}

/** A string of `length` code points of one width, starting with `prefix` when one is given (unique values). */
export function textOf(length: number, width: Width = '1-byte', prefix = ''): string {
  const char = CHARACTERS[width];
  const start = [...prefix].slice(0, length).join('');
  return start + char.repeat(Math.max(0, length - [...start].length));
}

export function label(value: Json): string {
  return String(typeof value === 'string' ? value : JSON.stringify(value)).replace(/\s/g, '_') || 'empty';
}

/** A value as JSON for a title, cut by code points: a cut by UTF-16 units can leave half a surrogate pair. */
export function show(value: Json): string {
  const points = [...JSON.stringify(value)];
  return points.length > 40 ? `${points.slice(0, 37).join('')}…` : points.join('');
}
