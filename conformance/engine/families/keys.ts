// Keys compared byte for byte: after an item is created, a key that differs from its key only in case, surrounding
// white space, by a character less (a prefix) or more (an extension), or in Unicode normalisation names another
// item: a read of it is not found, and a create of it makes a new item. A database collation, a trim, a LIKE query
// or a normaliser in a server's lookups breaks exactly one of these.
import { isObject, type Json } from '../../../lib/json.ts';
import { lifecyclesOf } from '../../../lib/lifecycle.ts';
import type { Case } from '../case.ts';
import type { OperationContext } from '../context.ts';
import { stepCase, storeSteps, type StoreSteps } from '../store-steps.ts';

/** The ways a key can almost be another, and the key each makes of `key`. */
const NEAR_MISSES: Record<string, { title: string; of: (key: string) => string }> = {
  'other-case': { title: 'its letters in the other case', of: swapCase },
  'leading-space': { title: 'a space before it', of: (key) => ` ${key}` },
  'trailing-space': { title: 'a space after it', of: (key) => `${key} ` },
  prefix: { title: 'its last character left out', of: (key) => key.slice(0, -1) },
  extension: { title: 'a character more at its end', of: (key) => `${key}x` },
  'other-normalisation': {
    title: 'its accents as combining characters (Unicode NFD)',
    of: (key) => key.normalize('NFD'),
  },
};

/**
 * Endings for the created key, the first its schema takes: letters of both cases (a case swap changes them) and a
 * letter with an accent (its NFD form differs from its NFC one).
 */
const ENDINGS = ['-Éé', '-Ab'];

/** Cases of a store are made once, by its create. */
export function keyCases(context: OperationContext): Case[] {
  const lifecycle = lifecyclesOf(context.contract).find((l) => l.create.operationId === context.operation.operationId);
  const steps = storeSteps(context, lifecycle);
  if (!steps) return [];
  // A key of its own for each case: no two cases may make the same item.
  const newKey = () => ENDINGS.map((ending) => steps.newKey(ending)).find((candidate) => createTakes(steps, candidate));
  return Object.entries(NEAR_MISSES).flatMap(([kind, miss]) => {
    const [forRead, forCreate] = [newKey(), newKey()];
    if (forRead === undefined || forCreate === undefined || miss.of(forRead) === forRead) return [];
    return [
      ...readCase(steps, { key: forRead, other: miss.of(forRead), kind, how: miss.title }),
      ...createCase(steps, { key: forCreate, other: miss.of(forCreate), kind, how: miss.title }),
    ];
  });
}

/** A created key and its near miss: `other` is `key` with `how` (the near miss named `kind`). */
interface NearMiss {
  key: string;
  other: string;
  kind: string;
  how: string;
}

/** A read of the near-miss key, after a create of the key, is not found. */
function readCase(steps: StoreSteps, { key, other, kind, how }: NearMiss): Case[] {
  const read = steps.read;
  const parameter = read?.operation.parameters.find(
    (p) => read.operation.resource?.action === 'read' && p.name === read.operation.resource.key,
  );
  const last = steps.readStep(other, undefined);
  if (!read || !parameter || !last) return [];
  if (parameter.schema && read.validator.problems(parameter.schema, other).length > 0) {
    read.note(`keys.${kind}.read left out: the key with ${how} breaks the parameter's schema`);
    return [];
  }
  const title = `after a create, a read of its key with ${how} is not found: another key`;
  const rule = `${read.operation.pointer}/x-resource`;
  return [stepCase(read, { family: 'keys', part: `keys.${kind}.read`, title, rule }, last, [steps.createStep(key)])];
}

/** A create under the near-miss key, after a create of the key, makes a new item. */
function createCase(steps: StoreSteps, { key, other, kind, how }: NearMiss): Case[] {
  const { create } = steps;
  if (!createTakes(steps, other)) {
    create.note(`keys.${kind}.create left out: the key with ${how} breaks the create's schema`);
    return [];
  }
  const last = steps.createStep(other);
  const title = `after a create, a create of its key with ${how} makes another item`;
  const rule = `${create.operation.pointer}/x-resource`;
  const prelude = [steps.createStep(key)];
  return [stepCase(create, { family: 'keys', part: `keys.${kind}.create`, title, rule }, last, prelude)];
}

/** Whether the create's body schema takes this key. */
function createTakes(steps: StoreSteps, key: string): boolean {
  const schema = steps.create.operation.requestBody?.schema;
  const body: Json = steps.bodyFor(key);
  return !schema || !isObject(body) || steps.create.validator.problems(schema, body).length === 0;
}

function swapCase(text: string): string {
  return [...text].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
}
