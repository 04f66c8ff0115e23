// The CLI as a vendor meets it: exit codes, what it prints, the reports it writes, and that the token is nowhere.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type RunningMock } from '../mocks/server.ts';
import { main } from './cli.ts';
import { startReferenceServer } from './fixtures/reference-server.ts';

const token = 'secret-token-that-must-never-show-9d1e';
const channelKey = 'CliChannel3';
let mock: RunningMock;
const reportDir = mkdtempSync(join(tmpdir(), 'conformance-report-'));
beforeAll(async () => {
  mock = await startMockServer({ token, channelKey, port: 0 });
});
afterAll(async () => {
  await mock.close();
  rmSync(reportDir, { recursive: true, force: true });
});

async function run(args: string[]) {
  const lines: string[] = [];
  const code = await main(
    args,
    (line) => lines.push(line),
    (line) => lines.push(line),
  );
  return { code, output: lines.join('\n') };
}

describe('exit codes', () => {
  it('0 and a green summary against the mock, with reports', async () => {
    const { code, output } = await run([
      '--base-url',
      mock.url,
      '--token',
      token,
      '--channel-key',
      channelKey,
      '--report',
      'junit,json,html',
      '--report-dir',
      reportDir,
    ]);
    expect(code).toBe(0);
    expect(output).toMatch(/CONFORMANT: (\d+) of \1 cases/);
    expect(readdirSync(reportDir).sort()).toEqual(['conformance.html', 'conformance.json', 'conformance.junit.xml']);
    const json = JSON.parse(readFileSync(join(reportDir, 'conformance.json'), 'utf8'));
    expect(json).toMatchObject({ conformant: true });
    expect(json.passed).toBe(json.total);
    expect(readFileSync(join(reportDir, 'conformance.junit.xml'), 'utf8')).toMatch(
      /<testsuites name="conformance" tests="\d+" failures="0"/,
    );
  });

  it('1 against a faulty server, naming the rule and a cURL line without the token', async () => {
    const faulty = await startReferenceServer({ token, channelKey, fault: 'quantity-max-off-by-one' });
    try {
      const { code, output } = await run([
        '--base-url',
        faulty.url,
        '--token',
        token,
        '--channel-key',
        channelKey,
        '--report',
        'json,junit,html',
        '--report-dir',
        reportDir,
      ]);
      expect(code).toBe(1);
      expect(output).toContain('✗ body.quantity.above-maximum');
      expect(output).toContain('rule:     #/components/schemas/Quantity/maximum');
      expect(output).toMatch(/reproduce: curl -i -X POST '.*\/packaging_order' .*"x-access-token: \$TOKEN"/);
      expect(output).toContain('NOT CONFORMANT');
      for (const file of readdirSync(reportDir))
        expect(readFileSync(join(reportDir, file), 'utf8')).not.toContain(token);
      expect(output).not.toContain(token);
    } finally {
      await faulty.close();
    }
  });

  it('2 when the credentials are refused, before grading', async () => {
    const { code, output } = await run(['--base-url', mock.url, '--token', 'wrong-token', '--channel-key', channelKey]);
    expect(code).toBe(2);
    expect(output).toMatch(/Preflight failed.*refused the credentials/);
    expect(output).not.toContain('Score by area');
  });

  it('2 when the server cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const { code, output } = await run([
      '--base-url',
      `http://127.0.0.1:${port}`,
      '--token',
      token,
      '--channel-key',
      channelKey,
    ]);
    expect(code).toBe(2);
    expect(output).toContain('connection refused');
  });

  it.each([
    ['an unknown option', ['--nope']],
    ['a missing token', ['--base-url', 'http://127.0.0.1:1', '--channel-key', 'k']],
    ['a base URL that is not http', ['--base-url', 'ftp://x', '--token', 't', '--channel-key', 'k']],
    ['a bad timeout', ['--base-url', 'http://127.0.0.1:1', '--token', 't', '--channel-key', 'k', '--timeout', 'soon']],
    ['an unknown report format', ['--report', 'pdf']],
  ])('2 for %s, with the usage', async (_name, args) => {
    const { code, output } = await run(args);
    expect(code).toBe(2);
    expect(output).toContain('Usage: conformance');
  });
});

describe('selection and listing', () => {
  it('--list prints the cases and sends nothing', async () => {
    let requests = 0;
    const counter = createServer((_req, res) => {
      requests++;
      res.end();
    });
    await new Promise<void>((resolve) => counter.listen(0, '127.0.0.1', resolve));
    const { port } = counter.address() as AddressInfo;
    try {
      const { code, output } = await run([
        '--list',
        '--base-url',
        `http://127.0.0.1:${port}`,
        '--token',
        token,
        '--channel-key',
        channelKey,
      ]);
      expect(code).toBe(0);
      expect(output).toMatch(/body\.quantity\.above-maximum\s+body rules\s+422/);
      expect(requests).toBe(0);
    } finally {
      await new Promise((resolve) => counter.close(resolve));
    }
  });

  it('--only and --skip select by id, rule or area', async () => {
    const only = await run(['--list', '--only', 'auth']);
    expect(only.output.split('\n').filter((l) => l.startsWith('auth.')).length).toBeGreaterThan(3);
    expect(only.output).not.toContain('body.quantity');
    const byRule = await run(['--list', '--only', '#/components/schemas/Quantity', '--skip', 'body.quantity.null']);
    expect(byRule.output).toContain('body.quantity.above-maximum');
    expect(byRule.output).not.toContain('body.quantity.null');
    expect(byRule.output).not.toContain('auth.');
  });

  it('reads the secrets from the environment', async () => {
    process.env.CONFORMANCE_TOKEN = token;
    process.env.CONFORMANCE_CHANNEL_KEY = channelKey;
    try {
      const { code } = await run(['--base-url', mock.url, '--only', 'auth']);
      expect(code).toBe(0);
    } finally {
      delete process.env.CONFORMANCE_TOKEN;
      delete process.env.CONFORMANCE_CHANNEL_KEY;
    }
  });
});
