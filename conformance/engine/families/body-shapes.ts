// Bodies the place-by-place walk (body.ts) never sends, each of which a real server has got wrong: the smallest
// bodies (`{}`, `[]`, `null`, a bare string), a documented property whose name differs only in case or surrounding
// white space, and pairs of fields at their limits at once, where a server's arithmetic across fields breaks. What
// each must get, the document's own schema says (ajv): accepted, or refused naming exactly the fields it names.
import { fieldErrorsOf } from '../../../lib/field-errors.ts';
import { isObject, type Json } from '../../../lib/json.ts';
import type { SchemaNode } from '../../../lib/contract.ts';
import type { Case } from '../case.ts';
import type { OperationContext } from '../context.ts';
import { setAt, slotsOf, type Slot } from '../schema/slots.ts';
import { candidatesFor, ruleAt, type Candidate } from '../schema/values.ts';

/** The smallest bodies of each JSON kind, as their text. */
const SMALLEST: [string, string][] = [
  ['empty-object', '{}'],
  ['empty-array', '[]'],
  ['null', 'null'],
  ['bare-string', '"text"'],
];

/** Names a client may mistake for a documented one. */
const NAME_MISSES: [string, (name: string) => string][] = [
  ['other-case', (name) => [...name].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('')],
  ['leading-space', (name) => ` ${name}`],
  ['trailing-space', (name) => `${name} `],
];

/** The bound candidates of one field that a pair puts at its limit. */
const AT_LIMIT: Record<'minimum' | 'maximum', string[]> = {
  minimum: ['minimum', 'min-length'],
  maximum: ['maximum', 'max-length'],
};

export function bodyShapeCases(context: OperationContext): Case[] {
  const root = context.operation.requestBody?.schema;
  const example = context.body();
  if (!root || example === undefined || !context.operation.requestBody?.jsonMediaType) return [];
  return [...smallestBodies(context, root), ...nameMisses(context, example, root), ...limitPairs(context, example)];
}

/** The case of a body, expecting what the schema says of it. */
function judged(
  context: OperationContext,
  part: string,
  title: string,
  rule: string,
  body: Json,
  raw?: string,
): Case[] {
  const root = context.operation.requestBody!.schema!;
  const fields = [...new Set(fieldErrorsOf(context.validator.problems(root, body)).map((f) => f.field))].sort();
  const expect = fields.length ? context.expectError('fields-invalid', { fields }) : context.expectAccepted(body);
  if (!expect) return [];
  const request = context.request(raw === undefined ? { body } : { rawBody: raw });
  return [context.make({ family: 'body', part: `body.${part}`, title, rule, request, expect })];
}

function smallestBodies(context: OperationContext, root: SchemaNode): Case[] {
  // An empty object breaks the object's own rules (required, minProperties); the others, its type.
  const emptyRule = ['required', 'minProperties'].find((keyword) => keyword in root.schema) ?? 'type';
  return SMALLEST.flatMap(([kind, text]) => {
    const rule = ruleAt(root, kind === 'empty-object' ? emptyRule : 'type');
    return judged(context, `smallest.${kind}`, `the body ${text}`, rule, JSON.parse(text) as Json, text);
  });
}

/** Each documented property of the body sent under a name that is almost its own. */
function nameMisses(context: OperationContext, example: Json, root: SchemaNode): Case[] {
  if (!isObject(example)) return [];
  return Object.keys(example).flatMap((name) =>
    NAME_MISSES.flatMap(([kind, miss]) => {
      const other = miss(name);
      if (other === name || other in example) return [];
      const body = Object.fromEntries(
        Object.entries(context.fresh(example) as Record<string, Json>).map(([k, v]) => [k === name ? other : k, v]),
      );
      const title = `${name} sent as ${JSON.stringify(other)}`;
      return judged(context, `name.${name}.${kind}`, title, ruleAt(root, 'additionalProperties'), body);
    }),
  );
}

/** Every pair of top-level fields with a bound, both at their minimum, then both at their maximum. */
function limitPairs(context: OperationContext, example: Json): Case[] {
  const root = context.operation.requestBody!.schema!;
  const bounded = slotsOf(context.contract, root, example)
    .filter((slot) => slot.path.length === 1 && slot.node.schema['x-credential'] !== true)
    .map((slot) => ({ slot }));
  // Candidates drawn anew for each pair: an `x-unique` field takes a new value in every case.
  const limitOf = (slot: Slot, limit: 'minimum' | 'maximum') =>
    atLimit(candidatesFor(context.contract, slot, context), limit);
  const cases: Case[] = [];
  for (const [i, a] of bounded.entries())
    for (const b of bounded.slice(i + 1))
      for (const limit of ['minimum', 'maximum'] as const) {
        const [first, second] = [limitOf(a.slot, limit), limitOf(b.slot, limit)];
        if (!first || !second) continue;
        const body = setAt(
          setAt(context.fresh(example), a.slot.path, first.value ?? null),
          b.slot.path,
          second.value ?? null,
        );
        const title = `${a.slot.field} and ${b.slot.field} both at their ${limit}`;
        cases.push(
          ...judged(context, `pair.${a.slot.label}.${b.slot.label}.${limit}`, title, ruleOf(a.slot, first), body),
        );
      }
  return cases;
}

function atLimit(candidates: Candidate[], limit: 'minimum' | 'maximum'): Candidate | undefined {
  return candidates.find((c) => c.valid === true && AT_LIMIT[limit].includes(c.kind) && c.raw === undefined);
}

function ruleOf(slot: Slot, candidate: Candidate): string {
  return ruleAt(slot.node, candidate.keyword);
}
