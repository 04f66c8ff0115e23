// Builds the Redoc page (docs/index.html) from the bundled document. Code samples and the error catalogue are made
// here, at build time, from the document's own examples: the page cannot show a request, message, code or status
// that the document does not, and a change to the document shows up in the docs on the next build.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import {
  BUNDLE_PATH,
  contractFrom,
  isObject,
  securityAlternatives,
  type Contract,
  type DocumentedResponse,
  type Json,
  type JsonObject,
  type Operation,
} from '../lib/contract.ts';
import { isEntryPoint } from '../lib/entry-point.ts';

const ROOT = resolve(import.meta.dirname, '..');
export const DOCS_OUTPUT = resolve(ROOT, 'docs/index.html');
export const CATALOGUE_TAG = 'Error catalogue';

export type CodeSample = { lang: string; label: string; source: string };

/**
 * Redoc 3 shows one sample per language, and only languages it is told about: each sample gets its own entry,
 * and the example switcher's "Payload" stays.
 */
export function redocOptions(samples: CodeSample[]): JsonObject {
  const languages = [...new Map(samples.map(({ lang, label }) => [label, { lang, label }])).values()];
  return { codeSamples: { languages: [...languages, { lang: 'Payload' }] } };
}

/** Writes the self-contained page (Redoc inlined: it must open offline and on review machines without a CDN). */
export function buildDocs(outFile = DOCS_OUTPUT, bundlePath = BUNDLE_PATH): void {
  const contract = contractFrom(parse(readFileSync(bundlePath, 'utf8')) as JsonObject);
  const options = redocOptions(contract.operations.flatMap((op) => codeSamples(contract, op)));
  const enriched = enrich(contract);
  const work = mkdtempSync(join(tmpdir(), 'docs-'));
  try {
    const input = join(work, 'openapi.yaml');
    writeFileSync(input, stringify(enriched, { lineWidth: 0 }));
    mkdirSync(dirname(outFile), { recursive: true });
    const redocly = resolve(ROOT, 'node_modules/.bin/redocly');
    const args = ['build-docs', input, '--inlineBundle', '--openapi', JSON.stringify(options), '-o', outFile];
    // Telemetry off: otherwise the CLI reports the run, and the page reports every reader to Redocly's collector.
    execFileSync(redocly, args, { cwd: ROOT, env: { ...process.env, REDOCLY_TELEMETRY: 'off' }, stdio: 'pipe' });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The document with `x-codeSamples` on each operation and the error catalogue as a trait tag (a page section). */
export function enrich(contract: Contract): JsonObject {
  for (const operation of contract.operations) operation.raw['x-codeSamples'] = codeSamples(contract, operation);
  const document = contract.document;
  const catalogue = { name: CATALOGUE_TAG, 'x-traitTag': true, description: errorCatalogue(contract) };
  document.tags = [...((document.tags as Json[] | undefined) ?? []), catalogue];
  return document;
}

/**
 * A cURL and a TypeScript-client sample that send each named request example of the operation in turn, each
 * under its summary. `baseUrl` defaults to the document's first server; tests pass the mock's.
 */
export function codeSamples(contract: Contract, operation: Operation, baseUrl = firstServer(contract)): CodeSample[] {
  const body = contract.resolve((operation.raw.requestBody ?? {}) as JsonObject);
  const [mediaType, media] = Object.entries(contract.resolve((body.content ?? {}) as JsonObject))[0] ?? [];
  const examples = Object.entries(isObject(media) ? contract.resolve((media.examples ?? {}) as JsonObject) : {}).map(
    ([name, raw]) => {
      const example = contract.resolve(raw as JsonObject);
      return { name, summary: example.summary, value: example.value as Json };
    },
  );
  if (examples.length === 0) return [];
  const { token, alternatives } = tokenHeaders(contract, operation);
  const headers = operation.parameters.filter((p) => p.in === 'header' && p.required).map((p) => String(p.name));
  const url = `${baseUrl.replace(/\/+$/, '')}${operation.path}`;

  const curl = [
    ...alternatives.map((header) => `# Or send the token as -H "${header}".`),
    ...examples.flatMap(({ name, summary, value }) => [
      '',
      `# ${summary ?? name}`,
      `curl -X ${operation.method} '${url}' \\`,
      ...(mediaType ? [`  -H 'Content-Type: ${mediaType}' \\`] : []),
      ...(token ? [`  -H "${token}" \\`] : []),
      ...headers.map((header) => `  -H "${header}: $${envName(header)}" \\`),
      `  --data-raw '${JSON.stringify(value, null, 2).replace(/'/g, `'\\''`).replace(/\n/g, '\n  ')}'`,
    ]),
  ]
    .join('\n')
    .trimStart();
  const typescript = [
    `// From the contract kit's root: TOKEN=... ${headers.map((h) => `${envName(h)}=...`).join(' ')} npx tsx sample.ts`,
    `import { createClient } from './client/index.ts';`,
    '',
    'const client = createClient({',
    `  baseUrl: '${baseUrl}',`,
    '  token: process.env.TOKEN!,',
    ...headers.map((header) => `  ${camelCase(envName(header))}: process.env.${envName(header)}!,`),
    ...(alternatives.length > 0 ? [`  // auth: 'bearer' sends the token as Authorization: Bearer instead.`] : []),
    '});',
    ...examples.flatMap(({ name, summary, value }) => {
      const result = identifier(name);
      return [
        '',
        `// ${summary ?? name}`,
        `const ${result} = await client.${operation.operationId}(${tsLiteral(value, '')});`,
        `console.log('${name}', ${result}.ok ? ${result}.status : ${result});`,
      ];
    }),
  ].join('\n');
  return [
    { lang: 'bash', label: 'cURL', source: curl },
    { lang: 'typescript', label: 'TypeScript', source: typescript },
  ];
}

/** The token header of the first security alternative, and the others', as `x-access-token: $TOKEN`. */
function tokenHeaders(contract: Contract, operation: Operation) {
  const headers = securityAlternatives(contract, operation).flatMap((alternative) =>
    alternative.flatMap(({ scheme }) => {
      if (scheme.type === 'apiKey' && scheme.in === 'header') return [`${scheme.name}: $TOKEN`];
      if (scheme.type === 'http' && String(scheme.scheme).toLowerCase() === 'bearer')
        return ['Authorization: Bearer $TOKEN'];
      return [];
    }),
  );
  const [token, ...alternatives] = headers;
  return { token, alternatives };
}

function firstServer(contract: Contract): string {
  const [server] = (contract.document.servers as JsonObject[] | undefined) ?? [];
  return String(server?.url ?? '');
}

/** `x-channel-key` → `CHANNEL_KEY`: the shell variable, and in camel case the client option, for a header. */
function envName(header: string): string {
  return header
    .replace(/^x-/i, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_');
}

function identifier(name: string): string {
  const safe = name.replace(/[^\w$]/g, '_');
  return /^[0-9]/.test(safe) ? `_${safe}` : safe;
}

function camelCase(name: string): string {
  return name.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function tsLiteral(value: Json, indent: string): string {
  const inner = `${indent}  `;
  if (Array.isArray(value))
    return value.length ? `[\n${value.map((v) => `${inner}${tsLiteral(v, inner)},`).join('\n')}\n${indent}]` : '[]';
  if (isObject(value)) {
    const entries = Object.entries(value).map(([key, v]) => {
      const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `'${key.replace(/['\\]/g, '\\$&')}'`;
      return `${inner}${name}: ${tsLiteral(v, inner)},`;
    });
    return entries.length ? `{\n${entries.join('\n')}\n${indent}}` : '{}';
  }
  return typeof value === 'string' ? `'${value.replace(/['\\]/g, '\\$&')}'` : JSON.stringify(value);
}

/**
 * Markdown: per operation (and for requests that reach none), a heading per error status that says whether the
 * status is sourced or decided and why, then a row per error example. Grouped by status because Redoc gives a
 * trait tag only the middle column: one wide table would not fit.
 */
export function errorCatalogue(contract: Contract): string {
  const sections = [
    ...contract.operations.map((op) => ({ title: `${op.summary}: ${op.method} ${op.path}`, responses: op.responses })),
    { title: 'Any request that reaches no operation', responses: contract.routeErrors },
  ];
  return [
    "Every error this API answers, made from the examples of the document's error responses. A status marked",
    '**Decision** is not in the article: this contract chose it (see *What is sourced and what is decided* in the',
    'introduction). A message without a code has none in the article; tell those apart by status and message.',
    ...sections.flatMap(({ title, responses }) => [
      '',
      `## ${title}`,
      ...responses
        .filter((r) => Number(r.status) >= 400 && r.examples.some((ex) => ex.errorCase))
        .flatMap((r) => [
          '',
          `### ${statusText(r)}${decidedStatus(r) ? ' · Decision' : ''}`,
          '',
          r.description,
          '',
          ...errorTable(r),
        ]),
    ]),
  ].join('\n');
}

function errorTable(response: DocumentedResponse): string[] {
  const rows = response.examples
    .filter((ex) => ex.errorCase)
    .map((ex) => {
      const value = (isObject(ex.value) ? ex.value : {}) as JsonObject;
      const message = String(value.message ?? '');
      const [happens, fix] = (ex.description ?? plain(response.description)).split(/\s*Fix:\s*/);
      const when = ex.summary && !ex.summary.startsWith(message) ? `${ex.summary}: ${happens}` : happens;
      const code = typeof value.code === 'string' ? `\`${value.code}\`` : '–';
      return `| ${[message, code, when || '–', capitalise(fix) || '–'].map(cell).join(' | ')} |`;
    });
  return ['| Message | Code | When it happens | How to fix |', '|---|---|---|---|', ...rows];
}

function statusText(response: DocumentedResponse): string {
  return `${response.status} ${STATUS_CODES[Number(response.status)] ?? ''}`.trim();
}

/** A decision when the response says *Decision*, unless it names the article (*Source*) for its status. */
function decidedStatus(response: DocumentedResponse): boolean {
  return response.description.includes('*Decision:*') && !/\*Source:\*[^.]*\bstatus\b/.test(response.description);
}

/** A response description without its Source and Decision markers, for an example with no description. */
function plain(description: string): string {
  return capitalise(description.replace(/\*(Source|Decision):\*\s*/g, ''));
}

function capitalise(text = ''): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}

if (isEntryPoint(import.meta.url)) {
  const started = performance.now();
  buildDocs(resolve(process.argv[2] ?? DOCS_OUTPUT));
  console.log(`docs: wrote ${process.argv[2] ?? 'docs/index.html'} in ${Math.round(performance.now() - started)} ms`);
}
