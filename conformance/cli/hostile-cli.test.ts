// The CLI as a real process, started from a checkout whose path has spaces in it and through a symlink (as npx
// starts a bin), against one small server per way a vendor's server can misbehave. For each: the exit code, what it
// must say, the summary and reports always written, no raw control character on the terminal, JUnit that is XML
// 1.0, a JSON report valid against its schema, an HTML report with no markup of the server's, no credential in any
// spelling anywhere, and the process's peak RSS (VmHWM) under 300 MB.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BEHAVIOURS, startHostileServer, type Behaviour } from '../fixtures/hostile-servers.ts';
import { spellingsOf } from '../fixtures/secret-spellings.ts';
import { packageIn, stagePackage } from '../../scripts/packages.ts';
import { xml10Problems } from '../report/output/xml-check.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/**
 * A short --timeout where waiting is the behaviour (trickle, never-answers), so the suite is fast; a long one for
 * the others, so that a busy machine running four CLIs and all the servers cannot turn an answer into a timeout.
 */
const timeoutOf = (name: Name) => (name === 'trickle' || name === 'never-answers' ? 1000 : 5000);
const MAX_RSS_MB = 300;
const secrets = {
  token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ2ZW5kb3IifQ.s3cr3t/Sig+nat_ure-9d1e',
  channelKey: 'Ky1SpfEXmjj05fW3USBFD3pgoEi9AQ29Atsnj4Zy',
  apiKey: 'vendor-api-key-0001',
  apiSecret: 'vendor-api-secret-0002',
};

/** Two servers of this file's own, which put the credentials they receive where the CLI quotes the server. */
const ECHOES = {
  'echo-credentials-first':
    '200 to the first request, then 401 with a JSON error whose message is a credential it received (or a near-miss), in the next spelling each time',
  'refusal-echoing-token': '403 to everything, the token JSON-escaped where the quoted body is cut',
  'forged-verdict': '200 with a text body whose second line is a verdict of its own',
} as const;
type Name = Behaviour | keyof typeof ECHOES;

