// The kit's own Spectral rules (.spectral.yaml) catch what they promise: a copy of the bundle with one `x-`
// extension or server description broken at a time fails, naming the place of the broken value; the unbroken
// copy passes. Each copy is linted as `openapi.yaml` in a temporary folder with the repository's own ruleset, which
// keys its exceptions by that base name so that they apply to the copies too.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { BUNDLE_PATH, type JsonObject } from '../lib/contract.ts';
import { pointerOf } from '../lib/json.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SPECTRAL = resolve(ROOT, 'node_modules/.bin/spectral');
const RULESET = resolve(ROOT, '.spectral.yaml');

interface SpectralResult {
  code: string;
  message: string;
  path: string[];
  severity: number;
}

interface Breakage {
  name: string;
  /** Where the broken value stands, as property names from the root. */
  at: string[];
  /** The broken value; undefined keeps the value and only names the place (for `mutate`). */
  value?: unknown;
  /** The rule that must report it. */
  rule: string;
}

const breakages: Breakage[] = [
  {
    name: 'a misspelt error case',
    at: [
      'components',
      'responses',
      'Unauthorized',
      'content',
      'application/json',
      'examples',
      'noToken',
      'x-error-case',
    ],
    value: 'credentails-missing',
    rule: 'x-error-case-known',
  },
  {
    name: 'x-max-body-bytes as a string',
    at: ['components', 'responses', 'PayloadTooLarge', 'x-max-body-bytes'],
    value: '102400',
    rule: 'x-max-body-bytes-value',
  },
  {
    name: 'x-max-body-bytes of 0',
    at: ['components', 'responses', 'PayloadTooLarge', 'x-max-body-bytes'],
    value: 0,
    rule: 'x-max-body-bytes-value',
  },
  {
    name: 'an x-resource with action delete',
    at: ['paths', '/packaging_order', 'post', 'x-resource', 'action'],
    value: 'delete',
    rule: 'x-resource-value',
  },
  {
    name: 'an x-resource read without its key',
    at: ['paths', '/packaging_order/details', 'get', 'x-resource'],
    value: { name: 'packaging-order', action: 'read', item: '/data' },
    rule: 'x-resource-value',
  },
  {
    name: 'an x-check-order with an unknown case',
    at: ['x-check-order', '2'],
    value: 'token-expired',
    rule: 'x-check-order-value',
  },
  {
    name: 'an x-check-order naming a case twice',
    at: ['paths', '/api_auth', 'post', 'x-check-order'],
    value: ['body-too-large', 'fields-invalid', 'fields-invalid'],
    rule: 'x-check-order-value',
  },
  {
    name: 'x-issues-token that is not a JSON Pointer',
    at: ['paths', '/api_auth', 'post', 'x-issues-token'],
    value: 'data.token',
    rule: 'x-issues-token-value',
  },
  {
    name: 'x-credential as a string',
    at: ['components', 'parameters', 'ChannelKey', 'x-credential'],
    value: 'yes',
    rule: 'x-credential-value',
  },
  {
    name: 'x-field-errors as false',
    at: ['components', 'schemas', 'ValidationError', 'properties', 'errors', 'x-field-errors'],
    value: false,
    rule: 'x-field-errors-value',
  },
  {
    name: 'x-max-body-bytes on a schema',
    at: ['components', 'schemas', 'Error', 'x-max-body-bytes'],
    value: 102400,
    rule: 'x-max-body-bytes-place',
  },
  {
    name: 'x-error-case on a parameter',
    at: ['components', 'parameters', 'ChannelKey', 'x-error-case'],
    value: 'credential-invalid',
    rule: 'x-error-case-place',
  },
  {
    name: 'x-resource on a schema',
    at: ['components', 'schemas', 'PackagingOrder', 'x-resource'],
    value: { name: 'packaging-order', action: 'list', item: '/data' },
    rule: 'x-resource-place',
  },
  {
    name: 'x-route-errors on an operation',
    at: ['paths', '/packaging_order', 'post', 'x-route-errors'],
    value: { '404': { $ref: '#/components/responses/NotFound' } },
    rule: 'x-route-errors-place',
  },
  {
    name: 'an extension the reference does not describe',
    at: ['x-check-orders'],
    value: ['body-too-large'],
    rule: 'x-extension-known',
  },
  {
    name: 'code marks in a server description',
    at: ['servers', '1', 'description'],
    value: 'The mock, which also answers without the `/v1` prefix.',
    rule: 'server-description-plain',
  },
  {
    name: 'a link in the description of a server variable',
    at: ['paths', '/api_auth', 'servers', '1', 'variables', 'protocol', 'description'],
    value: 'See [the mock](https://example.test/mock).',
    rule: 'server-description-plain',
  },
];

const bundle = parse(readFileSync(BUNDLE_PATH, 'utf8')) as JsonObject;
const work = mkdtempSync(join(tmpdir(), 'lint-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function broken(breakage: Breakage): JsonObject {
  const copy = structuredClone(bundle);
  let node = copy as Record<string, unknown>;
  for (const key of breakage.at.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null)
      throw new Error(`${breakage.name}: no ${key} in the bundle`);
    node = node[key] as Record<string, unknown>;
  }
  node[breakage.at.at(-1)!] = breakage.value;
  return copy;
}

async function lint(name: string, document: JsonObject): Promise<SpectralResult[]> {
  const folder = join(work, name.replace(/[^a-z0-9]+/gi, '-'));
  mkdirSync(folder);
  const file = join(folder, 'openapi.yaml');
  writeFileSync(file, stringify(document));
  const args = ['lint', file, '--ruleset', RULESET, '--fail-severity', 'warn', '-f', 'json', '--quiet'];
  // Exit code 1 means findings: the JSON on stdout is the answer either way.
  const { stdout } = await promisify(execFile)(SPECTRAL, args, { cwd: ROOT }).catch((error: { stdout?: string }) => {
    if (typeof error.stdout !== 'string' || !error.stdout.trim().startsWith('[')) throw error;
    return { stdout: error.stdout };
  });
  return JSON.parse(stdout) as SpectralResult[];
}

const results = new Map<string, SpectralResult[]>();
beforeAll(async () => {
  const runs = [['unbroken', bundle] as const, ...breakages.map((b) => [b.name, broken(b)] as const)];
  await Promise.all(runs.map(async ([name, document]) => results.set(name, await lint(name, document))));
}, 120_000);

describe('Spectral on a copy of the bundle', () => {
  it('passes the unbroken copy (the exceptions apply to a copy too)', () => {
    expect(results.get('unbroken')!.map((r) => `${r.code} ${r.path.join('.')}`)).toEqual([]);
  });

  it.each(breakages.map((b) => [b.name, b] as const))('fails %s, naming the place', (_name, breakage) => {
    const found = results.get(breakage.name)!;
    const pointer = pointerOf(...breakage.at);
    const match = found.find((r) => r.code === breakage.rule && r.path.join('\u0000') === breakage.at.join('\u0000'));
    expect(match, `${breakage.rule} at ${pointer}; Spectral said:\n${JSON.stringify(found, null, 2)}`).toBeDefined();
    expect(match!.message).toContain(pointer);
    expect(match!.severity, 'an error, so that npm run lint fails').toBe(0);
  });
});
