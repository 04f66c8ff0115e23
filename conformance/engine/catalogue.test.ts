// The catalogue is derived from the document: these tests read the document's rules and look for the cases that
// keep and break each one, and check every probe against the document's own schema.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contractFrom, loadContract, type Contract } from '../../lib/contract.ts';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import { isObject, valueAtPointer, type Json } from '../../lib/json.ts';
import { schemaValidator } from '../../lib/schema-validator.ts';
import type { Case } from './case.ts';
import { buildCatalogue } from './catalogue.ts';
import { readingOf } from './reading.ts';

const DOCUMENTS = ['generated/openapi.yaml', 'test/fixtures/kinds.openapi.yaml'];

describe.each(DOCUMENTS)('the catalogue of %s', (path) => {
  const contract = loadContract(path);
  const validator = schemaValidator(contract.document);
  const { cases, notes } = buildCatalogue(readingOf(contract), { uniquePrefix: 'catalogue' });
  const ofFamily = (family: Case['family']) => cases.filter((c) => c.family === family);

  it('gives every case a unique id that starts with its operationId', () => {
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const c of cases) expect(c.id.startsWith(`${c.operationId}.`), c.id).toBe(true);
  });

  it('makes no item in two cases: each key of this run is created by one case only', () => {
    const creates = contract.operations.filter((op) => op.resource?.action === 'create').map((op) => op.operationId);
    // The run's own keys, wherever a body holds one (raw bodies of the syntax cases are not JSON).
    const keyOf = (body: string | undefined) => body?.match(/"(catalogue-\d+[^"]*)"/)?.[1];
    const madeBy = new Map<unknown, string>();
    for (const c of cases) {
      const steps = [...(c.prelude ?? []), c].filter((step) => creates.includes(step.operationId));
      for (const key of new Set(steps.map((step) => keyOf(step.request.body)).filter(Boolean))) {
        expect(madeBy.get(key), `${c.id} creates ${String(key)}, which another case creates`).toBeUndefined();
        madeBy.set(key, c.id);
      }
    }
    expect(madeBy.size).toBeGreaterThan(20);
  });

  it('sends as a second tenant only in the cases about tenants', () => {
    for (const c of cases.filter((k) => k.family !== 'tenancy'))
      expect(JSON.stringify([c.request, c.prelude ?? []]), c.id).not.toMatch(/\{\{second/);
    expect(cases.filter((c) => JSON.stringify(c.request).includes('{{second')).length).toBeGreaterThan(2);
  });

  it('points every case at a rule the document has', () => {
    for (const c of cases) expect(() => valueAtPointer(contract.document, c.rule), `${c.id}: ${c.rule}`).not.toThrow();
  });

  it('leaves out no probe it could not judge (notes say why when it does)', () => {
    // A URL carries every value as text: another JSON type for a string parameter arrives as a string, which its
    // enum or pattern may refuse but never its type. Such a probe is left out, with a note.
    const asText = /parameters\.\S+\.type-\w+ left out: meant to fault \S+\/type,/;
    // A near-miss key the document's own schema forbids (a space in a patterned id) names no other item to test.
    const forbiddenKey = /keys\.\S+ left out: the key with .* breaks the \w+'s schema$/;
    expect(
      notes.filter((note) => !note.includes('.absent left out') && !asText.test(note) && !forbiddenKey.test(note)),
    ).toEqual([]);
  });

  it('agrees with the document’s own schema on every body probe: valid ones are valid, invalid ones fault the named field only', () => {
    for (const c of ofFamily('body').filter((k) => k.request.body !== undefined)) {
      const operation = contract.operations.find((op) => op.operationId === c.operationId)!;
      const body = JSON.parse(c.request.body!) as Json;
      const named = fieldErrorsOf(validator.problems(operation.requestBody!.schema!, body)).map((f) => f.field);
      expect(named.sort(), c.id).toEqual([...(c.expect.fields ?? [])].sort());
    }
  });

  it('covers each error case each operation documents', () => {
    for (const operation of contract.operations) {
      const documented = new Set(
        operation.responses.flatMap((r) => r.examples.map((ex) => ex.errorCase)).filter(Boolean),
      );
      const covered = new Set(
        cases
          .filter(
            (c) => c.operationId === operation.operationId || c.prelude?.[0]?.operationId === operation.operationId,
          )
          .flatMap((c) => [c.expect.errorCase, ...(c.expect.orElse ?? []).map((e) => e.errorCase)]),
      );
      for (const errorCase of documented)
        expect(covered.has(errorCase), `${operation.operationId}: ${errorCase}`).toBe(true);
    }
  });

  it('tries every pair of x-check-order that the operation can be given at once', () => {
    for (const operation of contract.operations) {
      const pairs = ofFamily('order').filter((c) => c.operationId === operation.operationId);
      for (const c of pairs) {
        const [, , first, , second] = c.id.split('.');
        expect(operation.checkOrder.indexOf(first as never)).toBeLessThan(
          operation.checkOrder.indexOf(second as never),
        );
        expect(c.expect.errorCase).toBe(first);
      }
    }
    expect(ofFamily('order').length).toBeGreaterThan(0);
  });

  it('tries each credential almost right, and expects it refused', () => {
    const misses = cases.filter((c) => /\{\{\w+\|[a-z-]+\}\}/.test(JSON.stringify(c.request)));
    expect(misses.length).toBeGreaterThan(0);
    for (const c of misses) expect(c.expect.status, c.id).toBeGreaterThanOrEqual(400);
  });

  it('follows each link of a create to what it names', () => {
    for (const operation of contract.operations.filter((op) => op.resource?.action === 'create')) {
      for (const link of operation.success?.links ?? []) {
        const followed = ofFamily('stateful').find((c) => c.id.endsWith(`.${operation.operationId}.${link.name}`));
        expect(followed?.prelude?.[0]?.operationId, link.name).toBe(operation.operationId);
        expect(followed?.rule).toBe(link.pointer);
      }
    }
  });

  it('draws valid bodies, and bodies with one fault, from each body schema', () => {
    for (const c of ofFamily('generated')) {
      const operation = contract.operations.find((op) => op.operationId === c.operationId)!;
      for (const drawn of fc.sample(c.property!.arbitrary, { numRuns: 30, seed: 11 })) {
        const named = fieldErrorsOf(
          validator.problems(operation.requestBody!.schema!, JSON.parse(drawn.request.body!)),
        ).map((f) => f.field);
        expect(named, c.id).toEqual(drawn.expect.fields ?? []);
      }
    }
    expect(ofFamily('generated').length).toBe(
      2 * contract.operations.filter((op) => op.requestBody?.examples.length).length,
    );
  });
});

