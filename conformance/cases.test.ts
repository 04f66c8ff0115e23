// The catalogue is derived from the document: these tests read the document's rules and look for the cases
// that keep and break each one, as the conformance issue lists them.
import { describe, expect, it } from 'vitest';
import { loadContract, type JsonObject } from '../lib/contract.ts';
import { buildCases } from './cases.ts';

const contract = loadContract();
const cases = buildCases(contract, { uniquePrefix: 'catalogue' });
const operation = contract.operations[0]!;
const media = (contract.resolve(operation.raw.requestBody as JsonObject).content as JsonObject)[
  'application/json'
] as JsonObject;
const schema = contract.resolve(media.schema as JsonObject);
const properties = schema.properties as JsonObject;
const field = (name: string) => contract.resolve(properties[name] as JsonObject);
const sentValues = (name: string, status: number) =>
  cases
    .filter((c) => c.expect.status === status && c.request.body?.startsWith('{'))
    .map((c) => (JSON.parse(c.request.body!) as JsonObject)[name]);

describe('case catalogue', () => {
  it('ids are unique and every rule points into the document', () => {
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const c of cases) expect(c.rule, c.id).toMatch(/^#\//);
  });

  it('each required field is left out once', () => {
    for (const name of schema.required as string[]) expect(cases.map((c) => c.id)).toContain(`body.${name}.missing`);
  });

  it('numbers are tried at and just past each bound', () => {
    for (const [name, raw] of Object.entries(properties)) {
      const rules = contract.resolve(raw as JsonObject);
      if (typeof rules.maximum !== 'number') continue;
      expect(sentValues(name, 200)).toEqual(expect.arrayContaining([rules.minimum, rules.maximum]));
      expect(sentValues(name, 422)).toEqual(
        expect.arrayContaining([(rules.minimum as number) - 1, (rules.maximum as number) + 1]),
      );
    }
  });

  it('a whole number is also sent with decimals and as a string', () => {
    const integers = Object.keys(properties).filter((name) => field(name).type === 'integer');
    expect(integers.length).toBeGreaterThan(0);
    for (const name of integers) {
      expect(sentValues(name, 422).some((v) => typeof v === 'number' && !Number.isInteger(v))).toBe(true);
      expect(sentValues(name, 422).some((v) => typeof v === 'string')).toBe(true);
    }
  });

  it('strings are tried at lengths min, max, min-1 and max+1', () => {
    for (const [name, raw] of Object.entries(properties)) {
      const rules = contract.resolve(raw as JsonObject);
      if (rules.type !== 'string' || rules.pattern || typeof rules.maxLength !== 'number') continue;
      const lengths = (status: number) =>
        sentValues(name, status)
          .filter((v) => typeof v === 'string')
          .map((v) => (v as string).length);
      expect(lengths(200)).toEqual(expect.arrayContaining([rules.minLength, rules.maxLength]));
      expect(lengths(422)).toEqual(
        expect.arrayContaining([(rules.minLength as number) - 1, (rules.maxLength as number) + 1]),
      );
    }
  });

  it('documented valid and invalid examples are sent as they are', () => {
    for (const [name, raw] of Object.entries(properties)) {
      const rules = contract.resolve(raw as JsonObject);
      if (rules['x-unique'] === true) continue;
      expect(sentValues(name, 200)).toEqual(expect.arrayContaining((rules.examples as unknown[]) ?? []));
      expect(sentValues(name, 422)).toEqual(expect.arrayContaining((rules['x-invalid-examples'] as unknown[]) ?? []));
    }
  });

  it('booleans reject the string "true", and every typed field rejects null', () => {
    for (const name of Object.keys(properties).filter((n) => field(n).type === 'boolean'))
      expect(sentValues(name, 422)).toContain('true');
    for (const name of Object.keys(properties).filter((n) => field(n).type))
      expect(sentValues(name, 422)).toContain(null);
  });

  it('values of x-unique fields are new in every request', () => {
    const ids = cases
      .filter((c) => c.expect.status === 200)
      .map((c) => (JSON.parse(c.request.body!) as JsonObject).order_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(
      ids
        .filter((id) => typeof id === 'string' && id.length > 1)
        .every((id) => (id as string).startsWith('catalogue-')),
    ).toBe(true);
  });

  it('covers each documented error case of the operation', () => {
    const documented = operation.responses.flatMap((r) => r.examples.map((ex) => ex.errorCase)).filter(Boolean);
    const covered = new Set(cases.map((c) => c.expect.errorCase));
    for (const errorCase of documented) expect(covered, String(errorCase)).toContain(errorCase);
  });

  it('secrets stay placeholders until sent', () => {
    for (const c of cases) expect(JSON.stringify(c.request)).not.toMatch(/Ky1Spf|mock-token/);
  });
});
