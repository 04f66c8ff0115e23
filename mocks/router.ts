// Finds the operation a request is for (lib/routing.ts: under each operation's own servers, or bare), a path
// meeting a template as Prism's path matcher says; the routes found are kept, since requests repeat their paths.
import type { Contract } from '../lib/contract.ts';
import { routerOf, type Route } from '../lib/routing.ts';
import { prismPathMatcher } from './prism.ts';

/** Routes kept at most: requests repeat their paths, but a client sending new ones cannot grow the memory. */
const KEPT_ROUTES = 2_000;

export function createRouter(contract: Contract) {
  const find = routerOf(contract, prismPathMatcher);

  const routes = new Map<string, Route>();
  return {
    route(method: string, path: string): Route {
      const key = `${method} ${path}`;
      const known = routes.get(key);
      if (known) return known;
      if (routes.size >= KEPT_ROUTES) routes.clear();
      const routed = find(method, path);
      routes.set(key, routed);
      return routed;
    },
  };
}

export type Router = ReturnType<typeof createRouter>;