describe('value variety, in the kit’s document', () => {
  const contract = loadContract();
  const { cases } = buildCatalogue(readingOf(contract), { uniquePrefix: 'variety' });
  const sent = (field: string, status: number) =>
    cases
      .filter((c) => c.id.includes(`.${field}.`) && c.expect.status === status && c.request.body?.startsWith('{'))
      .map((c) => (JSON.parse(c.request.body!) as Record<string, Json>)[field]);

  it('strings at both bounds in 1-, 2-, 3- and 4-byte characters, counted in code points', () => {
    const lengths = (status: number) =>
      new Set(
        sent('batch', status)
          .filter((v): v is string => typeof v === 'string')
          .map((v) => `${[...v].length}:${Buffer.byteLength([...v][0] ?? '')}`),
      );
    for (const width of [1, 2, 3, 4]) {
      expect(lengths(200).has(`1:${width}`), `min ${width}-byte`).toBe(true);
      expect(lengths(200).has(`255:${width}`), `max ${width}-byte`).toBe(true);
    }
    expect([...lengths(422)].some((l) => l.startsWith('256:'))).toBe(true);
  });

  it('numbers in their other JSON spellings, and decimals where the type is number', () => {
    const raw = cases.map((c) => c.request.body ?? '');
    expect(raw.some((b) => b.includes('"quantity":1e5'))).toBe(true);
    expect(raw.some((b) => b.includes('"quantity":100000.0'))).toBe(true);
    expect(sent('extra_percentage', 200).some((v) => typeof v === 'number' && !Number.isInteger(v))).toBe(true);
    expect(sent('quantity', 422).some((v) => typeof v === 'number' && !Number.isInteger(v))).toBe(true);
  });

  it('every JSON type for an untyped property, every other JSON type for a typed one', () => {
    const types = (values: (Json | undefined)[]) =>
      new Set(
        values.filter((v) => v !== undefined).map((v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v)),
      );
    expect([...types(sent('market', 200))].sort()).toEqual(['array', 'boolean', 'null', 'number', 'object', 'string']);
    expect([...types(sent('serialized', 422))].sort()).toEqual(['array', 'null', 'number', 'object', 'string']);
  });

  it('enum near-misses, and the documented neighbouring values', () => {
    expect(sent('product_code_schema', 422)).toEqual(
      expect.arrayContaining(['gtin', ' GTIN ', 'GTIN ', 'GTI', 'EAN', 'SSCC']),
    );
  });

  it('new values for x-unique fields in every accepted request', () => {
    const ids = cases
      .filter((c) => c.expect.status === 200 && c.request.body?.startsWith('{"') && !c.expect.orElse)
      .map((c) => (JSON.parse(c.request.body!) as Record<string, Json>).order_id);
    const fresh = ids.filter((id): id is string => typeof id === 'string' && id.startsWith('variety-'));
    expect(new Set(fresh).size).toBe(fresh.length);
  });
});