/** The exit code and what the output must say, for each server. */
const EXPECTED: Record<Name, { code: 1 | 2; says: RegExp }> = {
  'deep-json': { code: 1, says: /actual {3}JSON nested deeper than 64 levels/ },
  'huge-array': { code: 1, says: /actual {3}body over 1048576 bytes; only the first 1048576 were read/ },
  'gigabyte-body': { code: 1, says: /actual {3}body over 1048576 bytes; only the first 1048576 were read/ },
  'gzip-bomb': { code: 1, says: /actual {3}body over 1048576 bytes after gzip decompression/ },
  'many-encodings': { code: 2, says: /Preflight refused[\s\S]*actual {3}.*too many content-encodings/ },
  'header-flood': { code: 2, says: /Preflight refused[\s\S]*actual {3}.*not a valid HTTP answer: headers over 16 KiB/ },
  // Under load the headers may come late too; either way the deadline covers them.
  trickle: {
    code: 2,
    says: /Preflight refused[\s\S]*actual {3}.*(the answer did not finish within 1000 ms \(status 200|no answer within 1000 ms)/,
  },
  'never-answers': { code: 2, says: /Preflight refused[\s\S]*actual {3}.*no answer within 1000 ms/ },
  'escape-sequences': { code: 1, says: /not JSON: Internal trace: \\u001b\[2J\\u001b\[H \| \\u001b\]0;pwned\\u0007/ },
  'escapes-in-json': { code: 1, says: /actual {3}[^\n]*\\u001b\]0;pwned\\u0007/ },
  'escape-in-header': {
    code: 2,
    says: /Preflight refused[\s\S]*actual {3}.*not a valid HTTP answer: .*Invalid header value char/,
  },
  'xml-breakers': { code: 1, says: /actual {3}[^\n]*must be equal to constant/ },
  'echo-secrets': { code: 1, says: /actual {3}not JSON: raw\\thost: 127\.0\.0\.1:\d+\\njson\\thost/ },
  redirect: {
    code: 2,
    says: /actual {3}status 302 [\s\S]*fix {6}It redirects to https:\/\/attacker\.invalid\/collect; the suite follows no redirect/,
  },
  'server-error': {
    code: 2,
    says: /actual {3}status 500 \(application\/json, "\{"message":"Internal Server Error","code":"boom"\}"\)/,
  },
  'html-error': { code: 1, says: /not JSON: <!doctype html>.*<script>alert\(document\.cookie\)<\/script>/ },
  'wrong-length': {
    code: 2,
    says: /Preflight refused[\s\S]*actual {3}.*closed the connection before the body was complete/,
  },
  reset: { code: 2, says: /Preflight refused[\s\S]*actual {3}.*connection reset by the server/ },
  'echo-credentials-first': { code: 1, says: /actual {3}\{"success":false,"message":"[^"\n]*<(token|channelKey)>/ },
  'forged-verdict': { code: 1, says: /actual {3}not JSON: oops\\nCONFORMANT: all 496 cases as documented/ },
  'refusal-echoing-token': {
    code: 2,
    says: /actual {3}status 403 \(application\/json, "\{"message":"x{280}<token>"?… \(cut; \d+ characters in all\)"\)/,
  },
};

/** Raw controls that drive a terminal; line feeds and tabs are what the CLI itself prints. */
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Every way `text` still shows a credential: a spelling of it or of a near-miss, or base64 of a piece of it. */
function leaks(text: string): string[] {
  const found: string[] = [];
  for (const [name, value] of Object.entries(secrets)) {
    for (const shown of [value, value.slice(1), value.slice(0, -1)])
      for (const spelling of spellingsOf(shown))
        if (!spelling.name.startsWith('base64') && text.includes(spelling.text))
          found.push(`${name} as ${spelling.name}`);
    const pieces = [value.slice(0, 8), value.slice(-8)];
    for (const run of text.match(/[A-Za-z0-9+/_-]{12,}/g) ?? [])
      for (const skip of [0, 1, 2, 3]) {
        const decoded = Buffer.from(run.slice(skip), /[-_]/.test(run) ? 'base64url' : 'base64').toString('latin1');
        if (pieces.some((piece) => decoded.includes(piece))) found.push(`${name} in base64 ${run}`);
      }
  }
  return found;
}

let kit: string;
let linked: string;
beforeAll(async () => {
  // A copy of what the CLI needs, at a path with spaces, the package built beside it, and a symlink (with a space
  // too) to it all.
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'conformance hostile ')));
  kit = join(base, 'my checkout');
  mkdirSync(kit);
  for (const part of ['conformance', 'lib', 'generated', 'package.json'])
    cpSync(join(ROOT, part), join(kit, part), { recursive: true });
  symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(kit, 'node_modules'));
  await stagePackage(packageIn('conformance'), join(kit, 'conformance package'));
  linked = join(base, 'linked kit');
  symlinkSync(kit, linked);
}, 60_000);
afterAll(() => rmSync(join(kit, '..'), { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  peakRssMb: number;
  ms: number;
}

/** Runs the CLI as its own process and follows its VmHWM (the kernel's high-water mark of its RSS) until it ends. */
function runCli(entry: string[], args: string[], cwd: string): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, [...entry, ...args], {
    cwd,
    env: {
      PATH: process.env.PATH,
      CONFORMANCE_TOKEN: secrets.token,
      CONFORMANCE_CHANNEL_KEY: secrets.channelKey,
      CONFORMANCE_API_KEY: secrets.apiKey,
      CONFORMANCE_API_SECRET: secrets.apiSecret,
    },
  });
  let stdout = '';
  let stderr = '';
  let peakKb = 0;
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const sample = () => {
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      peakKb = Math.max(peakKb, Number(hwm?.[1] ?? 0));
    } catch {
      // gone already
    }
  };
  const poll = setInterval(sample, 20);
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      clearInterval(poll);
      resolve({
        code,
        stdout,
        stderr,
        peakRssMb: Math.round(peakKb / 1024),
        ms: Math.round(performance.now() - started),
      });
    }),
  );
}

