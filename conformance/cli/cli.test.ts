// The CLI as a vendor meets it, run in process against the mock of the real document: exit codes, what it prints,
// the reports it writes, and that no credential is anywhere in them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type RunningMock } from '../../mocks/server.ts';
import { main } from './cli.ts';
import { TOOL } from './tool.ts';
import { spellingsOf } from '../fixtures/secret-spellings.ts';
import { xml10Problems } from '../report/output/xml-check.ts';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const secrets = {
  token: 'secret-token-that-must-never-show-9d1e',
  channelKey: 'CliChannel3xyz',
  apiKey: 'cli-api-key-4242',
  apiSecret: 'cli-api-secret-4343',
};
/** A second tenant of the mock, for the tenancy cases; its values by the first tenant's keys, as servers take them. */
const second = {
  token: 'second-tenant-token-4c2a',
  channelKey: 'CliSecondChannel8',
  apiKey: 'cli-second-api-key-5151',
  apiSecret: 'cli-second-api-secret-5252',
};
/** The first tenant only: the tenancy cases are then not run. */
const env = {
  CONFORMANCE_TOKEN: secrets.token,
  CONFORMANCE_CHANNEL_KEY: secrets.channelKey,
  CONFORMANCE_API_KEY: secrets.apiKey,
  CONFORMANCE_API_SECRET: secrets.apiSecret,
};
const bothTenants = {
  ...env,
  CONFORMANCE_SECOND_TOKEN: second.token,
  CONFORMANCE_SECOND_CHANNEL_KEY: second.channelKey,
  CONFORMANCE_SECOND_API_KEY: second.apiKey,
  CONFORMANCE_SECOND_API_SECRET: second.apiSecret,
};
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let mock: RunningMock;
let faulty: Server;
let faultyUrl: string;
const dir = mkdtempSync(join(tmpdir(), 'conformance-cli-'));

/** The mock, but every 401 comes as a 403 of another body: the report must show one root cause per case, the wrong
 * status, with the body's findings folded under it. */
