// The same client code on another document: the fixture with every kind of operation (test/fixtures/README.md) is
// generated into a temp folder as generated/ is from openapi/, its types are compiled against client/core.ts, and
// a client built from its operations drives the mock serving the fixture. Nothing in client/ names a widget.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMockDocument, startMockServer, type RunningMock } from '../mocks/server.ts';
import { generateFrom } from '../scripts/generate.ts';
import { createClientFor, type GeneratedApi, type OperationFacts } from './core.ts';

const ROOT = resolve(import.meta.dirname, '..');
const KINDS = resolve(ROOT, 'test/fixtures/kinds.openapi.yaml');
const credentials = { token: 'kinds-token', tenant: 'Tenant42' };
const out = mkdtempSync(join(tmpdir(), 'client-kinds-'));

let mock: RunningMock;
let generated: GeneratedApi<Record<string, OperationFacts>>;
beforeAll(async () => {
  await generateFrom(KINDS, out);
  generated = await import(pathToFileURL(join(out, 'operations.ts')).href);
  mock = await startMockServer({ credentials, port: 0, document: readMockDocument(KINDS) });
}, 60_000);
afterAll(async () => {
  await mock?.close();
  rmSync(out, { recursive: true, force: true });
});

// What a frontend developer of the fixture API would write; each @ts-expect-error must meet an error.
const CHECKS = `
import { createClientFor, type InputFor } from ${JSON.stringify(resolve(ROOT, 'client/core.ts'))};
import { operations, servers } from './operations.ts';
import type { paths } from './schema.d.ts';

const client = createClientFor<paths, typeof operations>({ servers, operations }, { baseUrl: '', token: 't', tenant: 'T', auth: 'bearerAuth' });
const widget = { id: 'W-1', dimensions: { width: 1, height: 1, unit: 'mm' as const }, parts: [{ type: 'bolt' as const, size: 1 }] };

export async function calls() {
  await client.getStatus();
  await client.listWidgets({ query: { colour_family: 'cool' } });
  await client.getWidget({ path: { widget_id: 'W-1' }, query: { depth: 1 } });
  await client.updateWidget({ path: { widget_id: 'W-1' }, body: { colour: null } });
  const created = await client.createWidget({ body: { ...widget, parts: [{ type: 'panel', material: 'wood', thickness: 1 }] } });
  if (created.ok) return created.data.data.kind satisfies 'widget';
  if (created.kind === 'error' && created.status === 409) return created.error.code;
  if (created.kind === 'error' && created.status === 422) return created.error.problems.map((p) => p.field).join();
  // @ts-expect-error createWidget answers no 404
  if (created.kind === 'error' && created.status === 404) return '';
  // @ts-expect-error the path parameter is required
  await client.getWidget({});
  // @ts-expect-error colour_family is a required query parameter
  await client.listWidgets({ query: { limit: 2 } });
  // @ts-expect-error limit is a number
  await client.listWidgets({ query: { colour_family: 'cool', limit: '2' } });
  // @ts-expect-error x-tenant is the client's to send, from its options
  await client.listWidgets({ query: { colour_family: 'cool' }, header: { 'x-tenant': 'T' } });
  // @ts-expect-error getStatus takes no credential
  await client.getStatus({ header: { 'x-tenant': 'T' } });
  // @ts-expect-error a part is a bolt or a panel
  await client.createWidget({ body: { ...widget, parts: [{ type: 'nail', size: 1 }] } });
  // @ts-expect-error the PATCH needs the widget's id
  await client.updateWidget({ body: { colour: null } });
  // @ts-expect-error this document has no channel key
  createClientFor<paths, typeof operations>({ servers, operations }, { baseUrl: '', channelKey: 'k' });
  // @ts-expect-error nor a scheme named accessToken
  createClientFor<paths, typeof operations>({ servers, operations }, { baseUrl: '', auth: 'accessToken' });
  // @ts-expect-error nor the real API's operations
  await client.createPackagingOrder();
  return '';
}

export const read: InputFor<paths['/widgets/{widget_id}']['get'], typeof operations.getWidget>['path'] = { widget_id: 'W-1' };
`;

describe('types generated from the fixture', () => {
  it('type the fixture client: required path and query parameters, credentials, bodies, narrowing', async () => {
    writeFileSync(join(out, 'checks.ts'), CHECKS);
    writeFileSync(
      join(out, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noUncheckedIndexedAccess: true,
          noEmit: true,
          skipLibCheck: true,
          allowImportingTsExtensions: true,
          types: ['node'],
          typeRoots: [resolve(ROOT, 'node_modules/@types')],
        },
        files: ['checks.ts'],
      }),
    );
    const tsc = resolve(ROOT, 'node_modules/.bin/tsc');
    const result = await promisify(execFile)(tsc, ['-p', join(out, 'tsconfig.json')]).catch(
      (error: { stdout: string }) => ({ stdout: error.stdout }),
    );
    expect(result.stdout).toBe('');
  });
});

