import { describe, expect, it } from 'vitest';
import { contractFrom } from '../../../lib/contract.ts';
import type { Schema } from '../../../lib/openapi.ts';
import { schemaValidator } from '../../../lib/schema-validator.ts';
import type { Candidate } from './candidate.ts';
import { strings } from './string-values.ts';

/** Whether the document's own validator (ajv, JSON Schema 2020-12) takes a value for this schema. */
function judge(schema: Schema): (value: unknown) => boolean {
  const contract = contractFrom({
    openapi: '3.1.0',
    info: { title: 'S', version: '1' },
    components: { schemas: { S: schema } },
  });
  const validator = schemaValidator(contract.document);
  return (value) => validator.problems({ schema, pointer: '#/components/schemas/S' }, value).length === 0;
}
const kinds = (candidates: Candidate[]) => Object.fromEntries(candidates.map((c) => [c.kind, c]));
const codePoints = (value: unknown) => [...(value as string)].length;
const bytesPerCharacter = (value: unknown) => Buffer.byteLength(value as string) / codePoints(value);

describe('strings', () => {
  const bounded: Schema = { type: 'string', minLength: 2, maxLength: 5 };
  const c = kinds(strings(bounded));

  it('gives each length bound in characters of 1, 2, 3 and 4 UTF-8 bytes, counted in code points', () => {
    for (const [suffix, bytes] of [
      ['', 1],
      ['-2-byte', 2],
      ['-3-byte', 3],
      ['-4-byte', 4],
    ] as const) {
      const [min, max] = [c[`min-length${suffix}`]!, c[`max-length${suffix}`]!];
      expect([codePoints(min.value), codePoints(max.value)], suffix).toEqual([2, 5]);
      expect([bytesPerCharacter(min.value), bytesPerCharacter(max.value)], suffix).toEqual([bytes, bytes]);
      expect([min.valid, max.valid, min.keyword, max.keyword]).toEqual([true, true, 'minLength', 'maxLength']);
    }
    // Five 4-byte characters are ten UTF-16 units: a server counting those refuses a valid value.
    expect((c['max-length-4-byte']!.value as string).length).toBe(10);
  });

  it('gives one character too few and one too many, in several widths, as invalid', () => {
    expect([c['below-min-length']?.value, c['above-max-length']?.value]).toEqual(['a', 'aaaaaa']);
    expect(c['below-min-length-4-byte']?.value).toBe('😀');
    expect(c['above-max-length-2-byte']?.value).toBe('éééééé');
    // Six code points that show as three accented letters: a server counting what it sees takes them wrongly.
    expect(c['above-max-length-combining']?.value).toBe('e\u0301e\u0301e\u0301');
    expect(c['above-max-length-trailing-space']?.value).toBe('aaaaa ');
    for (const kind of Object.keys(c).filter((k) => /^(below|above)-/.test(k)))
      expect(c[kind]!.valid, kind).toBe(false);
  });

  it('counts white space like any other character', () => {
    expect([c['min-length-spaces']?.value, c['min-length-spaces']?.valid]).toEqual(['  ', true]);
  });

  it('adds text in several scripts and with escapes only where it fits the bounds', () => {
    expect([c['non-ascii'], c.escapes]).toEqual([undefined, undefined]);
    const open = kinds(strings({ type: 'string' }));
    expect(open['non-ascii']?.value).toBe('Grüße, 测试 😀');
    expect(open['unicode-escapes']?.raw).toMatch(/^"Gr\\u00fc\\u00dfe, \\u6d4b\\u8bd5 \\ud83d\\ude00"$/);
    expect(JSON.parse(open['unicode-escapes']!.raw!)).toBe(open['non-ascii']!.value);
    expect(open.escapes?.value).toContain('\n');
    expect(open['min-length']).toBeUndefined();
  });

  it('starts every value of an x-unique place with a new value, and leaves out text it cannot make unique', () => {
    let n = 0;
    const unique = kinds(strings({ type: 'string', maxLength: 12 }, { unique: () => `u-${++n}` }));
    expect(unique['max-length']?.value).toMatch(/^u-\d+a+$/);
    expect(codePoints(unique['max-length']?.value)).toBe(12);
    expect(unique['above-max-length-combining']?.value).toMatch(/^u-\d+a+$/);
    expect([unique['non-ascii'], unique.escapes]).toEqual([undefined, undefined]);
  });

  it('gives a format its valid and invalid samples, and near-misses of the example', () => {
    const date = strings({ type: 'string', format: 'date', examples: ['2024-05-01'] });
    expect(date.filter((k) => k.valid === true).map((k) => k.value)).toEqual(['2024-02-29', '1999-12-31']);
    expect(date.find((k) => k.kind === 'not-format-1')).toMatchObject({ value: '2023-02-29', valid: false });
    const near = date.find((k) => k.kind === 'near-one-less')!;
    expect([near.value, near.valid, near.keyword]).toEqual(['024-05-01', undefined, 'format']);
  });

  it('gives a pattern only near-misses of its first example, for the validator to judge', () => {
    const code = strings({ type: 'string', pattern: '^[A-Z]{3}$', maxLength: 3, examples: ['ABC'] });
    expect(code.map((k) => [k.kind, k.value])).toEqual([
      ['near-one-more', 'ABCC'],
      ['near-one-less', 'BC'],
      ['near-leading-space', ' ABC'],
      ['near-trailing-space', 'ABC '],
      ['near-letter-for-first', 'xBC'],
    ]);
    expect(code.every((k) => k.keyword === 'pattern' && k.valid === undefined)).toBe(true);
    expect(strings({ type: 'string', pattern: '^a' })).toEqual([]);
  });

  it.each<Schema>([
    bounded,
    { type: 'string', minLength: 1 },
    { type: 'string', maxLength: 64 },
    { type: 'string', format: 'email' },
  ])('means valid exactly what the schema validator takes: %j', (schema) => {
    const takes = judge(schema);
    for (const candidate of strings(schema).filter((k) => k.valid !== undefined))
      expect(takes(candidate.value), `${candidate.kind}: ${JSON.stringify(candidate.value)}`).toBe(candidate.valid);
  });
});
