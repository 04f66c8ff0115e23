// `npm run postman`: a Postman collection of the document. openapi-to-postmanv2 gives the folders, descriptions
// and saved example answers; each operation's request is then the one the docs show (scripts/docs/samples.ts, from
// lib/requests.ts) on the base URL variable of its server, with auth only where the operation has security. Then
// one request per case of the conformance catalogue that Postman can send, each testing its documented answer.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Converter from 'openapi-to-postmanv2';
import { buildCatalogue } from '../conformance/engine/catalogue.ts';
import { readingOf } from '../conformance/engine/reading.ts';
import type { Expectation } from '../conformance/engine/case.ts';
import { answerFor, BUNDLE_PATH, loadContract, type Contract, type Operation } from '../lib/contract.ts';
import { credentialsOf } from '../lib/credentials.ts';
import { isObject, type JsonObject } from '../lib/json.ts';
import { sampleRequests } from './docs/samples.ts';
import { caseItem, documentedAnswer, LEFT_OUT, leftOutReason, type LeftOutReason } from './postman/cases.ts';
import {
  answerTest,
  operationRequest,
  tokenAuth,
  withoutToken,
  type PostmanCollection,
  type PostmanFolder,
  type PostmanItem,
} from './postman/request.ts';
import { isEntryPoint } from '../lib/entry-point.ts';

export const COLLECTION_PATH = resolve(import.meta.dirname, '../postman/collection.json');
export const CASES_FOLDER = 'Documented cases';
/** The catalogue's `x-unique` values start with this (`postman-1`, …), so a server's data shows where it came from. */
export const UNIQUE_PREFIX = 'postman';

export interface BaseUrlVariable {
  key: string;
  /** The server's URL with its variables at their defaults. */
  value: string;
}

/** The path prefix of the operation's first server: '' for none (OpenAPI's default server is `/`). */
function prefixOf(operation: Operation): string {
  return operation.servers[0]?.pathPrefix ?? '';
}

/** A base URL variable per server path prefix: the document's own is `baseUrl`, another (`/v1`) `baseUrlV1`. */
export function baseUrlVariables(contract: Contract): Map<string, BaseUrlVariable> {
  const variables = new Map<string, BaseUrlVariable>();
  const servers = [
    ...contract.servers,
    ...contract.operations.map((op) => op.servers[0] ?? { pathPrefix: '', defaultUrl: '' }),
  ];
  for (const { pathPrefix, defaultUrl } of servers) {
    if (variables.has(pathPrefix)) continue;
    const words = pathPrefix.split(/[^A-Za-z0-9]+/).filter(Boolean);
    const suffix = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('') || 'Root';
    variables.set(pathPrefix, { key: variables.size === 0 ? 'baseUrl' : `baseUrl${suffix}`, value: defaultUrl });
  }
  return variables;
}

export interface Collection {
  collection: PostmanCollection;
  /** How many cases are in the collection, and how many were left out, by reason. */
  included: number;
  leftOut: Map<LeftOutReason, number>;
}

export async function buildCollection(bundlePath = BUNDLE_PATH): Promise<Collection> {
  const contract = loadContract(bundlePath);
  const bases = baseUrlVariables(contract);
  const variableOf = (operation: Operation) => bases.get(prefixOf(operation))!.key;
  const operations = operationEntries(contract, await convert(readFileSync(bundlePath, 'utf8')), variableOf);
  const { items, leftOut } = caseItems(contract, variableOf);
  const collection: PostmanCollection = {
    info: { ...operations.info, description: describe(contract, bases, items.length, leftOut) },
    item: [...operations.entries, { name: CASES_FOLDER, item: items }],
    auth: { type: 'noauth' },
    variable: [
      ...[...bases.values()].map(({ key, value }) => ({ key, value, type: 'string' as const })),
      ...credentialsOf(contract).map((c) => ({
        key: c.key,
        value: '',
        type: 'string' as const,
        description: `A secret: ${c.description}.`,
      })),
    ],
  };
  return { collection, included: items.length, leftOut };
}

/**
 * The converter's folders and items, each item's request the documented one. Creates first, in folders and among
 * them: a read's documented key is what a create's example makes (as the docs' samples run).
 */
