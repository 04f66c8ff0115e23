// The packages as their users get them: packed, installed from the tarballs into an empty project at a path with a
// space (nothing from this checkout's node_modules), and used there. The client from plain Node ESM (the docs'
// TypeScript samples with their types stripped), type-checked by TypeScript with moduleResolution bundler and
// node16, and bundled for the browser; the CLI and the mock through their bins, the CLI judging the installed mock
// with the mock's own default credentials. The installed sizes are printed (bench/ measures, tests only show).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContract, type Operation } from '../lib/contract.ts';
import { credentialsOf, environmentFor } from '../lib/credentials.ts';
import { documentedRequest } from '../lib/requests.ts';
import { schemaValidator } from '../lib/schema-validator.ts';
import { startReferenceServer } from '../conformance/fixtures/reference-server.ts';
import { RESET_PATH } from '../mocks/server.ts';
import rootManifest from '../package.json' with { type: 'json' };
import { browserBundleBytes, installConsumer } from './consumer.ts';
import { printedOnSuccess, runOrder, samplesAt } from './docs/samples.ts';
import { installedSizes } from './package-sizes.ts';
import { packageIn, packPackages, PACKAGES } from './packages.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..');
const contract = loadContract();
const manifests = PACKAGES.map(
  (kit) =>
    JSON.parse(readFileSync(join(ROOT, kit.folder, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
      bin?: Record<string, string>;
      dependencies?: Record<string, string>;
    },
);
const [client, cli, mock] = ['client', 'conformance', 'mocks'].map(
  (folder) => manifests[PACKAGES.indexOf(packageIn(folder))]!,
);
const binOf = (manifest: typeof cli) => Object.keys(manifest!.bin ?? {})[0]!;

const work = mkdtempSync(join(tmpdir(), 'kit packages '));
const app = join(work, 'consumer app');
let tarballs: string[];
let running: ChildProcess | undefined;
let mockUrl: string;
let mockEnv: Record<string, string>;

/** Runs a command in the consumer project; its output, or a failure that says what it printed. */
async function inApp(command: string, args: string[], env: Record<string, string> = {}, cwd = app) {
  try {
    const { stdout } = await run(command, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
    return stdout;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(' ')} failed: ${failed.stderr || failed.stdout || failed.message}`);
  }
}

/**
 * Starts the installed mock on a free port, with a second tenant (its other credentials the mock's defaults);
 * resolves with its URL and the variables of the `export` lines it prints, the second tenant's (SECOND_…) too.
 */
function startInstalledMock(): Promise<{ url: string; env: Record<string, string> }> {
  return new Promise((done, fail) => {
    const child = spawn(join(app, 'node_modules/.bin', binOf(mock)), [], {
      cwd: app,
      env: { ...process.env, PORT: '0', MOCK_SECOND_TOKEN: 'second-mock-token' },
    });
    running = child;
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /Base URL\s+(http:\/\/\S+)/.exec(out)?.[1];
      const exported = [...out.matchAll(/^\s*export (.+)$/gm)].map((line) => line[1]!);
      if (url && exported.length === 2) {
        const pairs = exported.flatMap((line) => [...line.matchAll(/(\w+)='([^']*)'/g)]);
        done({ url, env: Object.fromEntries(pairs.map(([, k, v]) => [k!, v!])) });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => fail(new Error(`the installed mock exited (${code}): ${out}`)));
  });
}

beforeAll(async () => {
  tarballs = await packPackages(join(work, 'tarballs'));
  // The tarballs, and the compiler a TypeScript app brings: from npm's cache (CI's npm ci has filled it).
  const tools = (['typescript', '@types/node'] as const).map((name) => `${name}@${rootManifest.devDependencies[name]}`);
  await installConsumer(app, tarballs, tools);
  ({ url: mockUrl, env: mockEnv } = await startInstalledMock());
}, 180_000);

afterAll(() => {
  running?.kill();
  rmSync(work, { recursive: true, force: true });
});

describe('the packages', () => {
  it("each carries the contract's version", () => {
    expect(manifests.map((m) => m.version)).toEqual(manifests.map(() => contract.version));
  });

  it('hold their package.json, README and dist/ only: no source, no test, no node_modules', async () => {
    for (const tarball of tarballs) {
      const files = (await inApp('tar', ['-tzf', tarball], {}, work)).trim().split('\n');
      expect(
        files.filter((f) => !/^package\/(package\.json|README\.md|dist\/.+)$/.test(f)),
        tarball,
      ).toEqual([]);
      expect(
        files.filter((f) => /\.(ts|mts)$/.test(f) && !f.endsWith('.d.ts')),
        tarball,
      ).toEqual([]);
    }
  });

  it('the CLI and the mock carry the licence notices of the packages they bundle', async () => {
    for (const tarball of tarballs.filter((t) => !t.includes('client'))) {
      const notices = await inApp('tar', ['-xzOf', tarball, 'package/dist/THIRD-PARTY-LICENSES.txt'], {}, work);
      expect(notices, tarball).toMatch(/^[@\w][\w./@-]*@\d+\.\d+\.\d+ \(/);
      expect(notices.split(`\n${'-'.repeat(80)}\n`).length, tarball).toBeGreaterThan(1);
    }
  });

  it('the client depends on openapi-fetch alone; the CLI and the mock on nothing at run time', () => {
    expect(Object.keys(client!.dependencies ?? {})).toEqual(['openapi-fetch']);
    expect(cli!.dependencies ?? {}).toEqual({});
    expect(mock!.dependencies ?? {}).toEqual({});
  });

  it('installed sizes (printed; the goals are in the README)', () => {
    const sizes = installedSizes(join(app, 'node_modules'), manifests);
    console.log(sizes.map(({ name, bytes }) => `${name}: ${(bytes / 1e6).toFixed(1)} MB installed`).join('\n'));
    expect(sizes.every(({ bytes }) => bytes > 0)).toBe(true);
  });
});

describe('the client, installed', () => {
  const operations = runOrder(contract);
  /** The operation's TypeScript sample, sent to the installed mock under the operation's own server prefix. */
  const sampleOf = (operation: Operation) =>
    samplesAt(contract, operation, `${mockUrl}${operation.servers[0]?.pathPrefix ?? ''}`)[1]!.source;

  it('from plain Node ESM: each TypeScript sample of the docs, types stripped, gets the documented success', async () => {
    const printed: Record<string, string[]> = {};
    for (const operation of operations) {
      const { outputText } = ts.transpileModule(sampleOf(operation), {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      });
      writeFileSync(join(app, `${operation.operationId}.mjs`), outputText);
      printed[operation.operationId] = (await inApp('node', [`${operation.operationId}.mjs`], mockEnv))
        .trim()
        .split('\n');
    }
    expect(printed).toEqual(Object.fromEntries(operations.map((op) => [op.operationId, printedOnSuccess(op)])));
  }, 60_000);

  it.each([
    ['bundler', { module: 'esnext', moduleResolution: 'bundler' }],
    ['node16', { module: 'node16', moduleResolution: 'node16' }],
  ])(
    'type-checks with moduleResolution %s, strict: the samples pass and a wrong call does not',
    async (name, resolution) => {
      const dir = join(app, `ts-${name}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
      const compilerOptions = { ...resolution, target: 'es2022', strict: true, noEmit: true, types: ['node'] };
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['*.ts'] }));
      for (const operation of operations) writeFileSync(join(dir, `${operation.operationId}.ts`), sampleOf(operation));
      // The types must hold: a create without its body is an error (an `any` would let it through, and fail here).
      const create = operations.find((op) => op.requestBody?.required)!;
      writeFileSync(
        join(dir, 'wrong.ts'),
        `import { createClient } from '${client!.name}';\nconst client = createClient({ baseUrl: '${mockUrl}' });\n` +
          `// @ts-expect-error the body is required\nawait client.${create.operationId}({});\n`,
      );
      await inApp(join(app, 'node_modules/.bin/tsc'), ['-p', dir]);
    },
    60_000,
  );

  it('bundles for the browser with esbuild (a Node built-in would fail it): the size printed', async () => {
    const bytes = await browserBundleBytes(app, client!.name);
    console.log(`client bundled for the browser with openapi-fetch, minified: ${(bytes / 1000).toFixed(1)} kB`);
    expect(bytes).toBeGreaterThan(0);
  });
});

