// The other candidates: every JSON type for an untyped place, every other JSON type for a typed one, enum and
// const values with their near-misses, booleans and what is mistaken for them, arrays at their item bounds, and
// objects with a property too many or too few.
import type { Contract } from '../../../lib/contract.ts';
import type { Json } from '../../../lib/json.ts';
import type { JsonType, Schema } from '../../../lib/openapi.ts';
import { allowsType, JSON_TYPES } from '../../../lib/schema-shape.ts';
import { label, show, type Candidate } from './candidate.ts';
import { sampleOf } from './sample.ts';
import { valueAt, type Slot } from './slots.ts';

/** Every JSON type a place takes when its schema says nothing of type (`market`): all must be accepted. */
export function anyValue(): Candidate[] {
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
export function typeSwaps(schema: Schema, types: JsonType[]): Candidate[] {
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

export function fixedValues(values: Json[], keyword: 'enum' | 'const'): Candidate[] {
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

export function booleans(): Candidate[] {
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

export function arrays(contract: Contract, slot: Slot): Candidate[] {
  const { schema } = slot.node;
  const current = valueAt(slot.base, slot.path);
  const items = Array.isArray(current) ? current : [];
  const item = schema.items ? sampleOf(contract, contract.schemaNode(schema.items, `${slot.node.pointer}/items`)) : 'x';
  /** `n` items: the body's own, then variants of its first, unlike the ones before where items must be unique. */
  const ofLength = (n: number): Json[] => {
    const made: Json[] = items.slice(0, n).map((i) => structuredClone(i));
    for (let i = 0; made.length < n && i < n * 4; i++) {
      const next = variant(items[0] ?? item, i);
      if (!schema.uniqueItems || !made.some((m) => JSON.stringify(m) === JSON.stringify(next))) made.push(next);
    }
    return made;
  };
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

/** A value of each JSON type, by the kind's ending (the string, first, keeps the kind `unknown-property`). */
const UNKNOWN_VALUES: [string, Json][] = [
  ['', 'x'],
  ['number', 1],
  ['true', true],
  ['false', false],
  ['null', null],
  ['object', {}],
  ['array', []],
];

export function objects(slot: Slot): Candidate[] {
  const { schema } = slot.node;
  const candidates: Candidate[] = [];
  if (schema.minProperties !== undefined && schema.minProperties > 0) {
    candidates.push({
      kind: 'below-min-properties',
      title: `an object with fewer than ${schema.minProperties} properties`,
      keyword: 'minProperties',
      value: {},
      valid: false,
    });
  }
  if (schema.additionalProperties === false) {
    // Each JSON value: a server that drops unknown null or empty values before it checks takes some of them.
    const at = [...slot.path, 'x_undocumented_property'];
    for (const [type, value] of UNKNOWN_VALUES)
      candidates.push({
        kind: `unknown-property${type ? `-${type}` : ''}`,
        title: `a property the document does not list, holding ${JSON.stringify(value)}`,
        keyword: 'additionalProperties',
        value,
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
