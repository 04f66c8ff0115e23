// The mock's command as a person starts it: with no PORT, it listens where the document says the mock runs, so
// that the document's samples for that server reach it; a PORT that is not plainly a port number stops it.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, expect, it } from 'vitest';
import { BUNDLE_PATH, loadContract } from '../lib/contract.ts';
import { defaultMockPort } from '../lib/servers.ts';

const ROOT = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'mock-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });

it("listens on the port of the document's loopback server when PORT is not set", async () => {
  const port = await freePort();
  const document = parse(readFileSync(BUNDLE_PATH, 'utf8'));
  document.servers[1].variables.host.default = `127.0.0.1:${port}`;
  const path = join(work, 'elsewhere.yaml');
  writeFileSync(path, stringify(document));
  const { PORT: _, ...env } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'mocks/cli.ts', '--document', path], { cwd: ROOT, env });
  try {
    const printed = await new Promise<string>((done, fail) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()) && /Base URL/.test(out) && done(out));
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.once('exit', (code) => fail(new Error(`the mock exited (${code}): ${out}`)));
    });
    expect(printed).toMatch(new RegExp(`Base URL\\s+http://127\\.0\\.0\\.1:${port}\\s`));
  } finally {
    child.kill();
  }
}, 30_000);

/** The command's exit code and what it wrote, with this environment (merged into the test's own). */
function run(env: Record<string, string>, args: string[] = []) {
  return new Promise<{ code: number | null; out: string }>((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'mocks/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    // Started after all: stop it, and let the test say what it printed.
    child.stdout.on('data', () => /Base URL/.test(out) && child.kill());
    child.once('exit', (code) => done({ code, out }));
  });
}

it.each(['0x10', ' 7 ', '1e3'])(
  'refuses PORT=%j with exit code 2 and one clear line',
  async (port) => {
    const { code, out } = await run({ PORT: port });
    expect({ code, out: out.trim() }).toEqual({
      code: 2,
      out: `PORT must be a whole number from 0 to 65535 in decimal digits, got ${JSON.stringify(port)}`,
    });
  },
  30_000,
);

it('refuses MOCK_MAX_ITEMS=1e3 with exit code 2 and one clear line, and --help names it', async () => {
  const { code, out } = await run({ MOCK_MAX_ITEMS: '1e3' });
  expect({ code, out: out.trim() }).toEqual({
    code: 2,
    out: `MOCK_MAX_ITEMS must be a whole number from 1 to ${Number.MAX_SAFE_INTEGER} in decimal digits, got "1e3"`,
  });
  expect((await run({}, ['--help'])).out).toMatch(
    /MOCK_MAX_ITEMS \(items of one resource it stores at most, default 100000/,
  );
}, 30_000);

it('a MOCK_SECOND_… starts a second tenant: it prints its credentials and their export line as mocks/README.md shows', async () => {
  const { out } = await run({ MOCK_SECOND_TOKEN: 'second-mock-token' });
  expect(out).toMatch(/\n {2}second-token +second-mock-token {3}\(.*MOCK_SECOND_TOKEN to change\)\n/);
  const exported = out.split('\n').find((line) => line.startsWith('  export SECOND_TOKEN='));
  const documented = readFileSync(join(ROOT, 'mocks/README.md'), 'utf8')
    .split('\n')
    .find((line) => line.startsWith('export SECOND_TOKEN='));
  expect(exported?.trim()).toBe(documented);
  expect(out).not.toMatch(/Tenants +one/);
}, 30_000);

it("refuses a second tenant's credential equal to the first's with exit code 2 and one line, and --help names them", async () => {
  const { code, out } = await run({ MOCK_CHANNEL_KEY: 'Same1', MOCK_SECOND_CHANNEL_KEY: 'Same1' });
  expect({ code, out: out.trim() }).toEqual({
    code: 2,
    out: 'MOCK_SECOND_CHANNEL_KEY must differ from MOCK_CHANNEL_KEY: a credential names its tenant',
  });
  expect((await run({}, ['--help'])).out).toMatch(/MOCK_SECOND_<CREDENTIAL>[\s\S]*starts a second tenant/);
}, 30_000);

/** What the mock printed after `Try:`, as a person copies it: unindented, at the default address. */
function tryBlock(printed: string, url: string): string {
  const lines = printed.split('\n');
  const block = lines.slice(
    lines.indexOf('Try:') + 1,
    lines.findIndex((line) => line.startsWith('Ctrl-C')),
  );
  const defaultUrl = `http://127.0.0.1:${defaultMockPort(loadContract())}`;
  return block.map((line) => line.replace(/^ {2}/, '').replaceAll(url, defaultUrl)).join('\n');
}

it.each(['README.md', 'mocks/README.md'])(
  '%s shows the lines the mock prints to try it, as it prints them',
  async (readme) => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('MOCK_')));
    const child = spawn(process.execPath, ['--import', 'tsx', 'mocks/cli.ts'], {
      cwd: ROOT,
      env: { ...env, PORT: '0' },
    });
    try {
      const printed = await new Promise<string>((done, fail) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()) && /Ctrl-C/.test(out) && done(out));
        child.once('exit', (code) => fail(new Error(`the mock exited (${code}): ${out}`)));
      });
      const url = /Base URL\s+(\S+)/.exec(printed)![1]!;
      expect(readFileSync(join(ROOT, readme), 'utf8')).toContain(`\`\`\`sh\n${tryBlock(printed, url)}\n\`\`\``);
    } finally {
      child.kill();
    }
  },
  30_000,
);
