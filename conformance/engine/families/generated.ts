// Generated cases on top of the deterministic ones: per operation with a JSON body, random valid bodies that
// must be accepted (and echoed exactly), and random valid bodies given one fault from the body family's probes,
// which must be refused naming that field. The runner draws `--generated N` of each with `--seed`, and shrinks a
// failing one to the smallest body that still fails.
import fc from 'fast-check';
import { fieldErrorsOf, fieldName } from '../../../lib/field-errors.ts';
import type { Json } from '../../../lib/json.ts';
import type { Case, Drawn } from '../case.ts';
import type { OperationContext } from '../context.ts';
import { arbitraryOf } from '../schema/arbitrary.ts';
import { setAt, slotsOf } from '../schema/slots.ts';
import { candidatesFor } from '../schema/values.ts';

export function generatedCases(context: OperationContext): Case[] {
  const { contract, operation, validator } = context;
  const root = operation.requestBody?.schema;
  const example = context.body();
  if (!root || example === undefined) return [];
  const valid = (body: Json) => validator.problems(root, body).length === 0;
  const bodies = arbitraryOf(contract, root)
    .map((body) => context.fresh(body))
    .filter(valid);

  const accepted = bodies.map((body): Drawn => ({
    request: context.request({ body }),
    expect: context.expectAccepted(body),
  }));
  const faults = slotsOf(contract, root, example).flatMap((slot) =>
    candidatesFor(contract, slot, context)
      .filter((c) => c.valid === false && c.raw === undefined)
      .map((c) => ({ at: c.at ?? slot.path, remove: c.remove === true, value: c.value ?? null })),
  );
  const cases: Case[] = [];
  const sample = (drawn: fc.Arbitrary<Drawn>) => fc.sample(drawn, { numRuns: 1, seed: 1 })[0]!;
  const make = (kind: 'valid' | 'one-fault', title: string, arbitrary: fc.Arbitrary<Drawn>) => {
    const { request, expect } = sample(arbitrary);
    cases.push({
      ...context.make({
        family: 'generated',
        part: `generated.${kind}-bodies`,
        title,
        rule: root.pointer,
        request,
        expect,
      }),
      property: { kind, arbitrary },
    });
  };
  make('valid', 'random bodies the schema allows are accepted', accepted);
  if (faults.length > 0) {
    const faulty = fc
      .tuple(bodies, fc.constantFrom(...faults))
      .map(([body, fault]) => ({
        body: setAt(body, fault.at, fault.remove ? undefined : fault.value),
        field: fieldName(fault.at),
      }))
      .filter(({ body, field }) => {
        const named = fieldErrorsOf(validator.problems(root, body)).map((f) => f.field);
        return named.length === 1 && named[0] === field;
      })
      .map(({ body, field }): Drawn => ({
        request: context.request({ body }),
        expect: context.expectError('fields-invalid', { fields: [field] })!,
      }));
    if (context.expectError('fields-invalid'))
      make('one-fault', 'random bodies with one field at fault are refused, naming it', faulty);
  }
  return cases;
}
