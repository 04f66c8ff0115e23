// What the mock remembers, as `x-resource` declares it: items by resource name and key, in the order they were
// made, for the one tenant every token of the mock belongs to.
import type { Json } from '../lib/json.ts';

export interface Store {
  has(resource: string, key: string): boolean;
  get(resource: string, key: string): Json | undefined;
  put(resource: string, key: string, item: Json): void;
  /** Items in the order they were made. */
  list(resource: string): Json[];
  /** Forgets every item. */
  reset(): void;
}

export function createStore(): Store {
  const items = new Map<string, Map<string, Json>>();
  const of = (resource: string) => items.get(resource) ?? items.set(resource, new Map()).get(resource)!;
  return {
    has: (resource, key) => of(resource).has(key),
    // Stored as a copy; read as it is stored, since answers only serialise what they are given.
    get: (resource, key) => of(resource).get(key),
    put: (resource, key, item) => void of(resource).set(key, structuredClone(item)),
    list: (resource) => [...of(resource).values()],
    reset: () => items.clear(),
  };
}
