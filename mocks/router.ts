// Finds the operation a request is for, with Prism's router. Requests that reach none get the document's route
// errors (404, or 405 with the methods the path has).
import type { HttpMethod, IHttpOperation } from '@stoplight/types';
import prismRouter from '@stoplight/prism-http/dist/router/index.js';
import type { Contract } from '../lib/contract.ts';

// A CommonJS module: Node hands its default export over as `.default`, Vite (vitest) as the import itself.
const route =
  (prismRouter as unknown as { default?: typeof prismRouter.default }).default ??
  (prismRouter as unknown as typeof prismRouter.default);

export type Routed =
  | { found: true; operation: IHttpOperation }
  | { found: false; errorCase: 'route-not-found' }
  | { found: false; errorCase: 'method-not-allowed'; allow: string[] };

export function createRouter(contract: Contract, operations: IHttpOperation[]) {
  const prefixes = contract.serverPathPrefixes;
  const methods = [...new Set(operations.map((op) => op.method))];
  const matches = (method: string, path: string) =>
    route({ resources: operations, input: { method: method as HttpMethod, url: { path } } });

  return {
    /** The path relative to the document's servers: `/v1/manufacturer/v2/api/x` and `/x` both give `/x`. */
    relativePath(path: string): string {
      const prefix = prefixes.find((p) => path.startsWith(`${p}/`));
      return prefix ? path.slice(prefix.length) : path;
    },

    route(method: string, path: string): Routed {
      const result = matches(method.toLowerCase(), path);
      if (result._tag === 'Right') return { found: true, operation: result.right };
      const allow = methods.filter((m) => matches(m, path)._tag === 'Right').map((m) => m.toUpperCase());
      return allow.length
        ? { found: false, errorCase: 'method-not-allowed', allow }
        : { found: false, errorCase: 'route-not-found' };
    },
  };
}