function operationEntries(contract: Contract, converted: JsonObject, variableOf: (op: Operation) => string) {
  const creates = new Set<PostmanItem>();
  const isCreate = (item: PostmanItem) => creates.has(item);
  const operationItem = (item: JsonObject): PostmanItem => {
    const operation = operationFor(contract, item);
    const made = documentedItem(contract, operation, item, variableOf(operation));
    if (operation.resource?.action === 'create') creates.add(made);
    return made;
  };
  const entries = (Array.isArray(converted.item) ? converted.item : []).filter(isObject).map((entry) => {
    if (!Array.isArray(entry.item)) return operationItem(entry);
    const item = createsFirst(entry.item.filter(isObject).map(operationItem), isCreate);
    const folder: PostmanFolder = { name: String(entry.name), item };
    return entry.description === undefined ? folder : { ...folder, description: entry.description };
  });
  return {
    info: isObject(converted.info) ? converted.info : {},
    entries: createsFirst(entries, (entry) => ('item' in entry ? entry.item.some(isCreate) : isCreate(entry))),
  };
}

/** An item per case Postman can send; the others counted by why they are left out. */
function caseItems(contract: Contract, variableOf: (op: Operation) => string) {
  const variables = new Set(credentialsOf(contract).map((c) => c.key));
  const leftOut = new Map<LeftOutReason, number>();
  const items = buildCatalogue(readingOf(contract), { uniquePrefix: UNIQUE_PREFIX }).cases.flatMap((testCase) => {
    const reason = leftOutReason(testCase, variables);
    if (reason) {
      leftOut.set(reason, (leftOut.get(reason) ?? 0) + 1);
      return [];
    }
    const operation = contract.operations.find((op) => op.operationId === testCase.operationId);
    if (!operation) throw new Error(`the case ${testCase.id} names no operation of the document`);
    const again = changesHeld(operation, testCase.expect) ? againAnswer(contract, operation) : [];
    return [caseItem(testCase, variableOf(operation), again)];
  });
  return { items, leftOut };
}

function convert(document: string): Promise<JsonObject> {
  return new Promise((done, fail) =>
    Converter.convertV2(
      { type: 'string', data: document },
      { parametersResolution: 'Example', folderStrategy: 'Tags' },
      (error, result) => {
        const data: unknown = result?.result ? result.output?.[0]?.data : undefined;
        if (error || !isObject(data)) {
          fail(new Error(`openapi-to-postmanv2: ${error?.message ?? result?.reason ?? 'no collection'}`));
        } else done(data);
      },
    ),
  );
}

/** The operation a converted item is for, by its method and path (the converter's `:widget_id` is `{widget_id}`). */
function operationFor(contract: Contract, item: JsonObject): Operation {
  const request = isObject(item.request) ? item.request : {};
  const url = isObject(request.url) ? request.url : {};
  const segments = (Array.isArray(url.path) ? url.path : []).map((s) => String(s).replace(/^:(.+)$/, '{$1}'));
  const key = `${String(request.method).toUpperCase()} /${segments.join('/')}`;
  const operation = contract.operations.find((op) => `${op.method} ${op.path}` === key);
  if (!operation) throw new Error(`openapi-to-postmanv2 made ${key}, which is no operation of the document`);
  return operation;
}

/**
 * The request of the docs' first sample, the token in Postman's auth when one scheme carries it (none without
 * security), optional query parameters present but switched off; its saved answers show the same request.
 */