function startFaulty(): Promise<Server> {
  const server = createServer((incoming, outgoing) => {
    const target = new URL(mock.url);
    const forward = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        if (answer.statusCode !== 401)
          return (void outgoing.writeHead(answer.statusCode!, answer.headers), answer.pipe(outgoing));
        answer.resume();
        outgoing.writeHead(403, { 'content-type': 'application/json' }).end('{"success":false,"message":"Forbidden"}');
      },
    );
    incoming.pipe(forward);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

beforeAll(async () => {
  mock = await startMockServer({ credentials: secrets, secondTenant: second, port: 0 });
  faulty = await startFaulty();
  faultyUrl = `http://127.0.0.1:${(faulty.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await mock.close();
  faulty.closeAllConnections();
  await new Promise((resolve) => faulty.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[], environment: NodeJS.ProcessEnv = env) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(
    ['--generated', '3', ...args],
    (line) => stdout.push(line),
    (line) => stderr.push(line),
    environment,
  );
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n'), output: [...stdout, ...stderr].join('\n') };
}

/** Every spelling of every credential found in `text`. */
function leaks(text: string): string[] {
  const all = {
    ...secrets,
    ...Object.fromEntries(Object.entries(second).map(([name, value]) => [`second ${name}`, value])),
  };
  return Object.entries(all).flatMap(([name, value]) =>
    spellingsOf(value)
      .filter((spelling) => text.includes(spelling.text))
      .map((spelling) => `${name} as ${spelling.name}`),
  );
}

const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
ajvFormats.default(ajv);
const validateReport = ajv.compile(
  JSON.parse(readFileSync(join(ROOT, 'conformance/report/report.schema.json'), 'utf8')),
);

function reportsIn(reportDir: string) {
  const read = (name: string) => readFileSync(join(reportDir, name), 'utf8');
  const json = JSON.parse(read('conformance.json'));
  expect(validateReport(json) ? [] : validateReport.errors).toEqual([]);
  const junit = read('conformance.junit.xml');
  expect(xml10Problems(junit)).toEqual([]);
  expect(XMLValidator.validate(junit)).toBe(true);
  return { json, junit, html: read('conformance.html') };
}

describe('exit codes', () => {
  it('0 and CONFORMANT against the mock with two tenants, with reports that lead with the run and hold no credential', async () => {
    const reportDir = join(dir, 'green');
    const { code, stdout, stderr, output } = await run(
      ['--base-url', mock.url, '--report', 'junit,json,html', '--report-dir', reportDir],
      bothTenants,
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^Date: {5}\d{4}-\d\d-\d\dT/);
    expect(stdout).toMatch(/^Not run: {2}none: all \d+ cases of the catalogue were selected$/m);
    expect(stdout).toMatch(/^CONFORMANT: all (\d+) cases as documented, in [\d.]+ s\.$/m);
    expect(readdirSync(reportDir).sort()).toEqual(['conformance.html', 'conformance.json', 'conformance.junit.xml']);
    const { json, junit, html } = reportsIn(reportDir);
    expect(json).toMatchObject({ result: 'conformant', exitCode: 0, conformant: true, complete: true });
    expect(json.totals.passed + json.totals.inapplicable).toBe(json.totals.run);
    expect(junit).toMatch(/<testsuites name="movilitas-conformance" tests="\d+" failures="0" errors="0"/);
    expect(html).toMatch(/<p class="verdict good">CONFORMANT: all \d+ cases as documented<\/p>/);
    expect(leaks([output, JSON.stringify(json), junit, html].join('\n'))).toEqual([]);
    expect(json.withheld).toEqual([]);
  });

  it('0 and CONFORMANT IN PART with one tenant: it names the tenancy cases it did not run, and why, everywhere', async () => {
    const reportDir = join(dir, 'one-tenant');
    const { code, stdout } = await run([
      '--base-url',
      mock.url,
      '--report',
      'junit,json,html',
      '--report-dir',
      reportDir,
    ]);
    expect(code).toBe(0);
    const why = 'no credentials of a second tenant were given (--second-token or CONFORMANCE_SECOND_TOKEN, ';
    expect(stdout).toMatch(new RegExp(`^Not run: {2}(\\d+) of \\d+ cases: \\1 not run, ${escapeRegExp(why)}`, 'm'));
    expect(stdout).toMatch(new RegExp(`^Not run, ${escapeRegExp(why)}.*\\(\\d+\\): \\S+\\.tenancy\\.`, 'm'));
    expect(stdout).toMatch(/^CONFORMANT IN PART: all \d+ cases run are as documented; \d+ of the \d+ cases/m);
    const { json, junit, html } = reportsIn(reportDir);
    expect(json).toMatchObject({ result: 'conformant-in-part', exitCode: 0, complete: false });
    expect(json.withheld).toEqual([{ reason: expect.stringContaining(why), ids: expect.any(Array) }]);
    expect(json.withheld[0].ids.every((id: string) => id.includes('.tenancy.'))).toBe(true);
    expect(junit).toMatch(/<testsuite name="not run" tests="(\d+)" failures="0" errors="0" skipped="\1">/);
    expect(html).toContain('not run, no credentials of a second tenant were given');
  });

  it('1 against a server with one wrong status: grouped by rule, one root cause per case, cURL without credentials', async () => {
    const reportDir = join(dir, 'faulty');
    const { code, stdout, output } = await run(
      ['--base-url', faultyUrl, '--report', 'json,junit,html', '--report-dir', reportDir],
      bothTenants,
    );
    expect(code).toBe(1);
    expect(stdout).toMatch(/^Failing cases, by the rule they break \(\d+ cases, \d+ rules\):$/m);
    expect(stdout).toMatch(/^rule #\/[^ ]+ \(\d+ case\(s\)\)$/m);
    expect(stdout).toMatch(
      /✗ createPackagingOrder\.auth\.[^\n]+\n {4}statusAsDocumented\n {6}expected status 401\n {6}actual {3}status 403\n/,
    );
    expect(stdout).toMatch(/\(\d more finding\(s\) follow from it: /);
    expect(stdout).toMatch(/reproduce: curl -i -X POST '.*\/packaging_order' .*"x-channel-key: \$\{CHANNEL_KEY\}"/);
    expect(stdout).toMatch(/^NOT CONFORMANT: \d+ of \d+ cases depart from the document, in/m);
    const { json, html } = reportsIn(reportDir);
    expect(json).toMatchObject({ result: 'not-conformant', exitCode: 1 });
    const failing = json.cases.filter((c: { outcome: string }) => c.outcome === 'failed');
    expect(failing.length).toBeGreaterThan(0);
    expect(failing.every((c: { rootCause?: { check: string } }) => c.rootCause?.check === 'statusAsDocumented')).toBe(
      true,
    );
    expect(html.indexOf('Failures, by the rule')).toBeLessThan(html.indexOf('Score by family'));
    expect(
      leaks([output, readdirSync(reportDir).map((f) => readFileSync(join(reportDir, f), 'utf8'))].join('')),
    ).toEqual([]);
  });

  it('0 and CONFORMANT IN PART for a subset, naming what was left out', async () => {
    const { code, stdout } = await run(['--base-url', mock.url, '--only', 'auth']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Not run: {2}\d+ of \d+ cases: left out by the options: success \d+, credentials \d+/m);
    expect(stdout).toMatch(/^CONFORMANT IN PART: all \d+ cases run are as documented; \d+ of the \d+ cases/m);
    expect(stdout).not.toMatch(/^CONFORMANT:/m);
  });

  it('2 when the credentials are refused, before grading, with reports that say nothing was graded', async () => {
    const reportDir = join(dir, 'refused');
    const { code, stderr, stdout } = await run(
      ['--base-url', mock.url, '--report', 'json,junit,html', '--report-dir', reportDir],
      {
        ...env,
        CONFORMANCE_TOKEN: 'wrong-token-1234',
      },
    );
    expect(code).toBe(2);
    expect(stderr.split('\n').slice(0, 6)).toEqual([
      'Preflight refused: the server cannot be judged, so no case was run.',
      expect.stringMatching(/^✗ createPackagingOrder\.success\.example\.\w+: the request example "\w+" is accepted$/),
      '    preflight',
      '      expected status 200',
      expect.stringMatching(/^ {6}actual {3}status 401 \(application\/json; charset=utf-8, "\{.*ERR0000.*\}"\)$/),
      '      fix      Check the credentials it sends: the token of the security schemes, header x-channel-key.',
    ]);
    expect(stderr).toMatch(/^ {4}reproduce: curl -i -X POST '.*\/packaging_order' .*"x-access-token: \$\{TOKEN\}"/m);
    // Said once, and the verdict line ends as a sentence.
    expect(`${stdout}\n${stderr}`.match(/ERR0000/g)).toHaveLength(1);
    expect(stdout).toMatch(/^NOT GRADED: the preflight request was refused, so no case was run, in \d+\.\d\d s\.$/m);
    expect(stdout).toMatch(/^NOT GRADED: the preflight request was refused/m);
    expect(reportsIn(reportDir).json).toMatchObject({ result: 'not-graded', exitCode: 2, totals: { run: 0 } });
  });

  it('2 when the server cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const { code, stderr } = await run(['--base-url', `http://127.0.0.1:${port}`]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^ {6}actual {3}connection refused$/m);
    expect(stderr).toMatch(/^ {6}fix {6}Check that --base-url reaches the server/m);
  });

  it('2 with one line when the reports cannot be written, after the summary', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const { code, stdout, stderr } = await run([
      '--base-url',
      mock.url,
      '--only',
      'routing',
      '--report',
      'json',
      '--report-dir',
      join(file, 'reports'),
    ]);
    expect(code).toBe(2);
    expect(stdout).toMatch(/CONFORMANT IN PART/);
    expect(stderr).toMatch(/^Cannot write the reports to .*a-file\/reports: ENOTDIR[^\n]*$/);
  });

  it.each([
    ['an unknown option', ['--nope']],
    ['a base URL that is not http', ['--base-url', 'ftp://x']],
    ['a base URL with a password in it', ['--base-url', 'http://user:pw@127.0.0.1:1']],
    ['a bad timeout', ['--base-url', 'http://127.0.0.1:1', '--timeout', 'soon']],
    ['an unknown report format', ['--report', 'pdf']],
  ])('2 for %s, with the usage', async (_name, args) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toContain(`Usage: ${TOOL.name} `);
    expect(stderr).not.toContain('pw@');
  });

  it('2 for a missing credential, naming its option and variable', async () => {
    const { CONFORMANCE_API_SECRET: _, ...rest } = env;
    const { code, stderr } = await run(['--base-url', 'http://127.0.0.1:1'], rest);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'Missing --api-secret (CONFORMANCE_API_SECRET): cases of authenticate need them. Give them, or --skip authenticate.',
    );
  });
});

