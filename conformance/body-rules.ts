// Cases for the field rules of a JSON request body, read from its schema: each bound is tried just inside
// (accepted) and just outside (rejected, naming that field), each required field is left out, each type is
// swapped, and values the schema lists in `examples` / `x-invalid-examples` are sent as they are.
import { isObject, type Json, type JsonObject } from '../lib/contract.ts';
import type { Case } from './case.ts';
import { escape, type OperationContext } from './cases.ts';

interface Probe {
  kind: string;
  title: string;
  keyword: string;
  value: Json;
}

export function bodyRuleCases(context: OperationContext): Case[] {
  const schema = context.bodySchema;
  const full = context.fullBody();
  if (!schema || !isObject(full)) return [];
  const required = (schema.required as string[] | undefined) ?? [];
  const properties = (schema.properties as JsonObject | undefined) ?? {};
  const requiredOnly = () =>
    Object.fromEntries(Object.entries(context.fullBody()!).filter(([key]) => required.includes(key)));
  const cases: Case[] = [];
  const firstFaults: JsonObject = {};

  for (const [name, raw] of Object.entries(properties)) {
    const property = context.contract.resolve(raw as JsonObject);
    const pointer =
      typeof (raw as JsonObject).$ref === 'string'
        ? String((raw as JsonObject).$ref)
        : `${context.bodySchemaPointer}/properties/${escape(name)}`;
    const unique = property['x-unique'] === true;
    const accepted = (kind: string, title: string, keyword: string, body: JsonObject) =>
      cases.push(
        context.make(
          'success',
          `body.${name}.${kind}`,
          title,
          keyword ? `${pointer}/${keyword}` : pointer,
          context.request({ body }),
          context.expectSuccess(body),
        ),
      );
    const rejected = (probe: Probe) => {
      const body = { ...context.fullBody()!, [name]: probe.value };
      cases.push(
        context.make(
          'body rules',
          `body.${name}.${probe.kind}`,
          probe.title,
          `${pointer}/${probe.keyword}`,
          context.request({ body }),
          context.expectError('body-invalid', { fields: [name] }),
        ),
      );
    };

    if (required.includes(name)) {
      const body = context.fullBody()!;
      delete body[name];
      cases.push(
        context.make(
          'body rules',
          `body.${name}.missing`,
          `required ${name} is missing`,
          `${context.bodySchemaPointer}/required`,
          context.request({ body }),
          context.expectError('body-invalid', { fields: [name] }),
        ),
      );
    } else if (name in full) {
      accepted('present-alone', `optional ${name} sent with the required fields only`, '', {
        ...requiredOnly(),
        [name]: full[name]!,
      });
      const without = context.fullBody()!;
      delete without[name];
      accepted('absent', `optional ${name} left out`, '', without);
    }

    for (const probe of validProbes(property, unique ? context.unique : undefined)) {
      accepted(probe.kind, probe.title, probe.keyword, { ...context.fullBody()!, [name]: probe.value });
    }
    const invalid = invalidProbes(property);
    for (const probe of invalid) rejected(probe);
    if (invalid[0]) firstFaults[name] = invalid[0].value;
  }

  const several = Object.keys(firstFaults).slice(0, 3);
  if (several.length > 1) {
    const body = { ...context.fullBody()!, ...Object.fromEntries(several.map((name) => [name, firstFaults[name]!])) };
    const errorsRule = fieldErrorsPointer(context);
    cases.push(
      context.make(
        'body rules',
        'body.several-fields',
        `${several.join(', ')} all at fault: each is listed`,
        errorsRule,
        context.request({ body }),
        context.expectError('body-invalid', { fields: several }),
      ),
    );
  }

  if (schema.additionalProperties === false) {
    const body = { ...context.fullBody()!, x_undocumented_property: 'x' };
    cases.push(
      context.make(
        'body rules',
        'body.unknown-property',
        'a property the document does not list',
        `${context.bodySchemaPointer}/additionalProperties`,
        context.request({ body }),
        context.expectError('body-invalid', { fields: ['x_undocumented_property'] }),
      ),
    );
  }
  if (schema.type === 'object') {
    cases.push(
      context.make(
        'body rules',
        'body.not-an-object',
        'a JSON array instead of an object',
        `${context.bodySchemaPointer}/type`,
        context.request({ body: [] }),
        context.expectError('body-invalid', { fields: [''] }),
      ),
    );
  }
  return cases;
}

/** Where the document says every offending field is listed: the `x-field-errors` property of the 422 schema. */
function fieldErrorsPointer(context: OperationContext): string {
  const schemaRef = context.expectError('body-invalid').schema;
  const base = schemaRef && typeof schemaRef.$ref === 'string' ? schemaRef.$ref : `${context.pointer}/responses`;
  const properties =
    (schemaRef ? (context.contract.resolve(schemaRef).properties as JsonObject | undefined) : undefined) ?? {};
  const listed = Object.keys(properties).find(
    (name) => context.contract.resolve(properties[name] as JsonObject)['x-field-errors'] === true,
  );
  return listed ? `${base}/properties/${escape(listed)}` : base;
}

