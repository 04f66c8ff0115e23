// Candidate strings: each length bound just inside and just outside, in characters of 1, 2, 3 and 4 UTF-8 bytes
// counted as JSON Schema counts them (code points); text in several scripts and with escapes; the documented
// formats; near-misses of a patterned example.
import type { Schema } from '../../../lib/openapi.ts';
import { CHARACTERS, show, textOf, type Candidate, type ValueSource, type Width } from './candidate.ts';
import { FORMAT_SAMPLES } from './sample.ts';

export function strings(schema: Schema, unique?: ValueSource): Candidate[] {
  const formats = formatCandidates(schema);
  if (schema.pattern !== undefined || schema.format !== undefined) return [...formats, ...patternNearMisses(schema)];
  const bounds: Bounds = { min: schema.minLength ?? 0, max: schema.maxLength };
  const text = (length: number, width: Width) => textOf(length, width, unique?.unique());
  return [
    ...formats,
    ...atBounds(bounds, text),
    ...pastBounds(bounds, text, unique),
    ...whiteSpaceAtBounds(bounds, text),
    ...(unique ? [] : freeText(bounds)),
  ];
}

/** The length bounds of a string schema, in code points. */
interface Bounds {
  min: number;
  max?: number;
}

type TextMaker = (length: number, width: Width) => string;

/** The documented format's samples: the valid ones and the invalid ones. */
function formatCandidates(schema: Schema): Candidate[] {
  const samples = schema.format ? FORMAT_SAMPLES[schema.format] : undefined;
  if (!samples) return [];
  const sample = (valid: boolean) => (value: string, i: number) => ({
    kind: `${valid ? '' : 'not-'}format-${i + 1}`,
    title: `${valid ? 'a' : 'not a'} ${schema.format}: ${show(value)}`,
    keyword: 'format',
    value,
    valid,
  });
  return [...samples.valid.map(sample(true)), ...samples.invalid.map(sample(false))];
}

/** Exactly the minimum and the maximum, in characters of each UTF-8 width. */
function atBounds({ min, max }: Bounds, text: TextMaker): Candidate[] {
  return (Object.keys(CHARACTERS) as Width[]).flatMap((width) => {
    const suffix = width === '1-byte' ? '' : `-${width}`;
    const candidates: Candidate[] = [];
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
    return candidates;
  });
}

/**
 * One below the minimum and one above the maximum, in the spellings a server counts wrongly: 4-byte characters
 * (two UTF-16 units each), 2-byte ones (two UTF-8 bytes each) and letters with combining accents.
 */
function pastBounds({ min, max }: Bounds, text: TextMaker, unique?: ValueSource): Candidate[] {
  const candidates: Candidate[] = [];
  if (min > 0)
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
  if (max === undefined) return candidates;
  const combining = 'e\u0301'.repeat(Math.ceil((max + 1) / 2)).slice(0, max + 1);
  candidates.push(
    {
      kind: 'above-max-length',
      title: `${max + 1} characters, one above the maximum`,
      keyword: 'maxLength',
      value: text(max + 1, '1-byte'),
      valid: false,
    },
    {
      kind: 'above-max-length-2-byte',
      title: `${max + 1} 2-byte characters (${max + 1} UTF-16 units)`,
      keyword: 'maxLength',
      value: text(max + 1, '2-byte'),
      valid: false,
    },
    {
      kind: 'above-max-length-combining',
      title: `${max + 1} code points that show as ${Math.ceil((max + 1) / 2)} letters with accents`,
      keyword: 'maxLength',
      value: unique ? textOf(max + 1, '1-byte', unique.unique()) : combining,
      valid: false,
    },
  );
  return candidates;
}

/** White space counts like any character: a server that trims before it counts takes these wrongly. */
function whiteSpaceAtBounds({ min, max }: Bounds, text: TextMaker): Candidate[] {
  const candidates: Candidate[] = [];
  if (min > 0)
    candidates.push({
      kind: 'min-length-spaces',
      title: `${min} space(s), the minimum`,
      keyword: 'minLength',
      value: ' '.repeat(min),
      valid: true,
    });
  if (max !== undefined)
    candidates.push({
      kind: 'above-max-length-trailing-space',
      title: `${max} characters and a space`,
      keyword: 'maxLength',
      value: `${text(max, '1-byte')} `,
      valid: false,
    });
  return candidates;
}

/** Text in several scripts, written plainly and with \u escapes, and the characters JSON must escape. */
function freeText({ min, max }: Bounds): Candidate[] {
  const fits = (text: string) => [...text].length >= min && (max === undefined || [...text].length <= max);
  const candidates: Candidate[] = [];
  const mixed = 'Grüße, 测试 😀';
  if (fits(mixed))
    candidates.push(
      {
        kind: 'non-ascii',
        title: `text in several scripts: ${show(mixed)}`,
        keyword: 'type',
        value: mixed,
        valid: true,
      },
      {
        kind: 'unicode-escapes',
        title: 'the same text written with \\u escapes',
        keyword: 'type',
        value: mixed,
        raw: asciiJson(mixed),
        valid: true,
      },
    );
  const escapes = 'a "quote", a back\\slash, a /slash/,\ta tab\nand a new line';
  if (fits(escapes))
    candidates.push({
      kind: 'escapes',
      title: 'quotes, backslash, slash, tab and new line',
      keyword: 'type',
      value: escapes,
      valid: true,
    });
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