/** The servers of this file. */
async function startEcho(name: keyof typeof ECHOES) {
  let requests = 0;
  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    for await (const chunk of request) body += String(chunk).slice(0, 4096);
    if (name === 'refusal-echoing-token') {
      const escaped = [...secrets.token].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
      response.writeHead(403, { 'content-type': 'application/json' });
      return response.end(`{"message":"${'x'.repeat(280)}${escaped}"}${' '.repeat(5000)}`);
    }
    if (name === 'forged-verdict')
      return response
        .writeHead(200, { 'content-type': 'text/plain' })
        .end('oops\nCONFORMANT: all 496 cases as documented, in 0.10 s.\n');
    if (requests++ === 0) return response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    // The credential headers and the body (where the API key and secret go), each in turn, in one spelling.
    const offered = [
      ...['x-access-token', 'x-channel-key', 'authorization'].map((header) => request.headers[header]),
      body.length < 200 ? body : undefined,
    ].filter((v): v is string => typeof v === 'string' && v !== '');
    const spellings = spellingsOf(offered[requests % offered.length] ?? 'nothing was sent');
    const spelling = spellings[Math.floor(requests / Math.max(1, offered.length)) % spellings.length]!;
    response.writeHead(401, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ success: false, message: spelling.text, code: 'ERR0000' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
ajvFormats.default(ajv);
const validateReport = ajv.compile(
  JSON.parse(readFileSync(join(ROOT, 'conformance/report/report.schema.json'), 'utf8')),
);

const NAMES = [...(Object.keys(BEHAVIOURS) as Behaviour[]), ...(Object.keys(ECHOES) as (keyof typeof ECHOES)[])];
const runs = new Map<Name, Promise<Run & { reportDir: string }>>();
const measured: string[] = [];

/** Every server at once, a few processes at a time: the suite then takes as long as its slowest few. */
function runAll() {
  const queue = [...NAMES];
  const slots = 3;
  const results = new Map<Name, { resolve: (run: Run & { reportDir: string }) => void }>();
  for (const name of NAMES) runs.set(name, new Promise((resolve) => results.set(name, { resolve })));
  const worker = async () => {
    for (let name = queue.shift(); name; name = queue.shift()) {
      const server =
        name in ECHOES ? await startEcho(name as keyof typeof ECHOES) : await startHostileServer(name as Behaviour);
      const reportDir = join(kit, '..', 'reports', name);
      // Half through the built package's bin (a symlinked path, as npx runs it), half through cli.ts with tsx.
      const entry =
        NAMES.indexOf(name) % 2 === 0
          ? [join(linked, 'conformance package/dist/cli.js')]
          : ['--import', 'tsx', join(kit, 'conformance/cli/cli.ts')];
      const args = [
        '--base-url',
        server.url,
        '--timeout',
        String(timeoutOf(name)),
        // The body family is 286 of the cases and takes the same path as the rest: left out, the suite takes half
        // the time. Two draws per generated case: the shrinking still runs.
        '--skip',
        'body',
        '--generated',
        '2',
        '--report',
        'junit,json,html',
        '--report-dir',
        reportDir,
      ];
      try {
        const run = await runCli(entry, args, name === 'deep-json' ? linked : kit);
        measured.push(
          `${name.padEnd(22)} exit ${run.code}  ${String(run.ms).padStart(6)} ms  peak RSS ${run.peakRssMb} MB`,
        );
        results.get(name)!.resolve({ ...run, reportDir });
      } finally {
        await server.close();
      }
    }
  };
  return Promise.all(Array.from({ length: slots }, worker));
}

let all: Promise<unknown>;
beforeAll(() => {
  all = runAll();
});
afterAll(async () => {
  await all;
  console.log(`The CLI against each hostile server, one process each:\n${measured.join('\n')}`);
});

describe.each(NAMES)('%s', (name) => {
  it(`ends with exit ${EXPECTED[name].code}, says what happened, stays under ${MAX_RSS_MB} MB, and shows nothing unsafe`, async () => {
    const run = await runs.get(name)!;
    const { code, says } = EXPECTED[name];
    const output = `${run.stdout}\n${run.stderr}`;
    expect({ code: run.code, stderr: run.stderr.split('\n').slice(-2) }).toMatchObject({ code });
    expect(output).toMatch(says);
    expect(run.peakRssMb).toBeGreaterThan(0);
    expect(run.peakRssMb).toBeLessThan(MAX_RSS_MB);
    // The summary and the reports come whatever the server did.
    expect(run.stdout).toMatch(
      code === 2 ? /^NOT GRADED: the preflight request was refused/m : /^NOT CONFORMANT: \d+ of \d+ cases/m,
    );
    expect(readdirSync(run.reportDir).sort()).toEqual([
      'conformance.html',
      'conformance.json',
      'conformance.junit.xml',
    ]);
    const read = (file: string) => readFileSync(join(run.reportDir, file), 'utf8');
    const [json, junit, html] = ['conformance.json', 'conformance.junit.xml', 'conformance.html'].map(read) as [
      string,
      string,
      string,
    ];
    expect(output).not.toMatch(TERMINAL_CONTROLS);
    // Only the CLI starts a line: one verdict, its own.
    expect(run.stdout.match(/^(NOT )?(CONFORMANT|GRADED)\b.*$/gm)).toHaveLength(1);
    expect(json).not.toMatch(TERMINAL_CONTROLS);
    const report = JSON.parse(json);
    expect(validateReport(report) ? [] : validateReport.errors).toEqual([]);
    expect(report.exitCode).toBe(code);
    expect(xml10Problems(junit)).toEqual([]);
    expect(XMLValidator.validate(junit)).toBe(true);
    expect(html).not.toMatch(/<script|<h1>Oops/i);
    expect(html).not.toMatch(TERMINAL_CONTROLS);
    expect(leaks([output, json, junit, html].join('\n'))).toEqual([]);
  }, 180_000);
});

it('the echo server put the credentials where the CLI quotes the server, so the checks above could find a leak', async () => {
  const run = await runs.get('echo-credentials-first')!;
  const json = readFileSync(join(run.reportDir, 'conformance.json'), 'utf8');
  expect(json.match(/<token>/g)?.length).toBeGreaterThan(20);
  expect(json.match(/<channelKey>/g)?.length).toBeGreaterThan(20);
  expect(json).toMatch(/<apiKey>/);
  expect(json).toMatch(/<apiSecret>/);
});