describe('bounds with multipleOf', () => {
  const contract = contractFrom({
    openapi: '3.1.0',
    info: { title: 'Multiples', version: '1' },
    paths: {
      '/crates': {
        post: {
          operationId: 'packCrates',
          requestBody: {
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['crates', 'layers', 'weight'],
                  properties: {
                    crates: { type: 'integer', minimum: 1, maximum: 10, multipleOf: 3 },
                    layers: { type: 'integer', exclusiveMinimum: 0, exclusiveMaximum: 10, multipleOf: 3 },
                    weight: { type: 'number', minimum: 0.25, maximum: 20, multipleOf: 0.5 },
                  },
                },
                examples: { one: { value: { crates: 3, layers: 3, weight: 1.5 } } },
              },
            },
          },
          responses: {
            '201': { description: 'Packed.' },
            '422': {
              description: 'Invalid.',
              content: { 'application/json': { examples: { bad: { 'x-error-case': 'fields-invalid', value: {} } } } },
            },
          },
        },
      },
    },
  });
  const { cases, notes } = buildCatalogue(readingOf(contract), { uniquePrefix: 'multiples' });

  it('leaves out no probe: the values meant valid stand on multiples inside the bounds', () => {
    expect(notes).toEqual([]);
  });

  it('keeps a case at each bound, and one a step past it', () => {
    const kinds = (field: string) =>
      cases.filter((c) => c.id.startsWith(`packCrates.body.${field}.`)).map((c) => c.id.split('.').at(-1));
    expect(kinds('crates')).toEqual(
      expect.arrayContaining(['minimum', 'below-minimum', 'maximum', 'above-maximum', 'whole-as-decimal']),
    );
    expect(kinds('layers')).toEqual(
      expect.arrayContaining([
        'exclusive-minimum',
        'above-exclusive-minimum',
        'exclusive-maximum',
        'below-exclusive-maximum',
      ]),
    );
    expect(kinds('weight')).toEqual(expect.arrayContaining(['minimum', 'maximum', 'decimal', 'not-multiple']));
  });
});

describe('stable ids', () => {
  it('a case keeps its id whatever else the document holds', () => {
    const full = loadContract();
    const ids = (contract: Contract, operationId: string) =>
      new Set(
        buildCatalogue(readingOf(contract), { uniquePrefix: 'ids' })
          .cases.filter((c) => c.operationId === operationId && c.family !== 'stateful')
          .map((c) => c.id),
      );
    const document = structuredClone(full.document);
    for (const path of Object.keys(document.paths ?? {})) if (path !== '/packaging_order') delete document.paths![path];
    const alone = contractFrom(document);
    expect(ids(alone, 'createPackagingOrder')).toEqual(ids(full, 'createPackagingOrder'));
    expect(isObject(alone.document.paths)).toBe(true);
  });
});
