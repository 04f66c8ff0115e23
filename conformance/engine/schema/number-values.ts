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
  const candidates: Candidate[] = [];
  const add = (kind: string, title: string, keyword: string, value: number, valid: boolean, raw?: string) =>
    candidates.push({ kind, title, keyword, value, valid, ...(raw ? { raw } : {}) });
  const { minimum: min, maximum: max, exclusiveMinimum: exMin, exclusiveMaximum: exMax, multipleOf } = schema;
  const lattice = latticeOf(schema, integer);
  const inside = (value: number) =>
    (min === undefined || value >= min) &&
    (max === undefined || value <= max) &&
    (exMin === undefined || value > exMin) &&
    (exMax === undefined || value < exMax);
  /** The first of the values that every bound allows. */
  const within = (...values: number[]) => values.find(inside);

  if (min !== undefined) {
    const least = within(atOrAbove(lattice, min));
    if (least !== undefined) {
      const title =
        least === min ? `${min}, the minimum` : `${least}, the least ${lattice.name} from the minimum ${min}`;
      add('minimum', title, 'minimum', least, true);
      add('minimum-as-decimal', `${least} written ${decimal(least)}`, 'type', least, true, decimal(least));
      add('minimum-exponent', `${least} written ${exponent(least)}`, 'type', least, true, exponent(least));
    }
    const below = lattice.below(min);
    add('below-minimum', `${below}, below the minimum`, 'minimum', below, false);
  }
  if (max !== undefined) {
    const greatest = within(atOrBelow(lattice, max));
    if (greatest !== undefined) {
      const title =
        greatest === max ? `${max}, the maximum` : `${greatest}, the greatest ${lattice.name} up to the maximum ${max}`;
      const spelled = exponent(greatest);
      add('maximum', title, 'maximum', greatest, true);
      add('maximum-as-decimal', `${greatest} written ${decimal(greatest)}`, 'type', greatest, true, decimal(greatest));
      add('maximum-exponent', `${greatest} written ${spelled}`, 'type', greatest, true, spelled);
      const capital = spelled.toUpperCase();
      add('maximum-exponent-capital', `${greatest} written ${capital}`, 'type', greatest, true, capital);
    }
    const above = lattice.above(max);
    add('above-maximum', `${above}, above the maximum`, 'maximum', above, false);
  }
  if (exMin !== undefined) {
    const at = atOrBelow(lattice, exMin);
    const title = at === exMin ? `${exMin}, the exclusive minimum itself` : `${at}, not above the exclusive minimum`;
    add('exclusive-minimum', title, 'exclusiveMinimum', at, false);
    const above = within(lattice.above(exMin));
    if (above !== undefined)
      add('above-exclusive-minimum', `${above}, just above the exclusive minimum`, 'exclusiveMinimum', above, true);
  }
  if (exMax !== undefined) {
    const at = atOrAbove(lattice, exMax);
    const title = at === exMax ? `${exMax}, the exclusive maximum itself` : `${at}, not below the exclusive maximum`;
    add('exclusive-maximum', title, 'exclusiveMaximum', at, false);
    const below = within(lattice.below(exMax));
    if (below !== undefined)
      add('below-exclusive-maximum', `${below}, just below the exclusive maximum`, 'exclusiveMaximum', below, true);
  }
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
  const middle = (low + high) / 2;
  if (integer) {
    const whole = within(atOrBelow(lattice, middle), atOrAbove(lattice, middle));
    if (whole !== undefined) {
      add('decimal', `${whole + 0.5}, a number with decimals for a whole number`, 'type', whole + 0.5, false);
      const title = `${whole} written ${whole}.0 (a whole number in JSON Schema)`;
      add('whole-as-decimal', title, 'type', whole, true, `${whole}.0`);
    }
  } else {
    const third = round(low + (high - low) / 3);
    // The multiple nearest a third of the way in, one with decimals where there is one (3.5 rather than 4).
    const near = [atOrAbove(lattice, third), atOrBelow(lattice, third)].filter(inside);
    const fraction = near.find((value) => !Number.isInteger(value)) ?? near[0];
    if (fraction !== undefined) add('decimal', `${fraction}, a number with decimals`, 'type', fraction, true);
  }
  if (multipleOf !== undefined) {
    // Not 0 where the bounds allow another: 0 is a multiple of anything.
    const multiple = within(atOrAbove(lattice, Math.max(low, multipleOf)), atOrBelow(lattice, middle));
    if (multiple !== undefined) {
      add('multiple', `${multiple}, a multiple of ${multipleOf}`, 'multipleOf', multiple, true);
      // A whole number off the lattice for an integer: a decimal would break `type` as well.
      const off = integer ? Math.max(1, Math.floor(multipleOf / 2)) : multipleOf / 2;
      const notMultiple = [round(multiple + off), round(multiple - off)].find(
        (value) => inside(value) && !isMultiple(value, multipleOf) && (!integer || Number.isInteger(value)),
      );
      if (notMultiple !== undefined)
        add('not-multiple', `${notMultiple}, not a multiple`, 'multipleOf', notMultiple, false);
    }
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
