// Where an operation's requests go, for every tool that sends them (the suite, the client). Whoever calls the API
// gives one server URL, the document's (`https://host/v1/manufacturer/v2/api`); an operation with servers of its
// own (`/v1` for `/api_auth`) is reached by putting its path prefix in place of the document's, so that it goes to
// `https://host/v1/api_auth`. A URL that ends with no document prefix (the mock's bare `http://127.0.0.1:4010`,
// which serves every path without a prefix as well) is used as it is for every operation.

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
