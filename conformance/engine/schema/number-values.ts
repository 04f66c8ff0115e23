// Candidate numbers: each bound, and one step past it, and the same values in their other JSON spellings
// (`100000.0`, `1e5`, `1E5`); decimals where the type is `number` and refused where it is `integer`. Every value
// stands on the schema's lattice (multiples of `multipleOf`, whole numbers for an integer), so that a value meant
// valid keeps every rule and a value meant invalid breaks only the rule it is named for.
import type { Schema } from '../../../lib/openapi.ts';
import type { Candidate } from './candidate.ts';

/**
 * How far a search along the lattice goes before it gives up, on a `multipleOf` whose float quotients are never
 * whole: the value it ends on is then judged by the validator (conformance/families/body.ts).
 */
const MAX_STEPS = 1000;

export function numbers(schema: Schema, integer: boolean): Candidate[] {
  const rules = rulesOf(schema, integer);
  const span = spanOf(rules);
  return [
    ...minimumValues(rules),
    ...maximumValues(rules),
    ...exclusiveValues(rules),
    ...decimalValues(rules, span),
    ...multipleValues(rules, span),
    numericString(schema, span.low),
  ];
}

/** A schema's numeric rules, and the questions every kind of candidate asks of them. */
interface NumberRules {
  schema: Schema;
  integer: boolean;
  lattice: Lattice;
  /** Whether every bound allows the value. */
  inside(value: number): boolean;
  /** The first of the values that every bound allows. */
  within(...values: number[]): number | undefined;
}

/** Where the allowed values lie: the lowest and highest on the lattice, and the middle. */
interface Span {
  low: number;
  high: number;
  middle: number;
}

function rulesOf(schema: Schema, integer: boolean): NumberRules {
  const { minimum: min, maximum: max, exclusiveMinimum: exMin, exclusiveMaximum: exMax } = schema;
  const inside = (value: number) =>
    (min === undefined || value >= min) &&
    (max === undefined || value <= max) &&
    (exMin === undefined || value > exMin) &&
    (exMax === undefined || value < exMax);
  return { schema, integer, lattice: latticeOf(schema, integer), inside, within: (...values) => values.find(inside) };
}

function candidate(kind: string, title: string, keyword: string, value: number, valid: boolean, raw?: string) {
  return { kind, title, keyword, value, valid, ...(raw ? { raw } : {}) };
}

/** The least allowed value from the minimum, in three spellings, and one step below the minimum. */
function minimumValues({ schema: { minimum: min }, lattice, within }: NumberRules): Candidate[] {
  if (min === undefined) return [];
  const candidates: Candidate[] = [];
  const least = within(atOrAbove(lattice, min));
  if (least !== undefined) {
    const title = least === min ? `${min}, the minimum` : `${least}, the least ${lattice.name} from the minimum ${min}`;
    candidates.push(
      candidate('minimum', title, 'minimum', least, true),
      candidate('minimum-as-decimal', `${least} written ${decimal(least)}`, 'type', least, true, decimal(least)),
      candidate('minimum-exponent', `${least} written ${exponent(least)}`, 'type', least, true, exponent(least)),
    );
  }
  const below = lattice.below(min);
  return [...candidates, candidate('below-minimum', `${below}, below the minimum`, 'minimum', below, false)];
}

/** The greatest allowed value up to the maximum, in four spellings, and one step above the maximum. */
function maximumValues({ schema: { maximum: max }, lattice, within }: NumberRules): Candidate[] {
  if (max === undefined) return [];
  const candidates: Candidate[] = [];
  const greatest = within(atOrBelow(lattice, max));
  if (greatest !== undefined) {
    const title =
      greatest === max ? `${max}, the maximum` : `${greatest}, the greatest ${lattice.name} up to the maximum ${max}`;
    const spelled = exponent(greatest);
    const capital = spelled.toUpperCase();
    const asDecimal = decimal(greatest);
    candidates.push(
      candidate('maximum', title, 'maximum', greatest, true),
      candidate('maximum-as-decimal', `${greatest} written ${asDecimal}`, 'type', greatest, true, asDecimal),
      candidate('maximum-exponent', `${greatest} written ${spelled}`, 'type', greatest, true, spelled),
      candidate('maximum-exponent-capital', `${greatest} written ${capital}`, 'type', greatest, true, capital),
    );
  }
  const above = lattice.above(max);
  return [...candidates, candidate('above-maximum', `${above}, above the maximum`, 'maximum', above, false)];
}

