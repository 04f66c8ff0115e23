// The docs' code samples: for each operation, a cURL and a TypeScript-client sample that send every named request
// example (or the documented request, for an operation without a body), path and query parameters filled from
// their examples and each credential read from the environment. The requests come from lib/requests.ts and the
// cURL lines from lib/curl.ts, so a sample sends what the suite sends and a person sees what the suite runs.
import { isObject, parametersIn, type Contract, type Json, type Operation } from '../../lib/contract.ts';
import { credentialKey, credentialsOf, placeholder, TOKEN, type Credential } from '../../lib/credentials.ts';
import { curlFor, shellValuesOf } from '../../lib/curl.ts';
import {
  assemble,
  documentedParts,
  exampleOf,
  requestExamples,
  withCredentialPlaceholders,
  type RequestParts,
} from '../../lib/requests.ts';
import { describeScheme } from '../../lib/security.ts';
import clientManifest from '../../client/package.json' with { type: 'json' };

/** What a frontend installs and imports (client/package.json). */
export const CLIENT_PACKAGE = clientManifest.name;

export type CodeSample = { lang: string; label: string; source: string };

/** One request a sample sends: a named request example, or the operation's documented request. */
export interface SampleRequest {
  /** The example's name (the operationId when the operation has no example): what a run prints first. */
  name: string;
  /** What the sample says above the request. */
  title: string;
  parts: RequestParts;
}

/**
 * The cURL and TypeScript samples of an operation for each of its servers, so that a reader picks where the
 * requests go: with several servers each tab is named by its server (`cURL · api.movilitas.cloud`).
 */
export function codeSamples(contract: Contract, operation: Operation): CodeSample[] {
  const urls = operation.servers.length > 0 ? operation.servers.map((server) => server.defaultUrl) : [''];
  return urls.flatMap((url) => samplesAt(contract, operation, url, urls.length > 1 ? serverName(url, urls) : ''));
}

/** Both samples of an operation sent to `baseUrl` (tests give the mock's), their tabs named after `server`. */
export function samplesAt(contract: Contract, operation: Operation, baseUrl: string, server = ''): CodeSample[] {
  const named = (label: string) => (server ? `${label} · ${server}` : label);
  return [
    { lang: 'bash', label: named('cURL'), source: curlSample(contract, operation, baseUrl) },
    { lang: 'typescript', label: named('TypeScript'), source: typescriptSample(contract, operation, baseUrl) },
  ];
}

/** A server by its host (`127.0.0.1:4010`), or by its whole URL without the scheme where hosts repeat. */
export function serverName(url: string, urls: string[]): string {
  const host = (of: string) => URL.parse(of)?.host ?? of;
  const withoutScheme = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  return urls.filter((other) => host(other) === host(url)).length > 1 ? withoutScheme : host(url);
}

/**
 * The requests the samples send, in the document's order of examples. Optional query parameters with an example
 * are sent too, so that a reader sees every parameter filled; `x-credential` body fields stand as placeholders.
 */
export function sampleRequests(operation: Operation): SampleRequest[] {
  const examples = requestExamples(operation);
  if (examples.length === 0) {
    const parts = documentedParts(operation, { optionalQuery: true });
    return [{ name: operation.operationId, title: operation.summary || operation.operationId, parts }];
  }
  return examples.map((example) => ({
    name: example.name,
    title: example.summary ?? example.name,
    parts: documentedParts(operation, {
      body: withCredentialPlaceholders(operation, example.value),
      optionalQuery: true,
    }),
  }));
}

/**
 * The operations in an order their samples can run in against a fresh server: every `x-resource` create first.
 * A read's documented key is what the create's first example makes (`order_id: Order145`), as the document's
 * examples say; a read run before its create gets the documented 404.
 */
export function runOrder(contract: Contract): Operation[] {
  const creates = contract.operations.filter((op) => op.resource?.action === 'create');
  return [...creates, ...contract.operations.filter((op) => !creates.includes(op))];
}

/** What a sample prints when each of its requests gets the documented success: `<request name> <status>`. */
export function printedOnSuccess(operation: Operation): string[] {
  return sampleRequests(operation).map((request) => `${request.name} ${operation.success?.status}`);
}

/** The credentials the requests carry (by their placeholders), in lib/credentials.ts's order. */
export function credentialsUsed(contract: Contract, requests: SampleRequest[]): Credential[] {
  const text = JSON.stringify(requests.map(({ parts }) => parts));
  return credentialsOf(contract).filter((credential) => text.includes(placeholder(credential.key)));
}

export function curlSample(contract: Contract, operation: Operation, baseUrl: string): string {
  const requests = sampleRequests(operation);
  const credentials = credentialsUsed(contract, requests);
  const values = shellValuesOf(credentials);
  const [, ...otherWays] = operation.security;
  const lines = [
    ...credentials.map((c) => `# ${c.env}: ${c.description}.`),
    ...otherWays.map((alternative) => `# The token may also go in ${alternative.map(describeScheme).join(' and ')}.`),
  ];
  for (const { title, parts } of requests) {
    // Pretty-printed, each line indented under the command: the same JSON to a server, easier to read.
    const body = parts.body === undefined ? undefined : JSON.stringify(parts.body, null, 2).replace(/\n/g, '\n  ');
    const request = { ...assemble(operation.path, parts), ...(body === undefined ? {} : { body }) };
    lines.push('', `# ${oneLine(title)}`, curlFor(baseUrl, request, values, { multiline: true }));
  }
  return lines.join('\n').trimStart();
}

