// How a request reaches an operation of the document, for every server of the kit (the mock, the reference
// server): its path is read under each server path prefix of the document (an operation is reached under its
// own servers' prefixes only), then bare; a concrete path wins over a template. A path no operation has is
// `route-not-found`; a path with other methods is `method-not-allowed`, with those methods (HEAD wherever GET
// is, RFC 9110 §9.3.2). How a path meets a template is the caller's: the mock asks Prism's matcher.
import type { Contract, Operation } from './contract.ts';

export type RouteError = { errorCase: 'route-not-found' } | { errorCase: 'method-not-allowed'; allow: string[] };

export type Route =
  { operation: Operation; /** The path relative to the prefix it was read under. */ path: string } | RouteError;

export type Router = (method: string, path: string) => Route;

/** How a path meets a path template: as is, through its parameters, or not at all. */
export type PathMatcher = (path: string, template: string) => 'concrete' | 'templated' | undefined;

export function routerOf(contract: Contract, match: PathMatcher): Router {
  const prefixes = [...new Set(contract.operations.flatMap((op) => op.servers.map((s) => s.pathPrefix)))]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);

  /** The operations on this path, read under a server prefix ('' for the bare path), concrete matches first. */
  const onPath = (prefix: string, path: string): Operation[] => {
    const matched = contract.operations
      .filter((op) => prefix === '' || op.servers.some((server) => server.pathPrefix === prefix))
      .map((op) => ({ op, how: match(path, op.path) }));
    return [...matched.filter((m) => m.how === 'concrete'), ...matched.filter((m) => m.how === 'templated')].map(
      (m) => m.op,
    );
  };

  return (method, path) => {
    const readings = [
      ...prefixes.filter((p) => path.startsWith(`${p}/`)).map((p) => ({ prefix: p, relative: path.slice(p.length) })),
      { prefix: '', relative: path },
    ];
    for (const { prefix, relative } of readings) {
      const operations = onPath(prefix, relative);
      if (operations.length === 0) continue;
      const wanted = method === 'HEAD' && !operations.some((op) => op.method === 'HEAD') ? 'GET' : method;
      const operation = operations.find((op) => op.method === wanted);
      if (operation) return { operation, path: relative };
      const allow = operations.flatMap((op) => (op.method === 'GET' ? ['GET', 'HEAD'] : [op.method]));
      return { errorCase: 'method-not-allowed', allow: [...new Set(allow)] };
    }
    return { errorCase: 'route-not-found' };
  };
}
