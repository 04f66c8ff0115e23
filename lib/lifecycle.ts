// The lifecycle of a store's items, read from `x-resource` and nothing else: the state a created item starts in (the
// `const` its create answer's echo gives it, `status: Open`), the transitions between states, and where a request
// names the items it acts on. The mock and the reference server follow it, the suite walks it, the docs draw it.
import type { Contract, Operation, Parameter } from './contract.ts';
import { echoOf, echoPlaces } from './echo.ts';
import { isObject, type Json } from './json.ts';
import type { TransitionAction } from './openapi.ts';
import { parameterValue, type RequestParts } from './parameters.ts';
import { effective, propertiesOf, schemaAtPointer, typesOf } from './schema-shape.ts';

/** Where a request names the item(s) an operation acts on: a parameter, or a body property (an array: several). */
export type KeyPlace = { parameter: Parameter } | { property: string; many: boolean };

/** The operation's `x-resource.key`: a parameter of that name, else a property of its request body. */
export function keyPlace(contract: Contract, operation: Operation): KeyPlace | undefined {
  const resource = operation.resource;
  if (!resource || resource.action === 'list') return undefined;
  const parameter = operation.parameters.find((p) => p.name === resource.key);
  if (parameter) return { parameter };
  const schema = operation.requestBody?.schema;
  const property = schema && propertiesOf(contract, schema).find(([name]) => name === resource.key)?.[1];
  if (!property) return undefined;
  return { property: resource.key, many: typesOf(effective(contract, property).schema).includes('array') };
}

/** The keys a request names, as text; undefined when it names none the place can read (the field rules decide). */
export function keysIn(
  place: KeyPlace,
  operation: Operation,
  request: RequestParts,
  body: Json | undefined,
): string[] | undefined {
  if ('parameter' in place) {
    const value = parameterValue(place.parameter, operation.path, request);
    return value === undefined ? undefined : [value];
  }
  const value = isObject(body) ? body[place.property] : undefined;
  if (place.many) return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
  return typeof value === 'string' ? [value] : undefined;
}

/** One transition of a lifecycle: the operation that makes it, the states it leaves and the one it enters. */
export interface TransitionStep {
  operation: Operation;
  resource: TransitionAction;
  from: Json[];
  to: Json;
}

export interface Lifecycle {
  /** The store (`x-resource.name`). */
  store: string;
  /** The item property that holds its state. */
  state: string;
  create: Operation;
  /** The state a created item is in. */
  initial: Json;
  transitions: TransitionStep[];
  /** The states an item can reach from `initial`, `initial` first, then in the order the transitions reach them. */
  states: Json[];
  /** The fewest transitions from `initial` to `state`; undefined when it cannot be reached. */
  pathTo(state: Json): TransitionStep[] | undefined;
}

/** The lifecycle of every store that has transitions and a create whose answer gives the initial state. */
export function lifecyclesOf(contract: Contract): Lifecycle[] {
  const stores = [...new Set(contract.operations.flatMap((op) => (op.resource ? [op.resource.name] : [])))];
  return stores.flatMap((store) => {
    const transitions = contract.operations.flatMap((operation): TransitionStep[] => {
      const resource = operation.resource;
      if (resource?.name !== store || resource.action !== 'transition') return [];
      const { from, to } = resource.transition;
      return [{ operation, resource, from, to }];
    });
    const create = contract.operations.find((op) => op.resource?.name === store && op.resource.action === 'create');
    const state = transitions[0]?.resource.transition.state;
    const initial = create && state !== undefined ? initialState(contract, create, state) : undefined;
    if (!create || state === undefined || initial === undefined) return [];
    return [lifecycle(store, state, create, initial, transitions)];
  });
}

/** The state the create's answer gives every item: the `const` of the state property in its echo. */
function initialState(contract: Contract, create: Operation, state: string): Json | undefined {
  const schema = create.success?.schema;
  const [place] = schema ? echoPlaces(contract, schema) : [];
  return place ? echoOf(contract, place.node, {})[state] : undefined;
}

function lifecycle(
  store: string,
  state: string,
  create: Operation,
  initial: Json,
  transitions: TransitionStep[],
): Lifecycle {
  const same = (a: Json, b: Json) => JSON.stringify(a) === JSON.stringify(b);
  // Breadth first from the initial state: the path kept for a state is one of the fewest transitions.
  const paths: [Json, TransitionStep[]][] = [[initial, []]];
  for (let i = 0; i < paths.length; i++) {
    const [at, path] = paths[i]!;
    for (const step of transitions.filter((t) => t.from.some((from) => same(from, at)))) {
      if (!paths.some(([reached]) => same(reached, step.to))) paths.push([step.to, [...path, step]]);
    }
  }
  return {
    store,
    state,
    create,
    initial,
    transitions,
    states: paths.map(([reached]) => reached),
    pathTo: (wanted) => paths.find(([reached]) => same(reached, wanted))?.[1],
  };
}

/** The most items a list answers with, where its schema bounds them (`maxItems` of the array at `item`). */
export function listBound(contract: Contract, operation: Operation): number | undefined {
  const resource = operation.resource;
  const schema = operation.success?.schema;
  if (resource?.action !== 'list' || !schema) return undefined;
  return schemaAtPointer(contract, schema, resource.item)?.schema.maxItems;
}