/**
 * The typed client's call for each request: one function per operation, named by its operationId, taking
 * `{ body, query, path, header }`; the credentials are options of `createClient`, named by their keys, except a
 * body's own credential fields, which stay in the body.
 */
export function typescriptSample(contract: Contract, operation: Operation, baseUrl: string): string {
  const requests = sampleRequests(operation);
  const credentials = credentialsUsed(contract, requests);
  const options = credentials.filter(
    (c) => c.key === TOKEN || operation.parameters.some((p) => p.credential && credentialKey(p.name) === c.key),
  );
  const lines = [
    `// With ${CLIENT_PACKAGE} installed: ${[...credentials.map((c) => `${c.env}=...`), 'npx tsx sample.ts'].join(' ')}`,
    `import { createClient } from '${CLIENT_PACKAGE}';`,
    '',
    'const client = createClient({',
    `  baseUrl: ${tsLiteral(baseUrl, '', credentials)},`,
    ...options.map((c) => `  ${c.key}: ${environment(c)},`),
    '});',
  ];
  for (const { name, title, parts } of requests) {
    const result = requests.length === 1 ? 'result' : identifier(name);
    const argument = tsLiteral(clientArgument(operation, parts), '', credentials);
    lines.push(
      '',
      `// ${oneLine(title)}`,
      `const ${result} = await client.${operation.operationId}(${argument === '{}' ? '' : argument});`,
      `console.log(${quoted(name)}, ${result}.ok ? ${result}.status : ${result});`,
    );
  }
  return lines.join('\n');
}

/** `{ path, query, header, body }` with the parameters' example values as typed in the document (numbers stay numbers). */
function clientArgument(operation: Operation, parts: RequestParts): Record<string, Json> {
  const typed = (location: 'path' | 'query' | 'header', sent: (name: string) => boolean) => {
    const values: Record<string, Json> = {};
    for (const parameter of parametersIn(operation, location)) {
      const example = exampleOf(parameter);
      if (!parameter.credential && example !== undefined && sent(parameter.name)) values[parameter.name] = example;
    }
    return values;
  };
  const argument: Record<string, Json> = {
    path: typed('path', (name) => name in parts.pathValues),
    query: typed('query', (name) => parts.query.some(([key]) => key === name)),
    header: typed('header', (name) => name.toLowerCase() in parts.headers),
    ...(parts.body === undefined ? {} : { body: parts.body }),
  };
  for (const key of ['path', 'query', 'header']) {
    if (isObject(argument[key]) && Object.keys(argument[key]).length === 0) delete argument[key];
  }
  return argument;
}

/** A summary as a comment line: a line break would end the comment and leave the rest as code. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function environment(credential: Credential): string {
  return `process.env.${credential.env}!`;
}

function identifier(name: string): string {
  const safe = name.replace(/[^\w$]/g, '_');
  return /^[0-9]/.test(safe) ? `_${safe}` : safe;
}

/** Literals that fit on a line of this many characters (the indent included) are written on one. */
const INLINE_WIDTH = 80;

/** A TypeScript literal, each credential placeholder in a string read from the environment instead. */
function tsLiteral(value: Json, indent: string, credentials: Credential[]): string {
  const inline = inlineLiteral(value, credentials);
  if (indent.length + inline.length <= INLINE_WIDTH || (!Array.isArray(value) && !isObject(value))) return inline;
  const inner = `${indent}  `;
  const entries = Array.isArray(value)
    ? value.map((v) => `${inner}${tsLiteral(v, inner, credentials)},`)
    : Object.entries(value).map(([key, v]) => `${inner}${propertyName(key)}: ${tsLiteral(v, inner, credentials)},`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return `${open}\n${entries.join('\n')}\n${indent}${close}`;
}

function inlineLiteral(value: Json, credentials: Credential[]): string {
  if (Array.isArray(value)) return `[${value.map((v) => inlineLiteral(v, credentials)).join(', ')}]`;
  if (isObject(value)) {
    const entries = Object.entries(value).map(([key, v]) => `${propertyName(key)}: ${inlineLiteral(v, credentials)}`);
    return entries.length ? `{ ${entries.join(', ')} }` : '{}';
  }
  return typeof value === 'string' ? tsString(value, credentials) : JSON.stringify(value);
}

function propertyName(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : quoted(key);
}

function tsString(text: string, credentials: Credential[]): string {
  const pieces = text.split(/(\{\{[^{}]+\}\})/);
  const credentialOf = (piece: string) => credentials.find((c) => placeholder(c.key) === piece);
  if (!pieces.some((piece) => credentialOf(piece))) return quoted(text);
  if (pieces.length === 3 && pieces[0] === '' && pieces[2] === '') return environment(credentialOf(pieces[1]!)!);
  const template = pieces.map((piece) => {
    const credential = credentialOf(piece);
    return credential ? `\${${environment(credential)}}` : piece.replace(/[`\\$]/g, '\\$&');
  });
  return `\`${template.join('')}\``;
}

/** A single-quoted string: JSON's escapes, with the quotes swapped. */
function quoted(text: string): string {
  return `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}
