// The hostile-server suite: for each way a vendor's server can misbehave, the pipeline the CLI runs on an answer
// (read within limits, parse within limits, redact, clip, escape) must not throw, must finish by the deadline, must
// stay within memory, and must produce output that is safe where it goes and free of secrets.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { readAndRender, TEST_SECRETS } from './fixtures/hostile-pipeline.ts';
import { BEHAVIOUR_NAMES, startHostileServer, type Behaviour } from './fixtures/hostile-servers.ts';
import { spellingsOf } from './fixtures/secret-spellings.ts';
import { bodyText, isAnswer } from './http/read-response.ts';
import { redactor } from './output/redact.ts';
import { xml10Problems } from './output/xml-check.ts';

const LIMITS = { maxBodyBytes: 1024 * 1024, timeoutMs: 1500 };
/** Connect, a little scheduling and the child's start-up: what may pass beyond the deadline. */
const SLACK_MS = 1000;

/** What the output must say for each behaviour: the verdict a vendor reads. */
const MUST_SAY: Record<Behaviour, RegExp> = {
  'deep-json': /^status 200[\s\S]*JSON nested deeper than 64 levels: \[\[\[/,
  'huge-array': /^status 200[\s\S]*body over 1048576 bytes; only the first 1048576 were read/,
  'gigabyte-body': /^status 200[\s\S]*content-length: 1073741824[\s\S]*body over 1048576 bytes/,
  'gzip-bomb': /^status 200[\s\S]*body over 1048576 bytes after gzip decompression/,
  'many-encodings': /^no answer: .*too many content-encodings/,
  'header-flood': /^no answer: not a valid HTTP answer: headers over 16 KiB$/,
  trickle: /^no answer: the answer did not finish within 1500 ms \(status 200, \d body bytes read\)$/,
  'never-answers': /^no answer: no answer within 1500 ms$/,
  'escape-sequences': /x-debug: before\\u009b2J\\u009d0;pwned\\u009cafter[\s\S]*not JSON.*\\u001b\[2J/,
  'escapes-in-json': /^status 200[\s\S]*json: .*\\u001b\]0;pwned\\u0007/,
  'escape-in-header': /^no answer: not a valid HTTP answer: .*Invalid header value char/,
  'xml-breakers': /^status 200[\s\S]*json: .*\\ud800/,
  'echo-secrets': /^status 200[\s\S]*location: https:\/\/attacker\.invalid\/collect\?v=.*<token>/,
  redirect: /^status 302[\s\S]*location: https:\/\/attacker\.invalid\/collect/,
  'server-error': /^status 500[\s\S]*json: \{"message":"Internal Server Error","code":"boom"\}/,
  'html-error': /^status 200[\s\S]*not JSON.*<script>/,
  'wrong-length': /^no answer: the server closed the connection before the body was complete/,
  reset: /^no answer: connection reset by the server/,
};

/** Raw controls that drive a terminal; line feeds and tabs are allowed in multi-line output. */
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Every way `text` still shows a secret: a spelling of it, or base64 that decodes to a piece of it. */
function leaks(text: string): string[] {
  const found: string[] = [];
  for (const { name, value } of TEST_SECRETS) {
    for (const spelling of spellingsOf(value))
      if (!spelling.name.startsWith('base64') && text.includes(spelling.text))
        found.push(`${name} as ${spelling.name}`);
    const pieces = [value.slice(0, 8), value.slice(-8)];
    for (const run of text.match(/[A-Za-z0-9+/_-]{12,}/g) ?? [])
      for (const skip of [0, 1, 2, 3]) {
        const decoded = Buffer.from(run.slice(skip), run.includes('-') || run.includes('_') ? 'base64url' : 'base64');
        if (pieces.some((piece) => decoded.toString('latin1').includes(piece))) found.push(`${name} in base64 ${run}`);
      }
  }
  return found;
}

describe.each(BEHAVIOUR_NAMES)('%s', (behaviour) => {
  it('never throws, keeps the deadline, and says what happened in output that is safe everywhere', async () => {
    const server = await startHostileServer(behaviour);
    try {
      const rendered = await readAndRender(server.url, LIMITS);
      expect(rendered.outcome.ms).toBeLessThan(LIMITS.timeoutMs + SLACK_MS);
      expect(rendered.terminal).toMatch(MUST_SAY[behaviour]);
      expect(rendered.terminal).not.toMatch(TERMINAL_CONTROLS);
      expect(xml10Problems(rendered.junit)).toEqual([]);
      expect(XMLValidator.validate(rendered.junit)).toBe(true);
      expect(rendered.html).not.toMatch(TERMINAL_CONTROLS);
      expect(rendered.html.match(/<[a-z!/]/gi)).toEqual(['<!', '<m', '<p', '</']);
      for (const output of [rendered.terminal, rendered.junit, rendered.html]) expect(leaks(output)).toEqual([]);
      if (isAnswer(rendered.outcome))
        expect(rendered.outcome.bodyBytes.length).toBeLessThanOrEqual(LIMITS.maxBodyBytes);
    } finally {
      await server.close();
    }
  });
});

it('the echo server echoed the secrets in every spelling, and redaction of its whole answer leaves none', async () => {
  const server = await startHostileServer('echo-secrets');
  try {
    const { outcome, terminal } = await readAndRender(server.url, LIMITS);
    if (!isAnswer(outcome)) throw new Error(outcome.failure);
    // The whole answer, not the clipped output: the spellings further down must go too.
    const raw = `${JSON.stringify(outcome.headers)}\n${bodyText(outcome)}`;
    const found = leaks(raw);
    for (const { name } of TEST_SECRETS) {
      expect(found.filter((leak) => leak.startsWith(`${name} as `)).length).toBeGreaterThanOrEqual(10);
      expect(found.some((leak) => leak.startsWith(`${name} in base64`))).toBe(true);
    }
    expect(leaks(redactor(TEST_SECRETS)(raw))).toEqual([]);
    expect(terminal).toContain('<token>');
    expect(terminal).toContain('<channelKey>');
  } finally {
    await server.close();
  }
});

interface Measured {
  ms: number;
  baselineRssMb: number;
  peakRssMb: number;
  outcome: string;
}
const measured: Partial<Record<Behaviour, Measured>> = {};
const SCRIPT = fileURLToPath(new URL('./fixtures/measure-hostile.ts', import.meta.url));

/** The pipeline in a process of its own: its peak RSS is then the pipeline's, not the test runner's. */
function measure(url: string): Promise<Measured> {
  const args = ['--import', 'tsx', SCRIPT, url, String(LIMITS.maxBodyBytes), String(LIMITS.timeoutMs)];
  return new Promise((resolve, reject) =>
    execFile(process.execPath, args, { cwd: fileURLToPath(new URL('..', import.meta.url)) }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout.trim().split('\n').at(-1)!)),
    ),
  );
}

describe('memory and time, each in a fresh process', () => {
  it.each(BEHAVIOUR_NAMES)('%s', async (behaviour) => {
    const server = await startHostileServer(behaviour);
    try {
      const figures = await measure(server.url);
      measured[behaviour] = figures;
      expect(figures.ms).toBeLessThan(LIMITS.timeoutMs + SLACK_MS);
      expect(figures.peakRssMb - figures.baselineRssMb).toBeLessThan(100);
      expect(figures.peakRssMb).toBeLessThan(300);
    } finally {
      await server.close();
    }
  });

  afterAll(() => {
    const rows = Object.entries(measured).map(
      ([name, m]) =>
        `${name.padEnd(17)} ${String(m.ms).padStart(5)} ms  RSS ${m.baselineRssMb} → ${m.peakRssMb} MB (+${m.peakRssMb - m.baselineRssMb})  ${m.outcome}`,
    );
    console.log(`Hostile servers, one fresh process each:\n${rows.join('\n')}`);
  });
});