/** A call seen without the fixture's types: any result of ApiResult has these members. */
type Call = (input?: object) => Promise<{ ok: boolean; kind?: string; status?: number; data?: unknown }>;

describe('a client built from the fixture, against the mock serving it', () => {
  const sent: { method: string; url: string; headers: Record<string, string> }[] = [];
  const client = (options: Record<string, string | undefined> = {}) => {
    // Types from the temp folder cannot be imported here: the test above compiles them, this one runs them.
    const built = createClientFor<unknown, Record<string, OperationFacts>>(generated, {
      baseUrl: `${mock.url}/api/v3`,
      ...credentials,
      ...options,
      fetch: (request: Request) => {
        sent.push({ method: request.method, url: request.url, headers: Object.fromEntries(request.headers) });
        return fetch(request);
      },
    });
    return built as unknown as Record<string, Call>;
  };
  const last = () => sent.at(-1)!;
  const widget = {
    id: 'W-77',
    dimensions: { width: 120, height: 80, unit: 'mm' },
    parts: [{ type: 'panel', material: 'steel', thickness: 1.5 }],
  };

  it('has one function per operation of the fixture', () => {
    expect(Object.keys(client()).sort()).toEqual([
      'activateWidget',
      'createWidget',
      'getStatus',
      'getWidget',
      'listWidgets',
      'updateWidget',
    ]);
  });

  it('creates a widget (POST, 201) with the token and the x-tenant credential header', async () => {
    const result = await client().createWidget!({ body: widget });
    expect(result).toMatchObject({ ok: true, status: 201, data: { data: { ...widget, kind: 'widget' } } });
    expect(last()).toMatchObject({
      method: 'POST',
      url: `${mock.url}/api/v3/widgets`,
      headers: { 'x-api-key': credentials.token, 'x-tenant': credentials.tenant },
    });
  });

  it('reads it back by path parameter, with optional query parameters, and sees it in the list', async () => {
    const read = await client().getWidget!({ path: { widget_id: widget.id }, query: { include: 'parts', depth: 2 } });
    expect(read).toMatchObject({ ok: true, status: 200, data: { data: { id: widget.id } } });
    expect(last().url).toBe(`${mock.url}/api/v3/widgets/${widget.id}?include=parts&depth=2`);

    const list = await client({ auth: 'bearerAuth' }).listWidgets!({ query: { colour_family: 'cool' } });
    expect(list.ok && JSON.stringify(list.data)).toContain(widget.id);
    expect(last().headers).toMatchObject({ authorization: `Bearer ${credentials.token}` });
    expect(last().headers['x-api-key']).toBeUndefined();
  });

  it('updates it with a PATCH', async () => {
    const result = await client().updateWidget!({ path: { widget_id: widget.id }, body: { colour: null } });
    expect(result).toMatchObject({ ok: true, status: 200, data: { data: { colour: null } } });
    expect(last().method).toBe('PATCH');
  });

  it('activates it (draft to active), the answer repeating its id from the path; again is the 409', async () => {
    const activated = await client().activateWidget!({ path: { widget_id: widget.id } });
    expect(activated).toMatchObject({ ok: true, status: 200, data: { data: { id: widget.id, status: 'active' } } });
    expect(last()).toMatchObject({ method: 'POST', url: `${mock.url}/api/v3/widgets/${widget.id}/activate` });
    expect(await client().activateWidget!({ path: { widget_id: widget.id } })).toMatchObject({
      ok: false,
      status: 409,
      error: { code: 'widget_not_draft' },
    });
    expect(await client().activateWidget!({ path: { widget_id: 'W-nope' } })).toMatchObject({ status: 404 });
  });

  it('gets the documented errors, narrowed by status', async () => {
    expect(await client().createWidget!({ body: widget })).toMatchObject({
      ok: false,
      kind: 'error',
      status: 409,
      error: { code: 'widget_exists' },
    });
    expect(await client().getWidget!({ path: { widget_id: 'W-nope' } })).toMatchObject({ status: 404 });
    expect(await client({ tenant: undefined }).getWidget!({ path: { widget_id: widget.id } })).toMatchObject({
      status: 400,
      error: { code: 'tenant_invalid' },
    });
    expect(await client({ token: undefined }).listWidgets!({ query: { colour_family: 'cool' } })).toMatchObject({
      status: 401,
      error: { code: 'token_missing' },
    });
    const invalid = await client().listWidgets!({ query: { colour_family: 'cool', limit: 0 } });
    expect(invalid).toMatchObject({ status: 422, error: { problems: [{ field: 'limit' }] } });
  });

  it('sends the public health check to its own server, with no credential at all', async () => {
    const result = await client().getStatus!();
    expect(result).toMatchObject({ ok: true, status: 200, data: { status: 'ok' } });
    expect(last().url).toBe(`${mock.url}/health/status`);
    expect(Object.keys(last().headers).filter((name) => /tenant|api-key|authorization/.test(name))).toEqual([]);
  });
});
