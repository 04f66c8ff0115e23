// The seed article, not our memory of it, is the reference: every field rule and error row it states must be
// in the document. The article is in ../shared beside the checkout, which CI has and a clone may not.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isObject, loadContract, type Json } from '../lib/contract.ts';
import { needs } from '../test/needs.ts';

const SEED_PATH = fileURLToPath(new URL('../../shared/seed/create-packaging-order.txt', import.meta.url));
const hasSeed = needs('the seed article tests', SEED_PATH, 'the shared folder beside the checkout holds it');
const seed = hasSeed ? readFileSync(SEED_PATH, 'utf8') : '';

function tableAfter(header: string): string[][] {
  const lines = seed.split('\n');
  const start = lines.findIndex((line) => line.trim() === header.trim());
  if (start < 0) throw new Error(`seed table not found: ${header}`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.trim().startsWith('|')) break;
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

function jsonAfter(marker: string): Json {
  const from = seed.indexOf('{', seed.indexOf(marker));
  let depth = 0;
  for (let i = from; i < seed.length; i++) {
    if (seed[i] === '{') depth++;
    if (seed[i] === '}' && --depth === 0) return JSON.parse(seed.slice(from, i + 1));
  }
  throw new Error(`no JSON after ${marker}`);
}

const contract = loadContract();
const operation = contract.operations.find((op) => op.method === 'POST' && op.path === '/packaging_order');
if (!operation) throw new Error('the document has no POST /packaging_order');
const requestBody = operation.requestBody!;
const requestSchema = requestBody.schema!.schema;
const property = (name: string) => {
  const schema = requestSchema.properties?.[name];
  return schema && contract.schemaNode(schema, '').schema;
};
const allExamples = operation.responses.flatMap((response) => response.examples.map((ex) => ({ response, ex })));

const fieldRows = hasSeed ? tableAfter('| Field | Required or Optional? | Type | Description | ') : [];
const errorRows = hasSeed ? tableAfter('| Error Message or Error Type | Error Code | Description | ') : [];

describe.runIf(hasSeed)('the seed field table is in the document', () => {
  it('reads ten fields from the seed', () => expect(fieldRows).toHaveLength(10));

  for (const [field, requirement, type, description] of fieldRows as [string, string, string, string][]) {
    describe(field, () => {
      const schema = property(field)!;

      it(`is ${requirement.toLowerCase()}`, () => {
        expect(schema, 'property missing from the request schema').toBeDefined();
        expect(requestSchema.required?.includes(field)).toBe(requirement === 'Required');
      });

      it(`has type ${type}`, () => {
        const allowed = { String: ['string'], Number: ['number', 'integer'], Boolean: ['boolean'] }[type];
        expect(allowed, `unknown seed type ${type}`).toBeDefined();
        expect(allowed).toContain(schema.type);
      });

      const length = description.match(/character length is (\d+)-(\d+)/);
      if (length) {
        it(`is ${length[1]}–${length[2]} characters long`, () => {
          expect([schema.minLength, schema.maxLength]).toEqual([Number(length[1]), Number(length[2])]);
        });
      }

      const range = description.match(/range is (\d+)-(\d+)|between (\d+) and (\d+)/);
      if (range) {
        const [min, max] = (range[1] ? [range[1], range[2]] : [range[3], range[4]]).map(Number);
        it(`lies between ${min} and ${max}`, () => expect([schema.minimum, schema.maximum]).toEqual([min, max]));
      }

      const only = description.match(/supports one value, "([^"]+)"/);
      if (only) it(`accepts only ${only[1]}`, () => expect(schema.enum).toEqual([only[1]]));

      const dayZero = description.match(/can be written as (\d{6})/);
      if (dayZero) {
        it(`accepts the seed's day-00 example ${dayZero[1]}`, () => {
          expect(new RegExp(String(schema.pattern), 'u').test(dayZero[1]!)).toBe(true);
        });
      }
    });
  }

  it('accepts market (backward compatibility) and never echoes it', () => {
    expect(seed).toMatch(/market value passed in the request is accepted/);
    expect(property('market')).toBeDefined();
    const created = operation.responses.find((response) => response.status === '200')!;
    const data = contract.schemaNode(created.schema!.schema.properties!.data!, '').schema;
    expect(Object.keys(data.properties!)).not.toContain('market');
  });
});

describe.runIf(hasSeed)('the seed error table is in the document', () => {
  it('reads five errors from the seed', () => expect(errorRows).toHaveLength(5));

  for (const [message, code] of errorRows as [string, string][]) {
    it(`documents "${message}"${code === '-' ? ' without a code' : ` with code ${code}`}`, () => {
      const found = allExamples.filter(({ ex }) => isObject(ex.value) && ex.value.message === message);
      expect(found.length, 'no response example carries this message').toBeGreaterThan(0);
      for (const { ex } of found) {
        const value = isObject(ex.value) ? ex.value : {};
        if (code === '-') expect(value).not.toHaveProperty('code');
        else expect(value.code).toBe(code);
        expect(ex.errorCase, 'the example names no x-error-case').toBeTruthy();
      }
    });
  }
});

describe.runIf(hasSeed)('the seed samples are the document examples', () => {
  it('the cURL body is a named request example', () => {
    const sampleRequest = jsonAfter('Sample cURL Request');
    const named = requestBody.examples.map((ex) => ex.value);
    expect(named).toContainEqual(sampleRequest);
  });

  it('the success sample is the 200 example', () => {
    const created = operation.responses.find((response) => response.status === '200')!;
    expect(created.examples.map((ex) => ex.value)).toContainEqual(jsonAfter('Sample Response (Success 200)'));
  });
});
