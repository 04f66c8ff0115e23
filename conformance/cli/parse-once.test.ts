// The command line is parsed once per run, whatever the run does: node:util's parseArgs is counted as the CLI calls
// it, through every path main() can take (help, a usage error, a list, a preflight that fails, a whole run with
// reports against the mock).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({ parseArgs: 0 }));
vi.mock('node:util', async (original) => {
  const util = await original<typeof import('node:util')>();
  return {
    ...util,
    parseArgs: (...args: Parameters<typeof util.parseArgs>) => {
      calls.parseArgs++;
      return util.parseArgs(...args);
    },
  };
});

const { startMockServer } = await import('../../mocks/server.ts');
const { main } = await import('./cli.ts');

const secrets = {
  token: 'parse-once-token',
  channelKey: 'ParseOnceKey1',
  apiKey: 'po-api-key',
  apiSecret: 'po-secret',
};
const env = {
  CONFORMANCE_TOKEN: secrets.token,
  CONFORMANCE_CHANNEL_KEY: secrets.channelKey,
  CONFORMANCE_API_KEY: secrets.apiKey,
  CONFORMANCE_API_SECRET: secrets.apiSecret,
};
const dir = mkdtempSync(join(tmpdir(), 'parse-once-'));
let mock: Awaited<ReturnType<typeof startMockServer>>;

beforeAll(async () => {
  mock = await startMockServer({ credentials: secrets, port: 0 });
});
afterAll(async () => {
  await mock.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  calls.parseArgs = 0;
});

const quiet = () => {};

describe('one run parses its command line once', () => {
  it.each([
    ['--help', ['--help'], 0],
    ['--version', ['--version'], 0],
    ['a usage error', ['--token', 'x', '--colour=red'], 2],
    ['--list', ['--list', '--only', 'auth'], 0],
    ['no --base-url', [], 2],
    ['a preflight that cannot connect', ['--base-url', 'http://127.0.0.1:1', '--timeout', '500'], 2],
  ])('%s', async (_name, argv, code) => {
    expect(await main(argv, quiet, quiet, env)).toBe(code);
    expect(calls.parseArgs).toBe(1);
  });

  it('a whole run against the mock, with every report', async () => {
    const argv = [
      '--base-url',
      mock.url,
      '--only',
      'success,routing',
      '--report',
      'junit,json,html',
      '--report-dir',
      dir,
    ];
    expect(await main(argv, quiet, quiet, env)).toBe(0);
    expect(calls.parseArgs).toBe(1);
  });
});
