// Candidate numbers: each bound, and one step past it, and the same values in their other JSON spellings
// (`100000.0`, `1e5`, `1E5`); decimals where the type is `number` and refused where it is `integer`.
import type { Schema } from '../../lib/openapi.ts';
import type { Candidate } from './candidate.ts';

export function numbers(schema: Schema, integer: boolean): Candidate[] {
  const candidates: Candidate[] = [];
  const step = integer ? 1 : 0.01;
  const add = (kind: string, title: string, keyword: string, value: number, valid: boolean, raw?: string) =>
    candidates.push({ kind, title, keyword, value, valid, ...(raw ? { raw } : {}) });
  const { minimum: min, maximum: max, exclusiveMinimum: exMin, exclusiveMaximum: exMax } = schema;
  if (min !== undefined) {
    add('minimum', `${min}, the minimum`, 'minimum', min, true);
    add('minimum-as-decimal', `${min} written ${decimal(min)}`, 'type', min, true, decimal(min));
    add('minimum-exponent', `${min} written ${exponent(min)}`, 'type', min, true, exponent(min));
    add('below-minimum', `${min - step}, below the minimum`, 'minimum', round(min - step), false);
  }
  if (max !== undefined) {
    add('maximum', `${max}, the maximum`, 'maximum', max, true);
    add('maximum-as-decimal', `${max} written ${decimal(max)}`, 'type', max, true, decimal(max));
    add('maximum-exponent', `${max} written ${exponent(max)}`, 'type', max, true, exponent(max));
    add(
      'maximum-exponent-capital',
      `${max} written ${exponent(max).toUpperCase()}`,
      'type',
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