describe('credentials', () => {
  it('takes them from the options too, warns that the command line shows them, and prints none', async () => {
    const { code, stderr, output } = await run(
      [
        '--base-url',
        mock.url,
        '--only',
        'routing',
        '--token',
        secrets.token,
        '--channel-key',
        secrets.channelKey,
        '--api-key',
        secrets.apiKey,
        '--api-secret',
        secrets.apiSecret,
        '--timeout',
        `bad-${secrets.token}`,
      ],
      {},
    );
    expect(code).toBe(2);
    expect(stderr).toContain('--timeout must be a whole number of at least 1, got "bad-<token>"');
    expect(leaks(output)).toEqual([]);
    const fine = await run(
      ['--base-url', mock.url, '--only', 'routing', '--token', secrets.token, '--channel-key', secrets.channelKey],
      { CONFORMANCE_API_KEY: secrets.apiKey, CONFORMANCE_API_SECRET: secrets.apiSecret },
    );
    expect(fine.code).toBe(0);
    expect(fine.stderr).toMatch(/^Warning: --token, --channel-key on the command line can be seen in the process list/);
  });

  it('blanks a credential that reaches the reports through the options, and the reports stay valid', async () => {
    const reportDir = join(dir, 'options');
    const { code } = await run([
      '--base-url',
      mock.url,
      '--only',
      'routing',
      '--skip',
      `nothing-${secrets.channelKey}`,
      '--report',
      'json,junit,html',
      '--report-dir',
      reportDir,
    ]);
    expect(code).toBe(0);
    const { json, junit, html } = reportsIn(reportDir);
    expect(json.options.skip).toBe('nothing-<channelKey>');
    expect(junit).toContain('skip=nothing-&lt;channelKey&gt;');
    expect(leaks([JSON.stringify(json), junit, html].join('\n'))).toEqual([]);
  });

  it('warns about a credential too short to be blanked', async () => {
    const { stderr } = await run(['--base-url', mock.url, '--only', 'routing'], { ...env, CONFORMANCE_API_KEY: 'k1' });
    expect(stderr).toContain('Warning: the apiKey given is shorter than 4 characters');
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
      const { code, stdout } = await run(['--list', '--base-url', `http://127.0.0.1:${port}`]);
      expect(code).toBe(0);
      expect(stdout).toMatch(/createPackagingOrder\.body\.quantity\.above-maximum\s+body\s+422/);
      expect(requests).toBe(0);
    } finally {
      await new Promise((resolve) => counter.close(resolve));
    }
  });

  it('--only and --skip select by family, id segments or rule', async () => {
    const only = await run(['--list', '--only', 'auth']);
    const ids = only.stdout.split('\n').filter((line) => /^\w+\./.test(line));
    expect(ids.length).toBeGreaterThan(3);
    expect(ids.every((line) => /^\w+\.auth\./.test(line))).toBe(true);
    const byRule = await run(['--list', '--only', '#/components/schemas/Quantity', '--skip', 'body.quantity.null']);
    expect(byRule.stdout).toContain('body.quantity.above-maximum');
    expect(byRule.stdout).not.toContain('body.quantity.null');
    expect(byRule.stdout).not.toContain('.auth.');
  });
});

describe('as a process', () => {
  it('a run that dies with nothing left to wait for ends with exit 2 and one line, not a silent 0 or 13', () => {
    const script = `import { runAsProgram } from './conformance/cli/cli.ts'; runAsProgram(() => new Promise(() => {}));`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect({ status: child.status, stderr: child.stderr }).toEqual({
      status: 2,
      stderr:
        'conformance: the suite failed (exit 2): the run stopped before it finished, with nothing left to wait for\n',
    });
  });

  it('an exception that escapes ends with exit 2 and one line, never a stack trace', () => {
    const script = `import { runAsProgram } from './conformance/cli/cli.ts'; runAsProgram(async () => { setTimeout(() => { throw new Error('boom\\n    at somewhere'); }); return new Promise(() => {}); });`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect({ status: child.status, stderr: child.stderr }).toEqual({
      status: 2,
      stderr: 'conformance: the suite failed (exit 2): boom\n',
    });
  });
});
