// The requests the bench sends, all taken from the bundled document through the conformance catalogue: the valid
// create is the operation's first named request example (with a new key each time, as the mock remembers keys);
// the invalid one is a catalogue case that breaks a documented bound (a 422); the read and the list are the
// documented requests of the operations `x-resource` marks read and list.
import { loadContract, type Contract, type Operation } from '../lib/contract.ts';
import { isObject } from '../lib/json.ts';
import { assemble, documentedParts } from '../lib/requests.ts';
import { buildCatalogue } from '../conformance/engine/catalogue.ts';
import { readingOf } from '../conformance/engine/reading.ts';
import type { Case, CaseRequest } from '../conformance/engine/case.ts';
import { fill } from '../conformance/engine/placeholders.ts';

export interface BenchRequest {
  label: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  expectedStatus: number;
  /** A new body for each request, where the document needs a new key each time (x-resource create). */
  fresh?: () => string;
}

export interface BenchRequests {
  contract: Contract;
  valid: BenchRequest;
  invalid: BenchRequest;
  /** The read of an item the bench created first (see `key`), and the list of all it created. */
  read?: BenchRequest;
  list?: BenchRequest;
  /** Fills the store: creates `count` items through `valid`; the read names the first. */
  createBody(index: number): string;
  /** The documented success body of the create, for the bare server to answer with. */
  successBody: string;
}

export function benchRequests(credentials: Record<string, string>): BenchRequests {
  const contract = loadContract();
  const { cases } = buildCatalogue(readingOf(contract), { uniquePrefix: 'bench' });
  const create =
    contract.operations.find((op) => op.resource?.action === 'create') ??
    contract.operations.find((op) => op.requestBody);
  if (!create?.success) throw new Error('the document has no operation that creates something');
  const example = cases.find(
    (c) => c.operationId === create.operationId && c.id.startsWith(`${create.operationId}.success.example.`),
  );
  if (!example) throw new Error(`no success case for ${create.operationId}`);
  const invalid = cases.filter(
    (c) =>
      c.operationId === create.operationId && c.expect.errorCase === 'fields-invalid' && c.expect.fields?.length === 1,
  );
  const broken = invalid.find((c) => c.id.endsWith('.above-maximum')) ?? invalid[0];
  if (!broken) throw new Error('the catalogue has no field-rule case');

  const key = create.resource?.action === 'create' ? create.resource.key : undefined;
  const template = example.request.body
    ? (JSON.parse(filled(example.request.body, credentials)) as unknown)
    : undefined;
  let counter = 0;
  const createBody = (index: number) =>
    JSON.stringify(isObject(template) && key ? { ...template, [key]: `bench-${process.pid}-${index}` } : template);
  const request = (label: string, c: Case | { request: CaseRequest; expect: { status: number } }): BenchRequest => ({
    label,
    method: c.request.method,
    path: filled(c.request.path, credentials),
    headers: Object.fromEntries(
      Object.entries(c.request.headers).map(([name, value]) => [name, filled(value, credentials)]),
    ),
    ...(c.request.body === undefined ? {} : { body: filled(c.request.body, credentials) }),
    expectedStatus: c.expect.status,
  });
  /** The documented request of a read or list, its key parameter naming an item the bench created. */
  const readOf = (operation: Operation | undefined, value: string): BenchRequest | undefined => {
    if (!operation?.success) return undefined;
    const parts = documentedParts(operation);
    const resource = operation.resource;
    const parameter = operation.parameters.find((p) => resource?.action !== 'list' && p.name === resource?.key);
    if (parameter?.in === 'path') parts.pathValues[parameter.name] = value;
    if (parameter?.in === 'query')
      parts.query = [...parts.query.filter(([name]) => name !== parameter.name), [parameter.name, value]];
    const label = `${operation.operationId}: the documented request${parameter ? `, ${parameter.name} of a created item` : ''}`;
    return request(label, {
      request: assemble(operation.path, parts),
      expect: { status: Number(operation.success.status) },
    });
  };
  return {
    contract,
    valid: {
      ...request(
        `${create.operationId}: request example "${example.id.split('.').pop()}", a new ${key ?? 'body'} each time`,
        example,
      ),
      fresh: () => createBody(++counter + 1_000_000),
    },
    invalid: request(`${create.operationId}: case ${broken.id} (${broken.title})`, broken),
    read: readOf(
      contract.operations.find((op) => op.resource?.action === 'read'),
      `bench-${process.pid}-0`,
    ),
    list: readOf(
      contract.operations.find((op) => op.resource?.action === 'list'),
      '',
    ),
    createBody,
    successBody: JSON.stringify(create.success.examples[0]?.value ?? {}),
  };
}

function filled(text: string, secrets: Record<string, string>): string {
  return fill(text, secrets, undefined, (value) => value).text;
}
