import { describe, expect, it } from 'vitest';
import { contractFrom, loadContract } from './contract.ts';
import { fieldErrorsOf, fieldErrorsProperty, fieldName, oncePerField } from './field-errors.ts';
import type { OpenApiDocument } from './openapi.ts';
import { schemaValidator } from './schema-validator.ts';

const document: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  components: {
    schemas: {
      Bolt: {
        type: 'object',
        required: ['type', 'size'],
        additionalProperties: false,
        properties: { type: { const: 'bolt' }, size: { type: 'integer', maximum: 50 } },
      },
      Panel: {
        type: 'object',
        required: ['type'],
        additionalProperties: false,
        properties: { type: { const: 'panel' }, wood: { type: 'boolean' } },
      },
      Body: {
        type: 'object',
        required: ['parts'],
        additionalProperties: false,
        properties: {
          parts: {
            type: 'array',
            items: {
              oneOf: [{ $ref: '#/components/schemas/Bolt' }, { $ref: '#/components/schemas/Panel' }],
              discriminator: {
                propertyName: 'type',
                mapping: { bolt: '#/components/schemas/Bolt', panel: '#/components/schemas/Panel' },
              },
            },
          },
          either: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
          'a/b': { type: 'string' },
        },
      },
    },
  },
};
const validator = schemaValidator(document);
const fields = (value: unknown) =>
  fieldErrorsOf(validator.problems({ schema: {}, pointer: '#/components/schemas/Body' }, value)).map((f) => f.field);

describe('naming the fields at fault', () => {
  it('names a field by its path: properties joined by dots, indexes in brackets', () => {
    expect(fieldName(['children', 3, 'code'])).toBe('children[3].code');
    expect(fieldName(['parts', '1', 'size'])).toBe('parts[1].size');
    expect(fieldName([])).toBe('');
  });

  it('a discriminator picks the branch: its own rules are named inside it, an unknown kind at the discriminator', () => {
    expect(
      fields({
        parts: [
          { type: 'bolt', size: 1 },
          { type: 'bolt', size: 51 },
        ],
      }),
    ).toEqual(['parts[1].size']);
    expect(fields({ parts: [{ type: 'panel', wood: 'yes', extra: 1 }] }).sort()).toEqual([
      'parts[0].extra',
      'parts[0].wood',
    ]);
    expect(fields({ parts: [{ type: 'nut' }] })).toEqual(['parts[0].type']);
    expect(fields({ parts: [{ size: 1 }] })).toEqual(['parts[0].type']);
  });

  it('a value that fits no branch of a oneOf without discriminator is named where the oneOf stands, once', () => {
    expect(fields({ parts: [], either: 1.5 })).toEqual(['either']);
  });

  it('missing and unknown properties are named themselves; the body as a whole by the empty string', () => {
    expect(fields({ colour: 'red' }).sort()).toEqual(['colour', 'parts']);
    expect(fields([])).toEqual(['']);
    expect(fields({ parts: [], 'a/b': 1 })).toEqual(['a/b']);
  });

  it('each field once, its messages joined', () => {
    expect(
      oncePerField([
        { field: 'a', message: 'x' },
        { field: 'a', message: 'y' },
        { field: 'a', message: 'x' },
      ]),
    ).toEqual([{ field: 'a', message: 'x; y' }]);
  });

  it('the 422 of the kit’s document lists them in its x-field-errors property', () => {
    const real = loadContract();
    const schema = real.operations[0]!.responses.find((r) => r.status === '422')!.schema;
    expect(fieldErrorsProperty(real, schema)).toBe('errors');
    expect(fieldErrorsProperty(contractFrom(document), undefined)).toBeUndefined();
  });
});
