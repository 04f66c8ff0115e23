// The Postman collection, for the contract and for the fixture document: its variables, auth and URLs read from
// the document, and a newman run against the mock in which every request gets the answer the document promises,
// run twice against the same mock (a collection is run again; its creates then meet items that exist).
import newman, { type NewmanRunSummary } from 'newman';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue } from '../conformance/engine/catalogue.ts';
import { readingOf } from '../conformance/engine/reading.ts';
import { BUNDLE_PATH, loadContract, type Operation } from '../lib/contract.ts';
import { credentialsOf } from '../lib/credentials.ts';
import { startMockServer, type RunningMock } from '../mocks/server.ts';
import { LEFT_OUT } from './postman/cases.ts';
import type { PostmanFolder, PostmanItem } from './postman/request.ts';
import { baseUrlVariables, buildCollection, CASES_FOLDER, UNIQUE_PREFIX, type Collection } from './postman.ts';

const documents: [string, string][] = [
  ['the contract', BUNDLE_PATH],
  ['the fixture document', 'test/fixtures/kinds.openapi.yaml'],
];

describe.each(documents)('the Postman collection of %s', (_, bundlePath) => {
  const contract = loadContract(bundlePath);
  const credentials = credentialsOf(contract);
  const secrets = Object.fromEntries(credentials.map((c) => [c.key, `Postman${c.key}7`]));
  const bases = baseUrlVariables(contract);
  const cases = buildCatalogue(readingOf(contract), { uniquePrefix: UNIQUE_PREFIX }).cases;
  let built: Collection;
  let mock: RunningMock;
  let folders: PostmanFolder[];
  /** Each operation's item, found by the operation's method and summary. */
  const itemOf = (operation: Operation): PostmanItem | undefined =>
    folders
      .filter((f) => f.name !== CASES_FOLDER)
      .flatMap((f) => f.item)
      .find((i) => i.name === operation.summary && i.request.method === operation.method);

  beforeAll(async () => {
    built = await buildCollection(bundlePath);
    folders = built.collection.item.filter((entry): entry is PostmanFolder => 'item' in entry);
    mock = await startMockServer({ credentials: secrets, port: 0, document: { contract, path: bundlePath } });
  }, 60_000);
  afterAll(() => mock?.close());

  it('has a base URL variable per server path prefix and a variable per credential, all secrets empty', () => {
    expect(new Set(contract.operations.map((op) => bases.get(op.servers[0]!.pathPrefix)?.key)).size).toBe(
      new Set(contract.operations.map((op) => op.servers[0]!.pathPrefix)).size,
    );
    expect(built.collection.variable.map((v) => [v.key, v.value])).toEqual([
      ...[...bases.values()].map((b) => [b.key, b.value]),
      ...credentials.map((c) => [c.key, '']),
    ]);
    expect(built.collection.auth).toEqual({ type: 'noauth' });
  });

  it.each(contract.operations.map((op): [string, Operation] => [op.operationId, op]))(
    '%s: its server, its parameters filled, auth only when it has security',
    (_, operation) => {
      const item = itemOf(operation);
      expect(item, `no item for ${operation.operationId}`).toBeDefined();
      const { url, auth, header } = item!.request;
      expect(url.host).toEqual([`{{${bases.get(operation.servers[0]!.pathPrefix)!.key}}}`]);
      expect(url.raw.replace(/\{\{[^{}]+\}\}/g, '')).not.toMatch(/[{}]|\/:/);
      for (const parameter of operation.parameters.filter((p) => p.in === 'query' && p.required)) {
        expect(url.query?.find((q) => q.key === parameter.name)?.disabled).toBeUndefined();
      }
      const secured = operation.security.some((alternative) => alternative.length > 0);
      const tokenHeader = header.some((h) => h.value?.includes('{{token}}'));
      expect(auth.type !== 'noauth' || tokenHeader).toBe(secured);
      if (!secured) expect(JSON.stringify(item!.request)).not.toContain('{{token}}');
    },
  );

  it('leaves out only what Postman cannot send, and says how many and why in its description', () => {
    const casesFolder = folders.find((f) => f.name === CASES_FOLDER)!;
    const ids = new Set(casesFolder.item.map((i) => i.name.split(': ')[0]));
    const leftOut = [...built.leftOut.values()].reduce((sum, n) => sum + n, 0);
    expect(built.included).toBe(ids.size);
    expect(built.included + leftOut).toBe(cases.length);
    for (const testCase of cases.filter((c) => ids.has(c.id))) {
      expect(testCase.property ?? testCase.prelude ?? testCase.request.padTo).toBeUndefined();
      expect(JSON.stringify(testCase.request)).not.toMatch(/\{\{(?:\$|[^{}]*\|)/);
    }
    const description = String(built.collection.info.description);
    for (const [reason, count] of built.leftOut) expect(description).toContain(`- ${count} ${LEFT_OUT[reason]}`);
    expect(description).toContain(`${leftOut} cases are left out`);
  });

  it('newman: every request gets its documented answer, also when the collection runs again', async () => {
    const envVar = [
      ...[...bases].map(([prefix, { key }]) => ({ key, value: `${mock.url}${prefix}` })),
      ...Object.entries(secrets).map(([key, value]) => ({ key, value })),
    ];
    // What the engine allows for each request; the collection also accepts, for creates, the answer of a re-run.
    const allowed = new Map<string, number[]>([
      ...contract.operations.map((op): [string, number[]] => [op.summary, [Number(op.success!.status)]]),
      ...cases.map((c): [string, number[]] => [
        `${c.id}: ${c.title}`,
        [c.expect.status, ...(c.expect.orElse ?? []).map((e) => e.status)],
      ]),
    ]);
    const first = await run(built, envVar);
    expect(first.run.failures.map((f) => `${f.source?.name}: ${f.error?.message}`)).toEqual([]);
    expect(first.run.stats.requests.total).toBe(contract.operations.length + built.included);
    // Against a fresh mock, no request needs the re-run allowance: each gets an answer the engine itself allows.
    const unexpected = first.run.executions
      .filter((e) => !allowed.get(e.item.name)?.includes(e.response?.code ?? 0))
      .map((e) => `${e.item.name}: ${e.response?.code}`);
    expect(unexpected).toEqual([]);
    console.log(
      `newman (${contract.title}): ${first.run.stats.requests.total} requests, ` +
        `${first.run.stats.assertions.total} assertions, ${first.run.failures.length} failures`,
    );
    const again = await run(built, envVar);
    expect(again.run.failures.map((f) => `${f.source?.name}: ${f.error?.message}`)).toEqual([]);
  }, 60_000);
});

function run(built: Collection, envVar: { key: string; value: string }[]): Promise<NewmanRunSummary> {
  return new Promise((resolve, reject) =>
    newman.run(
      { collection: JSON.parse(JSON.stringify(built.collection)), envVar, reporters: [], timeoutRequest: 5000 },
      (error, summary) => (error ? reject(error) : resolve(summary)),
    ),
  );
}