function documentedItem(contract: Contract, operation: Operation, item: JsonObject, variable: string): PostmanItem {
  const sample = sampleRequests(operation)[0]!;
  const [alternative = []] = operation.security;
  // Postman's auth carries the token where it can express the scheme; otherwise it stays where the document puts it.
  const auth = alternative.length > 0 ? tokenAuth(alternative) : undefined;
  const parts = auth ? withoutToken(sample.parts, alternative) : sample.parts;
  const optional = new Set(operation.parameters.filter((p) => p.in === 'query' && !p.required).map((p) => p.name));
  const request = operationRequest(operation.path, parts, variable, auth ?? { type: 'noauth' }, optional);
  const converted = isObject(item.request) ? item.request : {};
  const responses = (Array.isArray(item.response) ? item.response : []).filter(isObject).map((response) => {
    const original = isObject(response.originalRequest) ? response.originalRequest : {};
    return { ...response, originalRequest: { ...toJson(request), body: original.body ?? null } };
  });
  const success: Expectation[] = operation.success ? [{ status: Number(operation.success.status) }] : [];
  const answers = [...success, ...againAnswer(contract, operation)].map(documentedAnswer);
  return {
    name: String(item.name ?? operation.summary),
    request: { ...request, ...(converted.description === undefined ? {} : { description: converted.description }) },
    response: responses,
    event: [answerTest(`${operation.summary} as documented`, answers)],
  };
}

/** Whether the case expects its create or transition to change what the server holds. */
function changesHeld(operation: Operation, expect: Expectation): boolean {
  const action = operation.resource?.action;
  return (action === 'create' || action === 'transition') && String(expect.status) === operation.success?.status;
}

/**
 * The documented answer a second run of the collection gets where the first changed what the server holds: a create
 * finds its key taken, a transition finds its item moved on.
 */
function againAnswer(contract: Contract, operation: Operation): Expectation[] {
  const action = operation.resource?.action;
  const errorCase =
    action === 'create' ? 'resource-exists' : action === 'transition' ? 'transition-refused' : undefined;
  const found = errorCase && answerFor(contract, errorCase, operation);
  return found ? [{ status: Number(found.response.status), example: found.example.value }] : [];
}

/** Creates first, keeping the order otherwise. */
function createsFirst<T>(entries: T[], isCreate: (entry: T) => boolean): T[] {
  return [...entries.filter(isCreate), ...entries.filter((entry) => !isCreate(entry))];
}

/** The collection's description: how to set it up, what it holds, and which cases it leaves out and why. */
function describe(
  contract: Contract,
  bases: Map<string, BaseUrlVariable>,
  included: number,
  leftOut: Map<LeftOutReason, number>,
): string {
  const total = [...leftOut.values()].reduce((sum, n) => sum + n, 0);
  return [
    `${contract.title} ${contract.version}, made from the contract by \`npm run postman\`.`,
    '',
    'Set the collection variables first. The base URLs, one per path prefix of the servers (against your own',
    "server or the kit's mock: its URL followed by the prefix):",
    ...[...bases].map(([prefix, { key, value }]) => `- \`${key}\`: ${prefix || '/'} (${value})`),
    '',
    'The secrets, empty until you set them:',
    ...credentialsOf(contract).map((c) => `- \`${c.key}\`: ${c.description}`),
    '',
    'Each operation sends its documented example, with auth only where the operation has security; creates run',
    'first, so that reads find what they made. Run again against the same server, a create may answer that the',
    'item exists, and a transition that the item has moved on: the tests accept those documented answers.',
    '',
    `*${CASES_FOLDER}* holds ${included} cases of the conformance catalogue, each testing its documented answer.`,
    `${total} cases are left out, because Postman cannot send them as one plain request:`,
    ...[...leftOut].map(([reason, count]) => `- ${count} ${LEFT_OUT[reason]}`),
    '',
    'The conformance suite (`npm run conformance`) runs them all.',
  ].join('\n');
}

/** A typed value as the JSON it is (interfaces have no index signature, so they are not `Json` to TypeScript). */
function toJson<T>(value: T): JsonObject {
  const json: unknown = JSON.parse(JSON.stringify(value));
  return isObject(json) ? json : {};
}

if (isEntryPoint(import.meta.url)) {
  const { collection, included, leftOut } = await buildCollection();
  mkdirSync(dirname(COLLECTION_PATH), { recursive: true });
  writeFileSync(COLLECTION_PATH, `${JSON.stringify(collection, null, 2)}\n`);
  const skipped = [...leftOut.values()].reduce((sum, n) => sum + n, 0);
  console.log(`Wrote ${COLLECTION_PATH}: ${included} cases (${skipped} left out, see its description).`);
  console.log('Import it in Postman and set the base URLs and the secrets in the collection variables.');
}
