// Finds the operation a request is for. A path is read relative to each operation's own servers (or bare, as a
// convenience of the mock), matched with Prism's path matcher; a concrete path wins over a templated one.
// Requests that reach no operation get the document's route errors: 404, or 405 with the methods the path has.
import matchPathModule from '@stoplight/prism-http/dist/router/matchPath.js';
import type { Contract, Operation } from '../lib/contract.ts';

// A CommonJS module: Node hands its exports over as `.default`, Vite (vitest) as the import itself.
const { matchPath } = (matchPathModule as { default?: typeof matchPathModule }).default ?? matchPathModule;

export type Routed =
  | {
      found: true;
      operation: Operation;
      /** The path relative to the server it was read under. */ relativePath: string;
    }
  | { found: false; errorCase: 'route-not-found' }
  | { found: false; errorCase: 'method-not-allowed'; allow: string[] };

/** Routes kept at most: requests repeat their paths, but a client sending new ones cannot grow the memory. */
const KEPT_ROUTES = 2_000;

export function createRouter(contract: Contract) {
  const prefixes = [...new Set(contract.operations.flatMap((op) => op.servers.map((s) => s.pathPrefix)))]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);

  /** The operations on this path, read under a server prefix ('' for the bare path), concrete matches first. */
  const onPath = (prefix: string, relative: string): Operation[] => {
    const matches = contract.operations
      .filter((op) => prefix === '' || op.servers.some((s) => s.pathPrefix === prefix))
      .map((op) => {
        const result = matchPath(relative, op.path);
        return { op, match: result._tag === 'Right' ? result.right : 'no-match' };
      })
      .filter(({ match }) => match !== 'no-match');
    return [...matches.filter((m) => m.match === 'concrete'), ...matches.filter((m) => m.match === 'templated')].map(
      (m) => m.op,
    );
  };

  const find = (method: string, path: string): Routed => {
    const readings = [
      ...prefixes.filter((p) => path.startsWith(`${p}/`)).map((p) => ({ prefix: p, relative: path.slice(p.length) })),
      { prefix: '', relative: path },
    ];
    for (const { prefix, relative } of readings) {
      const operations = onPath(prefix, relative);
      if (operations.length === 0) continue;
      // HEAD is answered for every GET, as HTTP asks (RFC 9110 §9.3.2).
      const wanted = method === 'HEAD' && !operations.some((op) => op.method === 'HEAD') ? 'GET' : method;
      const operation = operations.find((op) => op.method === wanted);
      if (operation) return { found: true, operation, relativePath: relative };
      const allow = [...new Set(operations.flatMap((op) => (op.method === 'GET' ? ['GET', 'HEAD'] : [op.method])))];
      return { found: false, errorCase: 'method-not-allowed', allow };
    }
    return { found: false, errorCase: 'route-not-found' };
  };

  const routes = new Map<string, Routed>();
  return {
    route(method: string, path: string): Routed {
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
