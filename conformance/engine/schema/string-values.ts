// Candidate strings: each length bound just inside and just outside, in characters of 1, 2, 3 and 4 UTF-8 bytes
// counted as JSON Schema counts them (code points); text in several scripts and with escapes; the documented
// formats; near-misses of a patterned example.
import type { Schema } from '../../../lib/openapi.ts';
import { CHARACTERS, show, textOf, type Candidate, type ValueSource, type Width } from './candidate.ts';
import { FORMAT_SAMPLES } from './sample.ts';

export function strings(schema: Schema, unique?: ValueSource): Candidate[] {
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
  // White space counts like any character: a server that trims before it counts takes these wrongly.
  if (min > 0)
    candidates.push({
      kind: 'min-length-spaces',
      title: `${min} space(s), the minimum`,
      keyword: 'minLength',
      value: ' '.repeat(min),
      valid: true,
    });
  if (max !== undefined) {
    const trailing = `${text(max, '1-byte')} `;
    candidates.push({
      kind: 'above-max-length-trailing-space',
      title: `${max} characters and a space`,
      keyword: 'maxLength',
      value: trailing,
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

/** JSON with every character outside ASCII written as \u escapes. */
function asciiJson(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
