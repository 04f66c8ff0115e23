// The checks of what a server remembers: an item read back as it was made, a list that holds what it must (and not
// what it must not), the items a transition moved as they are after it, and values that repeat what was sent.
import { isDeepStrictEqual } from 'node:util';
import { valueAt } from '../../lib/echo.ts';
import { atPointer, isObject } from '../../lib/json.ts';
import type { Json } from '../../lib/json.ts';
import type { Expectation } from '../engine/case.ts';
import type { Finding } from '../engine/result.ts';
import { finding, show, type Answered, type CheckContext } from './check-kit.ts';

/** What a read returns is what the earlier request created. */
export function sameAsEarlier(expect: Expectation, exchange: Answered, { earlier }: CheckContext): Finding | undefined {
  if (!expect.sameAs) return undefined;
  const expected = atPointer(earlier?.at(-1), expect.sameAs.earlier);
  const actual = atPointer(exchange.json, expect.sameAs.pointer);
  return finding(
    isDeepStrictEqual(expected, actual),
    `${expect.sameAs.pointer}: ${show(expected)}`,
    `${expect.sameAs.pointer}: ${show(actual)}`,
    'Return the item as it was created, for the key the link gives.',
  );
}

/** The list holds what each earlier request created, in the order they were created. */
export function includesEarlier(
  expect: Expectation,
  exchange: Answered,
  { earlier = [] }: CheckContext,
): Finding | undefined {
  if (!expect.includes) return undefined;
  const { pointer } = expect.includes;
  const items = earlier.map((answer) => atPointer(answer, expect.includes!.earlier));
  const list = atPointer(exchange.json, pointer);
  const places = Array.isArray(list)
    ? items.map((item) => list.findIndex((entry) => isDeepStrictEqual(entry, item)))
    : [];
  const found =
    places.length === items.length && places.every((place, i) => place >= 0 && (i === 0 || place > places[i - 1]!));
  const actual = !Array.isArray(list)
    ? `${pointer}: ${show(list)}`
    : places.includes(-1)
      ? `${list.length} item(s), without ${show(items[places.indexOf(-1)])}`
      : `the items at positions ${places.join(', ')}`;
  return finding(
    found,
    `${pointer} holding ${items.length} created item(s), in the order they were created`,
    actual,
    'List every item that matches, as it was created, oldest first.',
  );
}

/** The item(s) an answer carries are the ones the request acted on, as the steps before it left them. */
export function itemsAsLeft(expect: Expectation, exchange: Answered): Finding | undefined {
  if (!expect.holds) return undefined;
  const { pointer, value } = expect.holds;
  const actual = atPointer(exchange.json, pointer);
  return finding(
    isDeepStrictEqual(actual, value),
    `${pointer}: ${show(value)}`,
    `${pointer}: ${show(actual)}`,
    'Answer with the items the request names, as they are now: the state each earlier request left them in.',
  );
}

/** The list holds every item it must, in the order they were made, and none that it must not. */
export function listAsLeft(expect: Expectation, exchange: Answered): Finding | undefined {
  if (!expect.lists) return undefined;
  const { pointer, key, present, absent } = expect.lists;
  const list = atPointer(exchange.json, pointer);
  const entries = Array.isArray(list) ? list : [];
  const places = present.map((item) => entries.findIndex((entry) => isDeepStrictEqual(entry, item)));
  const missing = places.indexOf(-1);
  const unordered = places.findIndex((place, i) => i > 0 && place <= places[i - 1]!);
  const intruder = entries.find((entry) => absent.some((k) => isDeepStrictEqual(keyOf(entry, key), k)));
  const actual = !Array.isArray(list)
    ? `${pointer}: ${show(list)}`
    : missing >= 0
      ? `${entries.length} item(s), without ${show(present[missing])}`
      : unordered >= 0
        ? `the items at positions ${places.join(', ')}`
        : intruder !== undefined
          ? `${entries.length} item(s), among them ${show(intruder)}`
          : `all ${present.length} item(s) it must hold, in order, and none of the ${absent.length} it must not`;
  return finding(
    Array.isArray(list) && missing < 0 && unordered < 0 && intruder === undefined,
    `${pointer} holding ${present.length} item(s) in the order they were made, and no item whose ${key} is ${absent.map((k) => show(k)).join(' or ') || '(none)'}`,
    actual,
    'List every item that matches the list as it is now (its state after every change), oldest first, complete, and no other.',
  );
}

function keyOf(entry: Json, key: string): Json | undefined {
  return isObject(entry) ? entry[key] : undefined;
}

/** Values that repeat a parameter (`x-echoes-parameter`) repeat the one sent. */
export function parametersEchoed(expect: Expectation, exchange: Answered): Finding | undefined {
  if (!expect.echoesParameters?.length) return undefined;
  const wrong = expect.echoesParameters.find(
    ({ path, value }) => !isDeepStrictEqual(valueAt(exchange.json ?? null, path), value),
  );
  return finding(
    !wrong,
    wrong ? `/${wrong.path.join('/')}: ${show(wrong.value)}` : 'the parameters repeated',
    wrong ? `/${wrong.path.join('/')}: ${show(valueAt(exchange.json ?? null, wrong.path))}` : 'repeated',
    'Repeat the parameter as the request sent it (as the server read it).',
  );
}
