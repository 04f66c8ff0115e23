import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_PATH, loadContract } from '../../lib/contract.ts';
import { credentialsOf } from '../../lib/credentials.ts';
import { FAMILIES } from '../engine/case.ts';
import { commandLineOf } from './command-line.ts';
import { documentPath, readSettings, usage, type Settings } from './options.ts';

// The kit's own document names the credentials: --token, --channel-key, --api-key, --api-secret.
const credentials = credentialsOf(loadContract());
const read = (argv: string[], env: NodeJS.ProcessEnv = {}) => readSettings(commandLineOf(argv), credentials, env);
const settings = (argv: string[], env: NodeJS.ProcessEnv = {}): Settings => {
  const reading = read(argv, env);
  if ('usageError' in reading) throw new Error(`refused ${argv.join(' ')}: ${reading.usageError}`);
  return reading.settings;
};
/** The usage error readSettings gives for these options; none fails the test. */
const usageErrorOf = (argv: string[], env: NodeJS.ProcessEnv = {}): string => {
  const reading = read(argv, env);
  if (!('usageError' in reading)) throw new Error(`readSettings took ${argv.join(' ')}`);
  return reading.usageError;
};

describe('readSettings', () => {
  it('gives the documented defaults when nothing is given', () => {
    const given = settings([]);
    expect(read([]).secrets).toEqual({ values: {}, onCommandLine: [] });
    expect(given).toMatchObject({
      help: false,
      version: false,
      list: false,
      only: [],
      skip: [],
      timeoutMs: 10_000,
      concurrency: 4,
      generated: 25,
      uniquePrefix: 'conformance',
      reports: [],
      reportDir: resolve('conformance-report'),
    });
    expect(given.baseUrl).toBeUndefined();
    expect(Number.isSafeInteger(given.seed) && given.seed >= 0).toBe(true);
  });

  it('reads the options into settings', () => {
    const given = settings([
      '--base-url=https://vendor.example.test/api',
      '--only',
      'auth, body.quantity ,',
      '--skip=generated',
      '--timeout',
      '2500',
      '--concurrency=1',
      '--generated=0',
      '--seed=42',
      '--unique-prefix=acme',
      '--report=junit,html',
      '--report-dir=out/reports',
      '--list',
    ]);
    expect(given).toMatchObject({
      baseUrl: 'https://vendor.example.test/api',
      only: ['auth', 'body.quantity'],
      skip: ['generated'],
      timeoutMs: 2500,
      concurrency: 1,
      generated: 0,
      seed: 42,
      uniquePrefix: 'acme',
      reports: ['junit', 'html'],
      reportDir: resolve('out/reports'),
      list: true,
    });
  });

  it('reads the base URL and secrets from the environment, an option winning over it', () => {
    const env = { CONFORMANCE_BASE_URL: 'http://127.0.0.1:9', CONFORMANCE_TOKEN: 'env-token', CONFORMANCE_API_KEY: '' };
    expect(settings([], env)).toMatchObject({ baseUrl: 'http://127.0.0.1:9' });
    expect(read([], env).secrets.values).toEqual({ token: 'env-token' });
    const argv = ['--token', 'line-token', '--channel-key=ck', '--base-url=http://localhost:1'];
    expect(read(argv, env).secrets.values).toEqual({ token: 'line-token', channelKey: 'ck' });
    expect(settings(argv, env).baseUrl).toBe('http://localhost:1');
    // Secrets on the command line are named, so the CLI can warn that they show in the process list.
    expect(read(argv, env).secrets.onCommandLine).toEqual(['--token', '--channel-key']);
  });

  it.each([
    [['--timeout', '0'], '--timeout must be a whole number of at least 1, got "0"'],
    [['--concurrency=1.5'], '--concurrency must be a whole number of at least 1, got "1.5"'],
    [['--generated=-1'], '--generated must be a whole number of at least 0, got "-1"'],
    [['--seed=abc'], '--seed must be a whole number of at least 0, got "abc"'],
    // Number() would read each of these as a number: only decimal digits are taken.
    [['--timeout=0x10'], '--timeout must be a whole number of at least 1, got "0x10"'],
    [['--timeout=1e3'], '--timeout must be a whole number of at least 1, got "1e3"'],
    [['--concurrency=0b11'], '--concurrency must be a whole number of at least 1, got "0b11"'],
    [['--generated', ' 7 '], '--generated must be a whole number of at least 0, got " 7 "'],
    [['--seed='], '--seed must be a whole number of at least 0, got ""'],
    [['--colour=red'], "Unknown option '--colour'"],
    [['--timeout'], "Option '--timeout <value>' argument missing"],
    [['--list=yes'], "Option '--list' does not take an argument"],
    [['--report=junit,pdf,csv'], '--report takes junit, json, html; not pdf, csv'],
    [['--base-url=ftp://vendor.example.test'], '--base-url must be an http(s) URL, got "ftp://vendor.example.test"'],
    [['--base-url=vendor.example.test'], '--base-url must be an http(s) URL, got "vendor.example.test"'],
    [
      ['--base-url=https://me:pw@vendor.example.test'],
      '--base-url must not hold a user or password: give credentials with their own options',
    ],
    [['--report', 'json', 'extra'], "Unexpected argument 'extra'. This command does not take positional arguments"],
  ])('refuses %j with a usage error that says what is wrong', (argv, message) => {
    expect(usageErrorOf(argv)).toBe(message);
  });

  it('checks a base URL from the environment too, naming the variable', () => {
    expect(usageErrorOf([], { CONFORMANCE_BASE_URL: 'not a url' })).toBe(
      'CONFORMANCE_BASE_URL must be an http(s) URL, got "not a url"',
    );
    expect(usageErrorOf([], { CONFORMANCE_BASE_URL: 'https://me:pw@vendor.example.test' })).toMatch(
      /^CONFORMANCE_BASE_URL must not hold a user or password/,
    );
    // The option wins over the variable, and is the one named.
    expect(usageErrorOf(['--base-url=nope'], { CONFORMANCE_BASE_URL: 'http://127.0.0.1:9' })).toBe(
      '--base-url must be an http(s) URL, got "nope"',
    );
  });

  it('takes whole numbers in plain decimal digits, leading zeros too', () => {
    expect(settings(['--timeout=0010', '--seed=0']).timeoutMs).toBe(10);
  });
});

