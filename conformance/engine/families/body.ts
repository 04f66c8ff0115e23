// The field rules of a JSON request body, at every depth: each place the schema walker finds gets the values of
// conformance/schema/values.ts, one fault per request. The document's own schema (ajv) confirms each value is
// valid or invalid as meant and that the invalid one is at fault at that place only; a probe it contradicts is
// left out with a note, never turned into a case the contract does not back.
import { fieldErrorsOf, fieldErrorsProperty, fieldName } from '../../../lib/field-errors.ts';
import type { Json } from '../../../lib/json.ts';
import type { Case } from '../case.ts';
import type { OperationContext } from '../context.ts';
import { setAt, slotsOf, type Path, type Slot } from '../schema/slots.ts';
import { candidatesFor, ruleAt, type Candidate } from '../schema/values.ts';

export function bodyCases(context: OperationContext): Case[] {
  const { contract, operation, validator } = context;
  const root = operation.requestBody?.schema;
  const example = context.body();
  if (!root || example === undefined) return [];
  const cases: Case[] = [];
  const firstFaults = new Map<string, { at: Path; value: Json }>();
  const rejectedCredential = context.expectError('credentials-rejected');

  for (const slot of slotsOf(contract, root, example)) {
    const credential = slot.node.schema['x-credential'] === true;
    for (const candidate of candidatesFor(contract, slot, context)) {
      const at = candidate.at ?? slot.path;
      const body = setAt(context.fresh(slot.base), at, candidate.remove ? undefined : candidate.value);
      const problems = validator.problems(root, body);
      const valid = problems.length === 0;
      const id = `body${slot.label ? `.${slot.label}` : ''}.${candidate.kind}`;
      if (candidate.valid !== undefined && candidate.valid !== valid) {
        context.note(`${id} left out: meant ${candidate.valid ? 'valid' : 'invalid'}, the schema says otherwise`);
        continue;
      }
      const field = fieldName(at);
      if (!valid) {
        const named = fieldErrorsOf(problems).map((f) => f.field);
        if (named.length !== 1 || named[0] !== field) {
          context.note(
            `${id} left out: meant to fault ${field || '(the body)'}, the schema faults ${named.join(', ')}`,
          );
          continue;
        }
        if (slot.path.length === 1 && !candidate.remove && !firstFaults.has(slot.field))
          firstFaults.set(slot.field, { at, value: candidate.value ?? null });
      }
      const expect = valid
        ? credential && rejectedCredential
          ? rejectedCredential
          : context.expectAccepted(body)
        : context.expectError('fields-invalid', { fields: [field] });
      if (!expect) continue;
      const request = context.request(
        candidate.raw === undefined ? { body } : { rawBody: withRaw(body, at, candidate.raw) },
      );
      cases.push(
        context.make({
          family: 'body',
          part: id,
          title: candidate.title,
          rule: ruleOf(slot, candidate),
          request,
          expect,
        }),
      );
    }
  }
  const several = severalFields(context, firstFaults);
  return several ? [...cases, several] : cases;
}

/** Three fields at fault at once: each must be listed, each once. */
function severalFields(context: OperationContext, faults: Map<string, { at: Path; value: Json }>): Case | undefined {
  const chosen = [...faults].slice(0, 3);
  const root = context.operation.requestBody?.schema;
  let body = context.body();
  if (chosen.length < 2 || !root || body === undefined) return undefined;
  for (const [, { at, value }] of chosen) body = setAt(body, at, value);
  const fields = chosen.map(([field]) => field);
  const named = fieldErrorsOf(context.validator.problems(root, body)).map((f) => f.field);
  if (named.sort().join() !== [...fields].sort().join()) return undefined;
  const expect = context.expectError('fields-invalid', { fields });
  if (!expect) return undefined;
  const listed = fieldErrorsProperty(context.contract, expect.schema);
  const rule = expect.schema
    ? `${expect.schema.pointer}${listed ? `/properties/${listed}` : ''}`
    : context.operation.pointer;
  return context.make({
    family: 'body',
    part: 'body.several-fields',
    title: `${fields.join(', ')} all at fault: each is listed once`,
    rule,
    request: context.request({ body }),
    expect,
  });
}

/** The keyword the candidate tests where the schema writes it, else the schema of the place itself. */
function ruleOf(slot: Slot, candidate: Candidate): string {
  if (candidate.keyword === 'required') return `${slot.parentPointer ?? slot.node.pointer}/required`;
  return ruleAt(slot.node, candidate.keyword);
}

/** The body as JSON, with the value at `at` written in its own spelling (`1e5`, `100000.0`). */
function withRaw(body: Json, at: Path, raw: string): string {
  const marker = `\u0000raw-literal\u0000`;
  return JSON.stringify(setAt(body, at, marker)).replace(JSON.stringify(marker), raw);
}