/** Each exclusive bound itself (refused), and the nearest value inside it. */
function exclusiveValues(rules: NumberRules): Candidate[] {
  return [...exclusiveBound(rules, 'minimum'), ...exclusiveBound(rules, 'maximum')];
}

function exclusiveBound({ schema, lattice, within }: NumberRules, side: 'minimum' | 'maximum'): Candidate[] {
  const keyword = side === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum';
  const bound = schema[keyword];
  if (bound === undefined) return [];
  const [outward, inward, toward] =
    side === 'minimum' ? [atOrBelow, lattice.above, 'above'] : [atOrAbove, lattice.below, 'below'];
  const at = outward(lattice, bound);
  const title = at === bound ? `${bound}, the exclusive ${side} itself` : `${at}, not ${toward} the exclusive ${side}`;
  const inside = within(inward(bound));
  return [
    candidate(`exclusive-${side}`, title, keyword, at, false),
    ...(inside === undefined
      ? []
      : [
          candidate(
            `${toward}-exclusive-${side}`,
            `${inside}, just ${toward} the exclusive ${side}`,
            keyword,
            inside,
            true,
          ),
        ]),
  ];
}

function spanOf({ schema, lattice }: NumberRules): Span {
  const { minimum: min, maximum: max, exclusiveMinimum: exMin, exclusiveMaximum: exMax } = schema;
  const lowest = boundOf(Math.max, [
    min === undefined ? undefined : atOrAbove(lattice, min),
    exMin === undefined ? undefined : lattice.above(exMin),
  ]);
  const highest = boundOf(Math.min, [
    max === undefined ? undefined : atOrBelow(lattice, max),
    exMax === undefined ? undefined : lattice.below(exMax),
  ]);
  // With no lower bound the values start at 0, or at the upper bound when that is below 0.
  const low = lowest ?? Math.min(0, highest ?? 0);
  const high = highest ?? low + 20;
  return { low, high, middle: (low + high) / 2 };
}

/** For an integer, a value with decimals (refused) and a whole one written `.0`; for a number, one with decimals. */
function decimalValues({ integer, lattice, inside, within }: NumberRules, { low, high, middle }: Span): Candidate[] {
  if (integer) {
    const whole = within(atOrBelow(lattice, middle), atOrAbove(lattice, middle));
    if (whole === undefined) return [];
    return [
      candidate('decimal', `${whole + 0.5}, a number with decimals for a whole number`, 'type', whole + 0.5, false),
      candidate(
        'whole-as-decimal',
        `${whole} written ${whole}.0 (a whole number in JSON Schema)`,
        'type',
        whole,
        true,
        `${whole}.0`,
      ),
    ];
  }
  const third = round(low + (high - low) / 3);
  // The multiple nearest a third of the way in, one with decimals where there is one (3.5 rather than 4).
  const near = [atOrAbove(lattice, third), atOrBelow(lattice, third)].filter(inside);
  const fraction = near.find((value) => !Number.isInteger(value)) ?? near[0];
  return fraction === undefined
    ? []
    : [candidate('decimal', `${fraction}, a number with decimals`, 'type', fraction, true)];
}