describe('the secrets of a command line with mistakes', () => {
  it('are read all the same, so that the usage error can be printed with them blanked', () => {
    const argv = ['--nonsense', '--api-secret', 's3cret', '--timeout=x'];
    const reading = read(argv, { CONFORMANCE_CHANNEL_KEY: 'ck' });
    expect(reading).toMatchObject({ usageError: "Unknown option '--nonsense'" });
    expect(reading.secrets.values).toEqual({ apiSecret: 's3cret', channelKey: 'ck' });
  });
});

describe('documentPath', () => {
  it('is the kit’s bundle unless --document names another, resolved from the working directory', () => {
    expect(documentPath(commandLineOf([]))).toBe(resolve(BUNDLE_PATH));
    expect(documentPath(commandLineOf(['--document', 'my/openapi.yaml', '--bogus']))).toBe(resolve('my/openapi.yaml'));
    expect(documentPath(commandLineOf(['--token', '--document', '--document=other.yaml']))).toBe(resolve('other.yaml'));
  });
});

describe('usage', () => {
  it('names every credential’s option and variable, and every family', () => {
    const text = usage(credentials);
    for (const c of credentials) {
      expect(text).toContain(`--${c.option} <value>`);
      expect(text).toContain(`env CONFORMANCE_${c.env}`);
    }
    expect(text).toContain(FAMILIES.join(', '));
    expect(text).toContain('Exit codes: 0 conformant');
  });

  it('starts every description in one column, after at least one space', () => {
    const rows = usage(credentials)
      .split('\n')
      .filter((line) => line.startsWith('  ') && line.length > 28);
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect([row[27], row[28] === ' '], row).toEqual([' ', false]);
  });
});