describe('the CLI and the mock, installed', () => {
  it('npx <cli> --help and --version', async () => {
    expect(await inApp('npx', ['--no-install', binOf(cli), '--help'])).toMatch(new RegExp(`^Usage: ${binOf(cli)} `));
    expect((await inApp('npx', ['--no-install', binOf(cli), '--version'])).trim()).toContain(contract.version);
    expect(await inApp('npx', ['--no-install', binOf(mock), '--help'])).toMatch(new RegExp(`^Usage: ${binOf(mock)} `));
  });

  it("the installed mock answers Prefer, dynamic too: the one bundled file also runs Prism's thread", async () => {
    // Prefer applies to a request that passes every check: the documented order must not exist yet.
    await fetch(`${mockUrl}${RESET_PATH}`, { method: 'POST' });
    const create = contract.operations.find((op) => op.resource?.action === 'create')!;
    const request = documentedRequest(create);
    const fill = (text: string) =>
      text.replace(
        /\{\{(\w+)\}\}/g,
        (_, key: string) => mockEnv[credentialsOf(contract).find((c) => c.key === key)!.env]!,
      );
    const preferring = async (prefer: string) => {
      const response = await fetch(`${mockUrl}${request.path}`, {
        method: request.method,
        headers: { ...Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, fill(v)])), prefer },
        body: fill(request.body!),
      });
      return [response.status, await response.json()] as const;
    };
    const unauthorized = create.responses.find((r) => r.status === '401')!.examples[0]!.value;
    expect(await preferring('code=401')).toEqual([401, unauthorized]);
    // Generated by Prism's faker, which the bundle carries in English only (scripts/packages.ts).
    const [status, generated] = await preferring('dynamic=true');
    expect(status).toBe(Number(create.success!.status));
    expect(schemaValidator(contract.document).problems(create.success!.schema!, generated)).toEqual([]);
  });

  it("the CLI judges the installed mock, started with the mock's own default credentials, CONFORMANT", async () => {
    await fetch(`${mockUrl}${RESET_PATH}`, { method: 'POST' });
    const env = Object.fromEntries(Object.entries(mockEnv).map(([name, value]) => [`CONFORMANCE_${name}`, value]));
    const reports = join(work, 'reports');
    const args = ['--base-url', mockUrl, '--generated', '5', '--report', 'json', '--report-dir', reports];
    const out = await inApp('npx', ['--no-install', binOf(cli), ...args], env);
    expect(out).toMatch(/^CONFORMANT/m);
    const report = JSON.parse(readFileSync(join(reports, 'conformance.json'), 'utf8')) as {
      result: string;
      catalogueSize: number;
      totals: Record<'run' | 'passed' | 'failed' | 'inapplicable' | 'errors', number>;
    };
    console.log(`the installed CLI against the installed mock: ${JSON.stringify(report.totals)}`);
    expect(report.result).toBe('conformant');
    expect(report.totals).toMatchObject({ run: report.catalogueSize, failed: 0, errors: 0 });
  }, 120_000);

  it('the installed CLI says what the source CLI says of a faulty server: the same findings, folding, fixes and lines', async () => {
    const secrets = {
      token: 'pack-token-7f3a',
      channelKey: 'PackChannel42',
      apiKey: 'pack-api-key',
      apiSecret: 'pack-s3cret',
    };
    const faulty = await startReferenceServer({ credentials: secrets, fault: '500-on-malformed-json' });
    try {
      const env = environmentFor(credentialsOf(contract), 'CONFORMANCE_', secrets);
      const only = ['--only', 'createPackagingOrder.syntax,createPackagingOrder.routing', '--seed', '7'];
      const args = (dir: string) => ['--base-url', faulty.url, ...only, '--report', 'json', '--report-dir', dir];
      const [installedDir, sourceDir] = [join(work, 'installed report'), join(work, 'source report')];
      const installed = await outcomeOf('npx', ['--no-install', binOf(cli), ...args(installedDir)], env, app);
      const sourceCli = ['--import', 'tsx', join(ROOT, 'conformance/cli/cli.ts')];
      const source = await outcomeOf(process.execPath, [...sourceCli, ...args(sourceDir)], env, ROOT);
      expect([installed.code, source.code]).toEqual([1, 1]);
      expect(normalised(installed.output)).toEqual(normalised(source.output));
      const cases = (dir: string) => JSON.parse(readFileSync(join(dir, 'conformance.json'), 'utf8')).cases as unknown;
      const findings = (dir: string) =>
        normalised(JSON.stringify(cases(dir), (key, value) => (key === 'ms' ? 0 : value)));
      expect(findings(installedDir)).toEqual(findings(sourceDir));
      // What the comparison stands on: the checks by name, and a 5xx with what follows from it folded under it.
      expect(installed.output).toMatch(/^ {4}noServerError$/m);
      expect(installed.output).toMatch(/\(\d more finding\(s\) follow from it: statusAsDocumented, /);
    } finally {
      await faulty.close();
    }
  }, 120_000);
});

/** A command's exit code and output (stderr after stdout), whatever it exits with. */
function outcomeOf(command: string, args: string[], env: Record<string, string>, cwd: string) {
  return new Promise<{ code: number; output: string }>((done) => {
    execFile(command, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}\n${stderr}` }),
    );
  });
}

/** What differs between two runs of one catalogue: the date, the timings, the run's order IDs, the report path. */
function normalised(text: string): string {
  return text
    .replace(/^Date: .*$/m, 'Date: …')
    .replace(/\d+(\.\d+)? (s|ms)\b/g, '… $2')
    .replace(/conformance-[a-z0-9]+-\d+/g, 'conformance-…')
    .replace(/^Report: .*$/m, 'Report: …');
}
