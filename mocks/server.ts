// The mock's HTTP side: answers CORS preflights and the mock's own pages (pages.ts), reads each request's body within
// its operation's limit (body-limit.ts), and hands it to the mocker.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { dataFile } from '../lib/layout.ts';
import type { AddressInfo } from 'node:net';
import { BUNDLE_PATH, loadContract, type Contract } from '../lib/contract.ts';
import type { Secrets } from '../lib/credentials.ts';
import { defaultMockPort } from '../lib/servers.ts';
import { bodyLimitOf } from './body-limit.ts';
import { createMocker, type Mocker } from './mocker.ts';
import { ownPages, RESET_PATH, type OwnPage } from './pages.ts';
import { JsonText } from './json-text.ts';
import type { MockRequest, MockResponse } from './types.ts';

export const DOCS_PATH = dataFile(import.meta.url, '../docs/index.html', './docs/index.html');

export { RESET_PATH };

/** The document a mock answers for, read once: its model, and the file it came from (served as it is). */
export interface MockDocument {
  contract: Contract;
  path: string;
}

export function readMockDocument(path = BUNDLE_PATH): MockDocument {
  return { contract: loadContract(path), path };
}

export interface MockServerOptions {
  /** The values the mock accepts, by credential key (lib/credentials.ts): `{ token, channelKey }`. */
  credentials: Secrets;
  /**
   * A second tenant, with its own items and tokens: its values by the first tenant's keys (`{ token, channelKey }`),
   * each different from the first's; a key not given gets a value derived from the first's (tenants.ts).
   */
  secondTenant?: Secrets;
  /** Default: the port of the document's loopback server (lib/servers.ts). */
  port?: number;
  host?: string;
  /** Default: the kit's own. */
  document?: MockDocument;
  /** Items of one resource the mock stores at most; default: store.ts's DEFAULT_MAX_ITEMS. */
  maxItems?: number;
  docsPath?: string;
}

export interface RunningMock {
  url: string;
  mocker: Mocker;
  server: Server;
  close(): Promise<void>;
}

export async function startMockServer(options: MockServerOptions): Promise<RunningMock> {
  const document = options.document ?? readMockDocument();
  const mocker = createMocker(document.contract, {
    credentials: options.credentials,
    secondTenant: options.secondTenant,
    maxItems: options.maxItems,
  });
  const pages = ownPages({
    contract: document.contract,
    documentPath: document.path,
    // The kit's page describes the kit's document: a mock of another document has none unless it is given one.
    docsPath: options.docsPath ?? (document.path === BUNDLE_PATH ? DOCS_PATH : undefined),
    ownHost: () => ownHost(),
    reset: () => mocker.reset(),
    rootIsFree: 'errorCase' in mocker.route('GET', '/'),
  });
  const server = createServer((req, res) => {
    serve(mocker, pages, req, res).catch((error: unknown) => {
      // A bug of ours, never the client's fault: say so in one line, without a stack trace, and keep serving.
      const reason = error instanceof Error ? error.message : String(error);
      console.error(`mock: unexpected error: ${reason}`);
      if (!res.headersSent) void send(res, mocker.ownAnswer(500, `The mock failed: ${reason}`));
    });
  });
  server.requestTimeout = 15_000;
  server.headersTimeout = 10_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? defaultMockPort(document.contract), options.host ?? '127.0.0.1', resolve);
    });
  } catch (error) {
    await mocker.close(); // Prism's thread, started for a mock that never listened
    throw error;
  }
  // Said once the mock listens, so that a mock that cannot start says only why.
  for (const warning of mocker.warnings) console.error(warning);
  const ownHost = () => {
    const { address, port } = server.address() as AddressInfo;
    return `${address.includes(':') ? `[${address}]` : address}:${port}`;
  };
  return {
    url: `http://${ownHost()}`,
    mocker,
    server,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await mocker.close();
    },
  };
}

async function serve(mocker: Mocker, pages: Map<string, OwnPage>, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://mock');
  const method = req.method ?? 'GET';
  allowCrossOrigin(req, res);
  if (method === 'OPTIONS' && req.headers['access-control-request-method']) {
    res.writeHead(204).end();
    return;
  }
  const page = pages.get(url.pathname);
  if (page?.methods.includes(method)) return page.answer(req, res);
  if (page) {
    req.resume();
    await send(res, mocker.routeError({ errorCase: 'method-not-allowed', allow: page.methods }), method === 'HEAD');
    return;
  }
  const route = mocker.route(method, url.pathname);
  const { body, tooLarge, aborted } = await readBody(req, bodyLimitOf(route));
  // The client went away mid-upload: there is no one to answer, and nothing went wrong on our side.
  if (aborted) return;
  const request: MockRequest = {
    method,
    path: url.pathname,
    query: queryOf(url),
    headers: headersOf(req),
    body,
    bodyTooLarge: tooLarge,
  };
  await send(res, await mocker.handle(request), method === 'HEAD');
}

/** Header names in lower case (as Node gives them), a repeated header's values joined. */
function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/**
 * Keeps at most `limit` bytes (none when undefined: body-limit.ts); the rest is read and dropped, so memory stays
 * bounded whatever is sent. Never rejects: a request cut off before its end is `aborted`.
 */
function readBody(
  req: IncomingMessage,
  limit: number | undefined,
): Promise<{ body?: Buffer; tooLarge: boolean; aborted?: true }> {
  const kept = limit ?? -1;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= kept) chunks.push(chunk);
    });
    req.on('end', () =>
      resolve({
        body: size > 0 && limit !== undefined ? Buffer.concat(chunks) : undefined,
        tooLarge: limit !== undefined && size > limit,
      }),
    );
    req.on('error', () => resolve({ tooLarge: false, aborted: true }));
    req.on('close', () => {
      if (!req.complete) resolve({ tooLarge: false, aborted: true });
    });
  });
}

function allowCrossOrigin(req: IncomingMessage, res: ServerResponse) {
  res.setHeader('access-control-allow-origin', req.headers.origin ?? '*');
  res.setHeader('vary', 'Origin');
  const requested = req.headers['access-control-request-headers'];
  if (requested) res.setHeader('access-control-allow-headers', requested);
  const method = req.headers['access-control-request-method'];
  if (method) res.setHeader('access-control-allow-methods', method);
  res.setHeader('access-control-expose-headers', 'allow');
  res.setHeader('access-control-max-age', '600');
}

function queryOf(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

/**
 * Writes the answer: a value serialised in one piece; text already made (a long list) piece by piece, each write
 * waiting while the client's socket is full, so that other requests are served in between and memory holds no copy.
 */
async function send(res: ServerResponse, response: MockResponse, headOnly = false) {
  const { body } = response;
  const text = body instanceof JsonText ? body : new JsonText([Buffer.from(JSON.stringify(body))]);
  res.writeHead(response.status, { ...response.headers, 'content-length': text.length });
  if (headOnly) return void res.end();
  for (const piece of text.pieces) {
    if (res.destroyed) return;
    if (!res.write(piece)) await writable(res);
  }
  res.end();
}

/** Resolves once the socket takes more, or is gone. */
function writable(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done).off('close', done);
      resolve();
    };
    res.on('drain', done).on('close', done);
  });
}