/** Values the property must accept: its bounds, its enum, its documented examples. */
function validProbes(schema: JsonObject, unique?: () => string): Probe[] {
  const probes: Probe[] = [];
  const text = (length: number) => (unique ? fit(unique(), length) : 'A'.repeat(length));
  if (schema.type === 'string' && schema.pattern === undefined) {
    if (typeof schema.minLength === 'number')
      probes.push({
        kind: 'min-length',
        title: `${schema.minLength} character(s), the minimum`,
        keyword: 'minLength',
        value: text(schema.minLength),
      });
    if (typeof schema.maxLength === 'number')
      probes.push({
        kind: 'max-length',
        title: `${schema.maxLength} characters, the maximum`,
        keyword: 'maxLength',
        value: text(schema.maxLength),
      });
  }
  if (typeof schema.minimum === 'number')
    probes.push({
      kind: 'minimum',
      title: `${schema.minimum}, the minimum`,
      keyword: 'minimum',
      value: schema.minimum,
    });
  if (typeof schema.maximum === 'number')
    probes.push({
      kind: 'maximum',
      title: `${schema.maximum}, the maximum`,
      keyword: 'maximum',
      value: schema.maximum,
    });
  for (const value of (schema.enum as Json[] | undefined) ?? [])
    probes.push({
      kind: `enum-${String(value)}`,
      title: `the allowed value ${JSON.stringify(value)}`,
      keyword: 'enum',
      value,
    });
  if (schema.type === 'boolean')
    for (const value of [true, false])
      probes.push({ kind: `${value}`, title: `the boolean ${value}`, keyword: 'type', value });
  if (!unique) {
    for (const value of (schema.examples as Json[] | undefined) ?? []) {
      probes.push({
        kind: `example-${String(value)}`,
        title: `the documented example ${JSON.stringify(value)}`,
        keyword: 'examples',
        value,
      });
    }
  }
  return dedupe(probes);
}

/** Values the property must reject: one step past each bound, another type, null, documented invalid values. */
function invalidProbes(schema: JsonObject): Probe[] {
  const probes: Probe[] = [];
  const types = [schema.type].flat().filter(Boolean) as string[];
  if (types.length === 0) return probes; // an untyped property (accepted for compatibility) has no rule to break
  if (types.includes('string') && schema.pattern === undefined) {
    if (typeof schema.minLength === 'number' && schema.minLength > 0)
      probes.push({
        kind: 'below-min-length',
        title: `${schema.minLength - 1} characters, one below the minimum`,
        keyword: 'minLength',
        value: 'A'.repeat(schema.minLength - 1),
      });
    if (typeof schema.maxLength === 'number')
      probes.push({
        kind: 'above-max-length',
        title: `${schema.maxLength + 1} characters, one above the maximum`,
        keyword: 'maxLength',
        value: 'A'.repeat(schema.maxLength + 1),
      });
  }
  for (const value of (schema['x-invalid-examples'] as Json[] | undefined) ?? []) {
    probes.push({
      kind: `invalid-${String(value)}`,
      title: `the documented invalid value ${JSON.stringify(value)}`,
      keyword: schema.pattern ? 'pattern' : 'x-invalid-examples',
      value,
    });
  }
  const integer = types.includes('integer');
  if (typeof schema.minimum === 'number')
    probes.push({
      kind: 'below-minimum',
      title: `${schema.minimum - 1}, below the minimum`,
      keyword: 'minimum',
      value: schema.minimum - 1,
    });
  if (typeof schema.maximum === 'number')
    probes.push({
      kind: 'above-maximum',
      title: `${schema.maximum + 1}, above the maximum`,
      keyword: 'maximum',
      value: schema.maximum + 1,
    });
  if (integer)
    probes.push({
      kind: 'decimal',
      title: 'a number with decimals for a whole number',
      keyword: 'type',
      value: midpoint(schema) + 0.5,
    });
  if (Array.isArray(schema.enum))
    probes.push({
      kind: 'not-in-enum',
      title: 'a value outside the allowed ones',
      keyword: 'enum',
      value: outside(schema.enum as Json[]),
    });
  const sample = sampleOf(schema);
  if (types.includes('number') || integer)
    probes.push({
      kind: 'numeric-string',
      title: `the string "${sample}" for a number`,
      keyword: 'type',
      value: String(sample),
    });
  if (types.includes('boolean'))
    probes.push({ kind: 'string-true', title: 'the string "true" for a boolean', keyword: 'type', value: 'true' });
  if (types.includes('string'))
    probes.push({ kind: 'number', title: 'a number for a string', keyword: 'type', value: 12345 });
  if (!types.includes('null')) probes.push({ kind: 'null', title: 'null', keyword: 'type', value: null });
  return probes;
}

function midpoint(schema: JsonObject): number {
  const min = typeof schema.minimum === 'number' ? schema.minimum : 0;
  const max = typeof schema.maximum === 'number' ? schema.maximum : min + 20;
  return Math.floor((min + max) / 2);
}

function sampleOf(schema: JsonObject): Json {
  return (
    ((schema.examples as Json[] | undefined) ?? [])[0] ?? (typeof schema.minimum === 'number' ? schema.minimum : 1)
  );
}

function outside(values: Json[]): string {
  const first = String(values[0]);
  const lower = first.toLowerCase();
  return values.includes(lower) ? `${first}_UNSUPPORTED` : lower;
}

/** A unique value cut or padded to an exact length. */
function fit(value: string, length: number): string {
  if (length >= value.length) return value.padEnd(length, '0');
  return value.slice(-length);
}

function dedupe(probes: Probe[]): Probe[] {
  const seen = new Set<string>();
  return probes.filter((probe) => !seen.has(probe.kind) && seen.add(probe.kind));
}
