// Where an operation's requests go, for every tool that sends them (the suite, the client). Whoever calls the API
// gives one server URL, the document's (`https://host/v1/manufacturer/v2/api`); an operation with servers of its
// own (`/v1` for `/api_auth`) is reached by putting its path prefix in place of the document's, so that it goes to
// `https://host/v1/api_auth`. A URL that ends with no document prefix (the mock's bare `http://127.0.0.1:4010`,
// which serves every path without a prefix as well) is used as it is for every operation.
//
// Where the kit's own servers run: the document names a server on loopback (`http://127.0.0.1:4010`) for the mock,
// so that its samples for that server reach the mock; the mock listens there unless told otherwise.
import type { Contract } from './contract.ts';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Prism's default port, for a document that names no port on loopback. */
const FALLBACK_MOCK_PORT = 4010;

/** The hosts (with their ports) of the document's servers on loopback: `127.0.0.1:4010`, each once. */
export function loopbackHosts(contract: Contract): string[] {
  const urls = contract.operations.flatMap((op) => op.servers.map((server) => URL.parse(server.defaultUrl)));
  return [...new Set(urls.filter((url) => url && LOOPBACK.has(url.hostname)).map((url) => url!.host))];
}

/** The port the mock listens on by default: that of the document's first loopback server, else 4010. */
export function defaultMockPort(contract: Contract): number {
  const [host] = loopbackHosts(contract);
  return Number(URL.parse(`http://${host}`)?.port || FALLBACK_MOCK_PORT);
}

/**
 * The server URL for one operation, without a trailing slash. `documentPrefixes` are the path prefixes of the
 * document's servers, `operationPrefixes` those of the operation's own servers (empty or the document's when it
 * has none of its own).
 */
export function operationServerUrl(
  baseUrl: string,
  documentPrefixes: readonly string[],
  operationPrefixes: readonly string[],
): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  const documentPrefix = documentPrefixes.find((prefix) => prefix && trimmed.endsWith(prefix));
  const [own] = operationPrefixes;
  if (!documentPrefix || own === undefined || operationPrefixes.includes(documentPrefix)) return trimmed;
  return `${trimmed.slice(0, -documentPrefix.length)}${own}`;
}
