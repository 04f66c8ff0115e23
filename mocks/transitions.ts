// The items a read or a transition names, and the `transition` action of `x-resource`, all from the document: the
// key place (a parameter, else a body property, an array naming several), the state property, the states it may
// leave and the one it enters. A transition is planned before anything changes, so that it is all or nothing: one
// unknown key, or one item in a state its `from` does not list, and no item moves.
import { isDeepStrictEqual } from 'node:util';
import type { Contract, Operation } from '../lib/contract.ts';
import { isObject, type Json } from '../lib/json.ts';
import { keyPlace, keysIn } from '../lib/lifecycle.ts';
import type { Transition } from '../lib/openapi.ts';
import type { Store } from './store.ts';
import type { MockRequest } from './types.ts';

/** What a read or transition names: its keys as text, and whether an answer carries one item or an array. */
export interface Named {
  keys: string[];
  many: boolean;
}

/** The keys a read or transition names; undefined when it names none its key place can read. */
export function namedKeys(
  contract: Contract,
  operation: Operation,
  request: MockRequest,
  body: Json | undefined,
): Named | undefined {
  const place = keyPlace(contract, operation);
  if (!place) return undefined;
  const keys = keysIn(place, operation, request, body);
  return keys && { keys, many: 'property' in place && place.many };
}

/** What a transition would do to the store as it stands: nothing (a key unknown, an item refused), or move them. */
export type Plan =
  | { outcome: 'not-found' }
  /** The items named as they stand, one or an array as the key names them. */
  | { outcome: 'refused'; standing: Json }
  | { outcome: 'moves'; keys: string[]; moved: Json[]; carried: Json };

export function planOf(store: Store, name: string, transition: Transition, named: Named): Plan {
  const standing = named.keys.map((key) => store.get(name, key));
  if (standing.some((item) => item === undefined)) return { outcome: 'not-found' };
  if (!standing.every((item) => mayMove(item!, transition)))
    return { outcome: 'refused', standing: carried(named, standing as Json[]) };
  const moved = standing.map((item) => (isObject(item) ? { ...item, [transition.state]: transition.to } : item!));
  return { outcome: 'moves', keys: named.keys, moved, carried: carried(named, moved) };
}

/** Stores the items moved, every one (each key is known: putting it again never meets the store's limit). */
export function move(store: Store, name: string, plan: Extract<Plan, { outcome: 'moves' }>): void {
  plan.keys.forEach((key, index) => store.put(name, key, plan.moved[index]!));
}

/** Whether an item is in a state the transition leaves from. */
function mayMove(item: Json, transition: Transition): boolean {
  return isObject(item) && transition.from.some((state) => isDeepStrictEqual(item[transition.state], state));
}

/** One item for a single key, the array of them in the order named for an array key. */
function carried(named: Named, items: Json[]): Json {
  return named.many ? items : (items[0] ?? null);
}
