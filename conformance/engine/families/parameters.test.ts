import { describe, expect, it } from 'vitest';
import { contractFrom } from '../../../lib/contract.ts';
import type { ErrorCase } from '../../../lib/extensions.ts';
import type { OpenApiDocument, Schema } from '../../../lib/openapi.ts';
import type { Case } from '../case.ts';
import { parameterCases } from './parameters.ts';
import { answers, contextOf, documentOf } from '../../fixtures/test-kit.ts';

const document = (
  errorCase: ErrorCase = 'fields-invalid',
  id: Schema = { type: 'string', maxLength: 64 },
): OpenApiDocument =>
  documentOf({
    '/things/{id}': {
      get: {
        operationId: 'getThing',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: id, example: 'abcd' },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50 }, example: 10 },
          { name: 'X-Mode', in: 'header', required: true, schema: { type: 'string', enum: ['fast', 'slow'] } },
          { name: 'X-Key', in: 'header', required: true, 'x-credential': true, schema: { type: 'string' } },
        ],
        responses: { '200': { description: 'Found.' }, '422': answers(errorCase) },
      },
    },
  });

/** The cases of the operation, from the context the catalogue gives it (conformance/catalogue.ts). */
const casesOf = (doc: OpenApiDocument, notes: string[] = []) =>
  parameterCases(contextOf(contractFrom(doc), 'getThing', notes));
const pointer = '#/paths/~1things~1{id}/get/parameters';

describe('parameterCases', () => {
  const cases = casesOf(document());
  const of = (part: string): Case => {
    const found = cases.find((c) => c.id === `getThing.parameters.${part}`);
    if (!found) throw new Error(`no case ${part} among ${cases.map((c) => c.id).join(', ')}`);
    return found;
  };
  const has = (part: string) => cases.some((c) => c.id === `getThing.parameters.${part}`);

  it('tries a query number at its bounds, as URL text, and names the parameter when it is broken', () => {
    expect(of('query.limit.minimum').request.path).toBe('/things/abcd?limit=1');
    expect(of('query.limit.minimum').expect.status).toBe(200);
    const below = of('query.limit.below-minimum');
    expect(below.request.path).toBe('/things/abcd?limit=0');
    expect(below.expect).toMatchObject({ status: 422, errorCase: 'fields-invalid', fields: ['limit'] });
    expect(below.rule).toBe(`${pointer}/1/schema/minimum`);
    expect(of('query.limit.above-maximum').request.path).toBe('/things/abcd?limit=51');
    expect(of('query.limit.decimal').expect.fields).toEqual(['limit']);
  });

  it('leaves an optional parameter out, and sends it, both accepted', () => {
    expect([of('query.limit.absent').request.path, of('query.limit.absent').expect.status]).toEqual([
      '/things/abcd',
      200,
    ]);
    expect(of('query.limit.present').request.path).toBe('/things/abcd?limit=10');
    expect(of('query.limit.present').rule).toBe(`${pointer}/1`);
  });

  it('makes no case for a value a URL or header cannot carry as meant', () => {
    // Other JSON spellings (1e1) are the body's; null and objects have no text; a path cannot be left out.
    for (const part of ['query.limit.whole-as-decimal', 'query.limit.type-null', 'query.limit.type-object'])
      expect(has(part), part).toBe(false);
    expect(has('path.id.missing')).toBe(false);
    // A slash in a path value is another route (the text in several scripts has none, and is sent); HTTP trims
    // the white space around a header value.
    expect(has('path.id.non-ascii')).toBe(true);
    expect(has('path.id.escapes')).toBe(false);
    expect(has('header.X-Mode.enum-fast-padded')).toBe(false);
  });

  it('counts a path value in code points, and percent-encodes it', () => {
    expect(of('path.id.max-length-2-byte').request.path).toBe(`/things/${encodeURIComponent('é'.repeat(64))}`);
    expect(of('path.id.max-length-2-byte').expect.status).toBe(200);
    expect(of('path.id.above-max-length').request.path).toBe(`/things/${'a'.repeat(65)}`);
    expect(of('path.id.above-max-length').expect.fields).toEqual(['id']);
    expect(of('path.id.above-max-length').rule).toBe(`${pointer}/0/schema/maxLength`);
  });

  it('leaves out, with a note, a value that as text faults another rule than the one it names', () => {
    // 12345 is no JSON string, but the text /things/12345 is one: too long, not of the wrong type.
    const notes: string[] = [];
    const short = casesOf(document('fields-invalid', { type: 'string', maxLength: 4 }), notes);
    expect(short.some((c) => c.id === 'getThing.parameters.path.id.type-integer')).toBe(false);
    expect(notes).toContain(
      `getThing: parameters.path.id.type-integer left out: meant to fault ${pointer}/0/schema/type, the schema faults ${pointer}/0/schema/maxLength`,
    );
    const tooLong = short.find((c) => c.id === 'getThing.parameters.path.id.above-max-length')!;
    expect([tooLong.request.path, tooLong.rule]).toEqual(['/things/aaaaa', `${pointer}/0/schema/maxLength`]);
  });

  it('keeps a value that faults the rule it names and another beside it', () => {
    // 10.5 is no integer, and so no int32 either: the case still tests the type.
    const int32 = casesOf(document('fields-invalid', { type: 'integer', format: 'int32' }));
    const decimal = int32.find((c) => c.id === 'getThing.parameters.path.id.decimal')!;
    expect([decimal.request.path, decimal.rule]).toEqual(['/things/10.5', `${pointer}/0/schema/type`]);
  });

  it('keeps a documented invalid value, whichever keyword of the schema refuses it', () => {
    const listed = casesOf(document('fields-invalid', { const: 'abcd', 'x-invalid-examples': ['ABCD'] }));
    const invalid = listed.find((c) => c.id === 'getThing.parameters.path.id.invalid-ABCD')!;
    expect([invalid.request.path, invalid.rule]).toEqual(['/things/ABCD', `${pointer}/0/schema/x-invalid-examples`]);
  });

  it('leaves a required header out, and tries the near-misses of its enum', () => {
    const missing = of('header.X-Mode.missing');
    expect('x-mode' in missing.request.headers).toBe(false);
    expect([missing.expect.fields, missing.rule]).toEqual([['X-Mode'], `${pointer}/2`]);
    expect(of('header.X-Mode.enum-slow').request.headers['x-mode']).toBe('slow');
    expect(of('header.X-Mode.enum-fast-upper-case').request.headers['x-mode']).toBe('FAST');
    expect(of('header.X-Mode.enum-fast-upper-case').expect.status).toBe(422);
  });

  it('leaves x-credential parameters to the credentials family, sending their placeholder', () => {
    expect(cases.some((c) => c.id.includes('X-Key'))).toBe(false);
    for (const c of cases) expect(c.request.headers['x-key']).toBe('{{key}}');
  });

  it('makes only accepted cases when the document gives no fields-invalid answer', () => {
    const withoutAnswer = casesOf(document('body-unparsable'));
    expect(withoutAnswer.length).toBeGreaterThan(0);
    expect(withoutAnswer.every((c) => c.expect.status === 200)).toBe(true);
  });
});
