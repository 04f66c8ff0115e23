import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_PATH, loadContract } from '../lib/contract.ts';
import { credentialsOf } from '../lib/credentials.ts';
import { FAMILIES } from './case.ts';
import { UsageError, documentPath, secretsGiven, settingsFrom, usage } from './cli-options.ts';

// The kit's own document names the credentials: --token, --channel-key, --api-key, --api-secret.
const credentials = credentialsOf(loadContract());
const settings = (argv: string[], env: NodeJS.ProcessEnv = {}) => settingsFrom(argv, credentials, env);
const usageErrorOf = (argv: string[], env: NodeJS.ProcessEnv = {}) => {
  try {
    settings(argv, env);
  } catch (error) {
    return error;
  }
  throw new Error(`settingsFrom took ${argv.join(' ')}`);
};

describe('settingsFrom', () => {
  it('gives the documented defaults when nothing is given', () => {
    const given = settings([]);
    expect(given).toMatchObject({
      help: false,
      version: false,
      list: false,
      secrets: {},
      secretsOnCommandLine: [],
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
    expect(settings([], env)).toMatchObject({ baseUrl: 'http://127.0.0.1:9', secrets: { token: 'env-token' } });
    const both = settings(['--token', 'line-token', '--channel-key=ck', '--base-url=http://localhost:1'], env);
    expect(both.secrets).toEqual({ token: 'line-token', channelKey: 'ck' });
    expect(both.baseUrl).toBe('http://localhost:1');
    // Secrets on the command line are named, so the CLI can warn that they show in the process list.
    expect(both.secretsOnCommandLine).toEqual(['--token', '--channel-key']);
  });

  it.each([
    [['--timeout', '0'], '--timeout must be a whole number of at least 1, got "0"'],
    [['--concurrency=1.5'], '--concurrency must be a whole number of at least 1, got "1.5"'],
    [['--generated=-1'], '--generated must be a whole number of at least 0, got "-1"'],
    [['--seed=abc'], '--seed must be a whole number of at least 0, got "abc"'],
    [['--report=junit,pdf,csv'], '--report takes junit, json, html; not pdf, csv'],
    [['--base-url=ftp://vendor.example.test'], '--base-url must be an http(s) URL, got "ftp://vendor.example.test"'],
    [['--base-url=vendor.example.test'], '--base-url must be an http(s) URL, got "vendor.example.test"'],
    [
      ['--base-url=https://me:pw@vendor.example.test'],
      '--base-url must not hold a user or password: give credentials with their own options',
    ],
  ])('refuses %j with a UsageError that says what is wrong', (argv, message) => {
    const error = usageErrorOf(argv);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(message);
  });

  it('checks a base URL from the environment too', () => {
    expect(usageErrorOf([], { CONFORMANCE_BASE_URL: 'not a url' })).toBeInstanceOf(UsageError);
  });

  it('refuses an option it does not know, naming it', () => {
    expect(() => settings(['--colour=red'])).toThrow('--colour');
  });
});

describe('secretsGiven', () => {
  it('reads the secrets even from a command line with mistakes, so a usage error can be printed blanked', () => {
    const argv = ['--nonsense', '--api-secret', 's3cret', '--timeout=x'];
    expect(secretsGiven(argv, credentials, { CONFORMANCE_CHANNEL_KEY: 'ck' })).toEqual({
      apiSecret: 's3cret',
      channelKey: 'ck',
    });
  });
});

describe('documentPath', () => {
  it('is the kit’s bundle unless --document names another, resolved from the working directory', () => {
    expect(documentPath([])).toBe(resolve(BUNDLE_PATH));
    expect(documentPath(['--document', 'my/openapi.yaml', '--bogus'])).toBe(resolve('my/openapi.yaml'));
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
});
