// Value variety at every rule of a schema: the values just inside each bound and just outside it, written the
// ways real clients write them. Strings are built from 1-, 2-, 3- and 4-byte UTF-8 characters and counted as
// JSON Schema counts (code points); numbers come in their other JSON spellings; each JSON type is swapped for
// every other; enums meet their near-misses. Each candidate says what it means to test; the validator has the
// last word on whether the value is valid (conformance/families/body.ts).
import type { Contract } from '../../lib/contract.ts';
import type { Json } from '../../lib/json.ts';
import type { JsonType, Schema } from '../../lib/openapi.ts';
import { FORMAT_SAMPLES, sampleOf } from './sample.ts';
import { allowsType, JSON_TYPES, typesOf } from '../../lib/schema-shape.ts';
import { valueAt, type Slot } from './slots.ts';

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
type Width = keyof typeof CHARACTERS;

export interface ValueSource {
  /** A new value for `x-unique` places. */
  unique(): string;
}

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
  for (const value of schema['x-unique'] === true ? [] : (schema.examples ?? [])) {
    candidates.push({
      kind: `example-${label(value)}`,
      title: `the documented example ${show(value)}`,
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

/** A string of `length` code points of one width, starting with `prefix` when one is given (unique values). */
export function textOf(length: number, width: Width = '1-byte', prefix = ''): string {
  const char = CHARACTERS[width];
  const start = [...prefix].slice(0, length).join('');
  return start + char.repeat(Math.max(0, length - [...start].length));
}

/** Every JSON type a place takes when its schema says nothing of type (`market`): all must be accepted. */
function anyValue(): Candidate[] {
  const values: [string, Json][] = [
    ['string', 'DE'],
    ['integer', 49],
    ['decimal', 1.5],
    ['boolean', true],
    ['null', null],
    ['object', { nested: { deeper: [1, { x: null }] } }],
    ['array', [1, 'two', { three: 3 }]],
  ];
  return values.map(([kind, value]) => ({
    kind: `any-${kind}`,
    title: `any value: ${show(value)}`,
    keyword: 'type',
    value,
    valid: true,
  }));
}

const TYPE_SAMPLES: Record<JsonType, Json> = {
  null: null,
  boolean: true,
  object: {},
  array: [],
  number: 1.5,
  integer: 12345,
  string: 'text',
};

/** Each JSON type the place does not take, one value each. */
function typeSwaps(schema: Schema, types: JsonType[]): Candidate[] {
  if (types.length === 0) return [];
  return JSON_TYPES.filter((type) => !allowsType(types, type) && !(type === 'number' && types.includes('integer')))
    .filter((type) => schema.enum?.every((v) => v !== TYPE_SAMPLES[type]) ?? true)
    .map((type) => ({
      kind: `type-${type}`,
      title: `${type === 'null' ? 'null' : `a JSON ${type}`} instead of ${types.join(' or ')}`,
      keyword: 'type',
      value: TYPE_SAMPLES[type],
      valid: false,
    }));
}

function fixedValues(values: Json[], keyword: 'enum' | 'const'): Candidate[] {
  const candidates: Candidate[] = values.map((value) => ({
    kind: `${keyword}-${label(value)}`,
    title: `the allowed value ${show(value)}`,
    keyword,
    value,
    valid: true,
  }));
  for (const value of values.filter((v): v is string => typeof v === 'string')) {
    const misses: [string, string][] = [
      ['lower-case', value.toLowerCase()],
      ['upper-case', value.toUpperCase()],
      ['capitalised', value.charAt(0).toUpperCase() + value.slice(1).toLowerCase()],
      ['padded', ` ${value} `],
      ['trailing-space', `${value} `],
      ['truncated', value.slice(0, -1)],
      ['extended', `${value}X`],
    ];
    for (const [kind, miss] of misses) {
      if (miss !== value)
        candidates.push({
          kind: `${keyword}-${label(value)}-${kind}`,
          title: `${show(miss)}, near ${show(value)}`,
          keyword,
          value: miss,
        });
    }
  }
  return candidates;
}

function strings(schema: Schema, unique?: ValueSource): Candidate[] {
  const candidates: Candidate[] = [];
  const formatSamples = schema.format ? FORMAT_SAMPLES[schema.format] : undefined;
  if (formatSamples) {
    const { valid, invalid } = formatSamples;
    valid.forEach((value, i) =>
      candidates.push({
        kind: `format-${i + 1}`,
        title: `a ${schema.format}: ${show(value)}`,
        keyword: 'format',
        value,
        valid: true,
      }),
    );
    invalid.forEach((value, i) =>
      candidates.push({
        kind: `not-format-${i + 1}`,
        title: `not a ${schema.format}: ${show(value)}`,
        keyword: 'format',
        value,
        valid: false,
      }),
    );
  }
  if (schema.pattern !== undefined || schema.format !== undefined) return [...candidates, ...patternNearMisses(schema)];
  const min = schema.minLength ?? 0;
  const max = schema.maxLength;
  const text = (length: number, width: Width) => textOf(length, width, unique?.unique());
  for (const width of Object.keys(CHARACTERS) as Width[]) {
    const suffix = width === '1-byte' ? '' : `-${width}`;
    if (min > 0)
      candidates.push({
        kind: `min-length${suffix}`,
        title: `${min} character(s) of ${width} UTF-8, the minimum`,
        keyword: 'minLength',
        value: text(min, width),
        valid: true,
      });
    if (max !== undefined)
      candidates.push({
        kind: `max-length${suffix}`,
        title: `${max} characters of ${width} UTF-8, the maximum`,
        keyword: 'maxLength',
        value: text(max, width),
        valid: true,
      });
  }
  if (min > 0) {
    candidates.push({
      kind: 'below-min-length',
      title: `${min - 1} characters, one below the minimum`,
      keyword: 'minLength',
      value: text(min - 1, '1-byte'),
      valid: false,
    });
    if (min > 1)
      candidates.push({
        kind: 'below-min-length-4-byte',
        title: `${min - 1} 4-byte characters (${2 * (min - 1)} UTF-16 units), one below the minimum`,
        keyword: 'minLength',
        value: text(min - 1, '4-byte'),
        valid: false,
      });
  }
  if (max !== undefined) {
    candidates.push({
      kind: 'above-max-length',
      title: `${max + 1} characters, one above the maximum`,
      keyword: 'maxLength',
      value: text(max + 1, '1-byte'),
      valid: false,
    });
    candidates.push({
      kind: 'above-max-length-2-byte',
      title: `${max + 1} 2-byte characters (${max + 1} UTF-16 units)`,
      keyword: 'maxLength',
      value: text(max + 1, '2-byte'),
      valid: false,
    });
    const combining = 'e\u0301'.repeat(Math.ceil((max + 1) / 2)).slice(0, max + 1);
    candidates.push({
      kind: 'above-max-length-combining',
      title: `${max + 1} code points that show as ${Math.ceil((max + 1) / 2)} letters with accents`,
      keyword: 'maxLength',
      value: unique ? textOf(max + 1, '1-byte', unique.unique()) : combining,
      valid: false,
    });
  }
  const mixed = 'Grüße, 测试 😀';
  if ([...mixed].length >= min && (max === undefined || [...mixed].length <= max) && !unique) {
    candidates.push({
      kind: 'non-ascii',
      title: `text in several scripts: ${show(mixed)}`,
      keyword: 'type',
      value: mixed,
      valid: true,
    });
    candidates.push({
      kind: 'unicode-escapes',
      title: 'the same text written with \\u escapes',
      keyword: 'type',
      value: mixed,
      raw: asciiJson(mixed),
      valid: true,
    });
  }
  const escapes = 'a "quote", a back\\slash, a /slash/,\ta tab\nand a new line';
  if ([...escapes].length >= min && (max === undefined || [...escapes].length <= max) && !unique) {
    candidates.push({
      kind: 'escapes',
      title: 'quotes, backslash, slash, tab and new line',
      keyword: 'type',
      value: escapes,
      valid: true,
    });
  }
  return candidates;
}

/** Near-misses of a patterned value, from its first example: the validator says which are valid. */
function patternNearMisses(schema: Schema): Candidate[] {
  const [example] = (schema.examples ?? []).filter((v): v is string => typeof v === 'string');
  if (example === undefined) return [];
  const misses: [string, string][] = [
    ['one-more', `${example}${example.at(-1) ?? 'a'}`],
    ['one-less', example.slice(1)],
    ['leading-space', ` ${example}`],
    ['trailing-space', `${example} `],
    ['letter-for-first', `x${example.slice(1)}`],
  ];
  return misses.map(([kind, value]) => ({
    kind: `near-${kind}`,
    title: `${show(value)}, near the example ${show(example)}`,
    keyword: schema.pattern ? 'pattern' : 'format',
    value,
  }));
}

function numbers(schema: Schema, integer: boolean): Candidate[] {
  const candidates: Candidate[] = [];
  const step = integer ? 1 : 0.01;
  const add = (kind: string, title: string, keyword: string, value: number, valid: boolean, raw?: string) =>
    candidates.push({ kind, title, keyword, value, valid, ...(raw ? { raw } : {}) });
  const { minimum: min, maximum: max, exclusiveMinimum: exMin, exclusiveMaximum: exMax } = schema;
  if (min !== undefined) {
    add('minimum', `${min}, the minimum`, 'minimum', min, true);
    add('minimum-as-decimal', `${min} written ${decimal(min)}`, 'minimum', min, true, decimal(min));
    add('minimum-exponent', `${min} written ${exponent(min)}`, 'minimum', min, true, exponent(min));
    add('below-minimum', `${min - step}, below the minimum`, 'minimum', round(min - step), false);
  }
  if (max !== undefined) {
    add('maximum', `${max}, the maximum`, 'maximum', max, true);
    add('maximum-as-decimal', `${max} written ${decimal(max)}`, 'maximum', max, true, decimal(max));
    add('maximum-exponent', `${max} written ${exponent(max)}`, 'maximum', max, true, exponent(max));
    add(
      'maximum-exponent-capital',
      `${max} written ${exponent(max).toUpperCase()}`,
      'maximum',
      max,
      true,
      exponent(max).toUpperCase(),
    );
    add('above-maximum', `${max + step}, above the maximum`, 'maximum', round(max + step), false);
  }
  if (exMin !== undefined) {
    add('exclusive-minimum', `${exMin}, the exclusive minimum itself`, 'exclusiveMinimum', exMin, false);
    add(
      'above-exclusive-minimum',
      `${round(exMin + step)}, just above the exclusive minimum`,
      'exclusiveMinimum',
      round(exMin + step),
      true,
    );
  }
  if (exMax !== undefined) {
    add('exclusive-maximum', `${exMax}, the exclusive maximum itself`, 'exclusiveMaximum', exMax, false);
    add(
      'below-exclusive-maximum',
      `${round(exMax - step)}, just below the exclusive maximum`,
      'exclusiveMaximum',
      round(exMax - step),
      true,
    );
  }
  const low = min ?? (exMin !== undefined ? exMin + step : undefined) ?? 0;
  const high = max ?? (exMax !== undefined ? exMax - step : undefined) ?? low + 20;
  const middle = Math.floor((low + high) / 2);
  if (integer) {
    add('decimal', `${middle + 0.5}, a number with decimals for a whole number`, 'type', middle + 0.5, false);
    add(
      'whole-as-decimal',
      `${middle} written ${middle}.0 (a whole number in JSON Schema)`,
      'type',
      middle,
      true,
      `${middle}.0`,
    );
  } else {
    const fraction = round(low + (high - low) / 3);
    add('decimal', `${fraction}, a number with decimals`, 'type', fraction, true);
  }
  if (schema.multipleOf !== undefined) {
    const k = Math.max(1, Math.ceil(low / schema.multipleOf));
    add(
      'multiple',
      `${k * schema.multipleOf}, a multiple of ${schema.multipleOf}`,
      'multipleOf',
      round(k * schema.multipleOf),
      true,
    );
    add(
      'not-multiple',
      `${k * schema.multipleOf + schema.multipleOf / 2}, not a multiple`,
      'multipleOf',
      round(k * schema.multipleOf + schema.multipleOf / 2),
      false,
    );
  }
  const sample = schema.examples?.find((v) => typeof v === 'number') ?? low;
  candidates.push({
    kind: 'numeric-string',
    title: `the string "${sample}" for a number`,
    keyword: 'type',
    value: String(sample),
    valid: false,
  });
  return candidates;
}

function booleans(): Candidate[] {
  const values: [string, Json, boolean][] = [
    ['true', true, true],
    ['false', false, true],
    ['string-true', 'true', false],
    ['string-false', 'false', false],
    ['zero', 0, false],
    ['one', 1, false],
  ];
  return values.map(([kind, value, valid]) => ({
    kind,
    title: `${show(value)}${valid ? '' : ' for a boolean'}`,
    keyword: 'type',
    value,
    valid,
  }));
}

function arrays(contract: Contract, slot: Slot): Candidate[] {
  const { schema } = slot.node;
  const current = valueAt(slot.base, slot.path);
  const items = Array.isArray(current) ? current : [];
  const item = schema.items ? sampleOf(contract, contract.schemaNode(schema.items, `${slot.node.pointer}/items`)) : 'x';
  const ofLength = (n: number): Json[] =>
    Array.from({ length: n }, (_, i) => structuredClone(items[i] ?? variant(items[0] ?? item, i)));
  const candidates: Candidate[] = [];
  const min = schema.minItems ?? 0;
  if (min > 0) {
    candidates.push({
      kind: 'min-items',
      title: `${min} item(s), the minimum`,
      keyword: 'minItems',
      value: ofLength(min),
      valid: true,
    });
    candidates.push({
      kind: 'below-min-items',
      title: `${min - 1} item(s), one below the minimum`,
      keyword: 'minItems',
      value: ofLength(min - 1),
      valid: false,
    });
  } else candidates.push({ kind: 'empty', title: 'no items', keyword: 'minItems', value: [], valid: true });
  if (schema.maxItems !== undefined) {
    candidates.push({
      kind: 'max-items',
      title: `${schema.maxItems} items, the maximum`,
      keyword: 'maxItems',
      value: ofLength(schema.maxItems),
      valid: true,
    });
    candidates.push({
      kind: 'above-max-items',
      title: `${schema.maxItems + 1} items, one above the maximum`,
      keyword: 'maxItems',
      value: ofLength(schema.maxItems + 1),
      valid: false,
    });
  }
  if (schema.uniqueItems && items.length > 0) {
    candidates.push({
      kind: 'duplicate-items',
      title: 'the same item twice',
      keyword: 'uniqueItems',
      value: [...items, structuredClone(items[0]!)],
      valid: false,
    });
  }
  return candidates;
}

function objects(slot: Slot): Candidate[] {
  const { schema } = slot.node;
  const candidates: Candidate[] = [];
  if (schema.additionalProperties === false) {
    const at = [...slot.path, 'x_undocumented_property'];
    candidates.push({
      kind: 'unknown-property',
      title: 'a property the document does not list',
      keyword: 'additionalProperties',
      value: 'x',
      at,
      valid: false,
    });
  }
  return candidates;
}

/** Another item like `item` but distinct from it (for arrays whose items must be unique). */
function variant(item: Json, index: number): Json {
  if (typeof item === 'string') return `${item.slice(0, Math.max(1, item.length - 2))}${index}`;
  if (typeof item === 'number') return item + index;
  return structuredClone(item);
}

function decimal(value: number): string {
  return Number.isInteger(value) ? `${value}.0` : `${value}0`;
}

/** `100000` → `1e5`, `0` → `0e0`, `12` → `1.2e1`. */
function exponent(value: number): string {
  return value.toExponential().replace('e+', 'e');
}

function round(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/** JSON with every character outside ASCII written as \u escapes. */
function asciiJson(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function label(value: Json): string {
  return String(typeof value === 'string' ? value : JSON.stringify(value)).replace(/\s/g, '_') || 'empty';
}

function show(value: Json): string {
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

function dedupe(candidates: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return candidates.filter((c) => !seen.has(c.kind) && seen.add(c.kind));
}