/** A multiple of `multipleOf` inside the bounds, and a value beside it that is none. */
function multipleValues({ schema, integer, lattice, inside, within }: NumberRules, { low, middle }: Span): Candidate[] {
  const { multipleOf } = schema;
  if (multipleOf === undefined) return [];
  // Not 0 where the bounds allow another: 0 is a multiple of anything.
  const multiple = within(atOrAbove(lattice, Math.max(low, multipleOf)), atOrBelow(lattice, middle));
  if (multiple === undefined) return [];
  // A whole number off the lattice for an integer: a decimal would break `type` as well.
  const off = integer ? Math.max(1, Math.floor(multipleOf / 2)) : multipleOf / 2;
  const notMultiple = [round(multiple + off), round(multiple - off)].find(
    (value) => inside(value) && !isMultiple(value, multipleOf) && (!integer || Number.isInteger(value)),
  );
  return [
    candidate('multiple', `${multiple}, a multiple of ${multipleOf}`, 'multipleOf', multiple, true),
    ...(notMultiple === undefined
      ? []
      : [candidate('not-multiple', `${notMultiple}, not a multiple`, 'multipleOf', notMultiple, false)]),
  ];
}

/** A number written as a JSON string: the schema's example, else the lowest allowed value. */
function numericString(schema: Schema, low: number): Candidate {
  const sample = schema.examples?.find((v) => typeof v === 'number') ?? low;
  return {
    kind: 'numeric-string',
    title: `the string "${sample}" for a number`,
    keyword: 'type',
    value: String(sample),
    valid: false,
  };
}

/**
 * The numbers a schema's type and `multipleOf` allow, in order: the multiples of `multipleOf` (the whole ones for
 * an integer), the whole numbers, or for a plain number any value, stepped a hundredth at a time.
 */
interface Lattice {
  /** What its values are called in titles. */
  name: string;
  has(value: number): boolean;
  /** Its nearest value strictly above `value`. */
  above(value: number): number;
  /** Its nearest value strictly below `value`. */
  below(value: number): number;
}

function latticeOf(schema: Schema, integer: boolean): Lattice {
  const { multipleOf } = schema;
  if (multipleOf === undefined && !integer) {
    return { name: 'number', has: () => true, above: (v) => round(v + 0.01), below: (v) => round(v - 0.01) };
  }
  const grid = multipleOf ?? 1;
  const has = (value: number) =>
    (!integer || Number.isInteger(value)) && (multipleOf === undefined || isMultiple(value, multipleOf));
  /** Steps from the grid point `k` in `direction` to the first one the lattice has. */
  const walk = (k: number, direction: 1 | -1) => {
    for (let steps = 0; steps < MAX_STEPS && !has(nthMultiple(k, grid)); steps++) k += direction;
    return nthMultiple(k, grid);
  };
  return {
    name: multipleOf === undefined ? 'whole number' : `multiple of ${multipleOf}`,
    has,
    above: (value) => walk(Math.floor(round(value / grid)) + 1, 1),
    below: (value) => walk(Math.ceil(round(value / grid)) - 1, -1),
  };
}

function atOrAbove(lattice: Lattice, value: number): number {
  return lattice.has(value) ? value : lattice.above(value);
}

function atOrBelow(lattice: Lattice, value: number): number {
  return lattice.has(value) ? value : lattice.below(value);
}

/**
 * Whether `value` is a multiple of `divisor` as ajv, and JSON Schema validators in binary floating point in
 * general, decide it: the quotient is whole. 0.3 is no multiple of 0.1 that way (0.3 / 0.1 is 2.9999999999999996),
 * so no value meant valid relies on it.
 */
export function isMultiple(value: number, divisor: number): boolean {
  return Number.isInteger(value / divisor);
}

/** `k` times `divisor` without floating-point noise: 3 × 0.1 is 0.3, not 0.30000000000000004. */
export function nthMultiple(k: number, divisor: number): number {
  return round(k * divisor);
}

/** The tightest of the bounds given (`Math.max` of lower bounds, `Math.min` of upper ones); undefined for none. */
function boundOf(pick: (...values: number[]) => number, bounds: (number | undefined)[]): number | undefined {
  const given = bounds.filter((bound) => bound !== undefined);
  return given.length === 0 ? undefined : pick(...given);
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
