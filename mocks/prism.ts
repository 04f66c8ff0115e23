// Everything the mock takes from Prism (Stoplight's mock server libraries), and the shapes of what it gives, in one
// place: how a request path meets a path template, Prism's reading of the document's operations, its reading of
// `Prefer`, and its mocker. The path matcher is small and loaded with the mock. The rest takes about a second to
// load (Faker's locales, Prism's forwarder and validators come with its mocker), so the mock calls loadPrism in a
// thread of its own (prism-thread.ts), never on the path of a request.
import Module, { createRequire } from 'node:module';
import matchPathModule from '@stoplight/prism-http/dist/router/matchPath.js';
import type { IHttpRequest } from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';
import type { Json } from '../lib/json.ts';
import { BUILT } from '../lib/layout.ts';
import type { OpenApiDocument } from '../lib/openapi.ts';
import type { PathMatcher } from '../lib/routing.ts';

// A CommonJS module: Node hands its exports over as `.default`, Vite (vitest) as the import itself.
const { matchPath } = (matchPathModule as { default?: typeof matchPathModule }).default ?? matchPathModule;

/** How a request path meets a path template, as Prism's router says (lib/routing.ts asks). */
export const prismPathMatcher: PathMatcher = (path, template) => {
  const result = matchPath(path, template);
  return result._tag === 'Right' && result.right !== 'no-match' ? result.right : undefined;
};

/** What a `Prefer` header (or its query fallback) asks for, as Prism reads it. */
export interface PreferOptions {
  code?: number;
  exampleKey?: string;
  dynamic?: boolean;
}

/** The parts of a request Prism reads: `Prefer` and its query fallback (`__code`, `__example`, `__dynamic`). */
export interface PrismRequest {
  /** Relative to the server the operation was found under. */
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
}

export interface PrismAnswer {
  status: number;
  body: Json;
}

/**
 * Prism's result; or its reason for giving none, in its own words on one line (a refusal: what was asked cannot be
 * given); or why Prism could not be asked (a failure: not the asker's doing).
 */
export type PrismOutcome<T> = { value: T } | { refusal: string } | { failure: string };

export interface Prism {
  preferOf(request: PrismRequest): Promise<PrismOutcome<PreferOptions>>;
  /** Prism's answer for the operation (`POST /packaging_order`) with these preferences. */
  answer(operation: string, request: PrismRequest, prefer: PreferOptions): Promise<PrismOutcome<PrismAnswer>>;
}

/** The key Prism's operations are found by: `POST /packaging_order`. */
export function operationKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

/** Loads Prism and reads the document's operations with it (it dereferences a copy of its own). */
export async function loadPrism(document: OpenApiDocument): Promise<Prism> {
  if (!BUILT) englishFakerForPrism();
  const [operationsModule, preferModule, http, core] = await Promise.all([
    import('@stoplight/prism-http/dist/utils/operations.js'),
    import('@stoplight/prism-http-server/dist/getHttpConfigFromRequest.js'),
    import('@stoplight/prism-http'),
    import('@stoplight/prism-core'),
  ]);
  const read = await operationsModule.getHttpOperationsFromSpec(structuredClone(document));
  const operations = new Map<string, IHttpOperation>(read.map((op) => [operationKey(op.method, op.path), op]));
  const mocker = http.createInstance(prismConfig({}), { logger: core.createLogger('mock', { level: 'silent' }) });
  return {
    async preferOf(request) {
      const result = preferModule.getHttpConfigFromRequest({
        headers: request.headers,
        url: { path: request.path, query: request.query },
      });
      if (result._tag === 'Left') return { refusal: oneLine(reasonOf(result.left)) };
      const { code, exampleKey, dynamic } = result.right;
      return { value: { code: code === undefined ? undefined : Number(code), exampleKey, dynamic } };
    },
    async answer(key, request, prefer) {
      const operation = operations.get(key);
      if (!operation) return { refusal: `Prism read no operation ${key}` };
      // IHttpOperation spells the method in lower case, as IHttpRequest wants it.
      const method = operation.method as IHttpRequest['method'];
      const input: IHttpRequest = { method, url: { path: request.path, query: request.query }, headers: {} };
      const result = await mocker.request(input, [operation], prismConfig(prefer))();
      if (result._tag === 'Left') return { refusal: oneLine(reasonOf(result.left)) };
      const { statusCode, body } = result.right.output;
      return { value: { status: statusCode, body: (body ?? null) as Json } };
    },
  };
}

/**
 * Prism's generator loads Faker whole, every locale: half of the second Prism takes to load. It uses Faker's default,
 * English. The package's build gives it the English locale alone (scripts/packages.ts); in a checkout, this puts the
 * English instance where Prism's `require('@faker-js/faker')` finds it, so that both run the same Faker, as fast.
 */
function englishFakerForPrism() {
  const fromPrism = createRequire(createRequire(import.meta.url).resolve('@stoplight/prism-http'));
  const whole = fromPrism.resolve('@faker-js/faker');
  if (fromPrism.cache[whole]) return;
  const english: unknown = fromPrism('@faker-js/faker/locale/en');
  const found = new Module(whole);
  Object.assign(found, {
    filename: whole,
    loaded: true,
    exports: { __esModule: true, default: english, faker: english },
  });
  fromPrism.cache[whole] = found;
}

function prismConfig(mock: PreferOptions) {
  // A fresh object each call: Prism writes negotiated media types into the config it is given.
  return {
    isProxy: false as const,
    mock: { dynamic: false, ...mock },
    validateRequest: false,
    validateResponse: false,
    checkSecurity: false,
    errors: false,
    upstreamProxy: undefined,
  };
}

/** A ProblemJsonError's detail, else an error's message. */
function reasonOf(error: Error & { detail?: string }): string {
  return error.detail || error.message;
}

/** Prism's decoder draws its reasons as a tree over several lines: one line, its branches joined by colons. */
function oneLine(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/^[\s│├└─]+/u, '').trim())
    .filter(Boolean)
    .join(': ');
}
