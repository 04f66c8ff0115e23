// The runner against small servers: answers over the suite's limits become one failed check that says so, what a
// result keeps has its secrets blanked before it is cut, and a failure of the suite itself ends as an `error`
// result instead of ending the run.
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContract } from '../../lib/contract.ts';
import { buildCatalogue } from '../engine/catalogue.ts';
import { readingOf } from '../engine/reading.ts';
import { rootCause } from '../report/report.ts';
import { runCase, runCases, send, SHOWN_CHARS, type Sender } from './runner.ts';
import { targetFor, type Target } from './target.ts';

const contract = loadContract();
const grading = readingOf(contract);
const { cases } = buildCatalogue(grading, { uniquePrefix: 'runner' });
const success = cases.find((c) => c.family === 'success' && !c.prelude && c.expect.status === 200)!;
const secrets = {
  token: 'runner-token-0123456789',
  channelKey: 'RunnerChannel42',
  apiKey: 'k-1234',
  apiSecret: 's-5678',
};

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function serve(handler: RequestListener): Promise<Target> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
  return targetFor(contract, {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    secrets,
    timeoutMs: 2000,
  });
}

const json = (status: number, body: string, headers: Record<string, string> = {}) =>
  serve((request, response) => {
    request.resume();
    response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body);
  });

describe('answers over the limits', () => {
  const gzipped = () =>
    serve((request, response) => {
      request.resume();
      response
        .writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' })
        .end(gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20)));
    });
  it.each([
    ['a body over the byte cap', () => json(200, `[${'0,'.repeat(600_000)}0]`), /^body over 1048576 bytes/],
    ['a gzip body over the cap once inflated', gzipped, /after gzip decompression/],
    ['JSON nested 5,000 deep', () => json(200, `${'['.repeat(5000)}${']'.repeat(5000)}`), /nested deeper than 64/],
    ['JSON of 200,000 values', () => json(200, `[${'0,'.repeat(199_999)}0]`), /more than 100000 values/],
  ])('%s: one failed check that says so, the body checks folded under it', async (_name, start, says) => {
    const target = await start();
    const result = await runCase(success, target, grading);
    expect(result.outcome).toBe('failed');
    const { root, others } = rootCause(result);
    expect(root).toMatchObject({ check: 'answerWithinLimits', actual: expect.stringMatching(says) });
    expect(others).toEqual([]);
    expect(result.failures.map((f) => f.check)).not.toContain('bodyMatchesSchema');
  });

  it('keeps no body it did not grade', async () => {
    const answer = await send(await json(200, 'x'.repeat(2 * 1024 * 1024)), success.operationId, success.request);
    expect(answer).toMatchObject({ status: 200, text: '', overLimit: expect.stringMatching(/^body over/) });
  });

  it('a body that is not JSON is for the checks, not a limit', async () => {
    const answer = await send(await json(200, '<html>'), success.operationId, success.request);
    expect(answer).toMatchObject({ status: 200, text: '<html>' });
    expect(answer).not.toHaveProperty('overLimit');
  });
});

describe('a list the document leaves unbounded (no maxItems)', () => {
  const list = cases.find((c) => c.id === 'getOpenPackagingOrders.success.documented')!;
  const listing = contract.operations.find((op) => op.operationId === list.operationId)!;
  const example = listing.success!.examples[0]!.value as { data: unknown[] };
  /** The documented list answer with `count` copies of its example order. */
  const longList = (count: number) =>
    json(200, JSON.stringify({ ...example, data: Array.from({ length: count }, () => example.data[0]) }));

  it('is read past the 1 MiB of other answers, and judged', async () => {
    const body = JSON.stringify({ ...example, data: Array.from({ length: 8000 }, () => example.data[0]) });
    expect(body.length).toBeGreaterThan(2 * 1024 * 1024);
    const result = await runCase(list, await longList(8000), grading);
    expect(result).toMatchObject({ outcome: 'passed', failures: [] });
  });

  it('over even its larger limits is not judged, and says why: a long list is no departure', async () => {
    const result = await runCase(list, await longList(30_000), grading);
    expect(result).toMatchObject({ outcome: 'inapplicable', passed: true, failures: [] });
    expect(result.note).toMatch(
      /^not judged: the answer of getOpenPackagingOrders is longer than the suite reads \(body over 8388608 bytes/,
    );
    expect(result.note).toMatch(/sets no bound on this list/);
  });

  it('while an answer the document bounds is still held to 1 MiB', async () => {
    const result = await runCase(success, await json(200, `{"data":"${'x'.repeat(2 * 1024 * 1024)}"}`), grading);
    expect(rootCause(result).root).toMatchObject({ check: 'answerWithinLimits' });
  });
});

describe('what a result keeps', () => {
  it('blanks a secret before cutting, so that none is left half-shown at the cut', async () => {
    // The token in JSON-escaped spelling, standing across the place where the value is cut.
    const escaped = [...secrets.token].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    const text = `${'x'.repeat(SHOWN_CHARS - 20)}${escaped}${'y'.repeat(5000)}`;
    const result = await runCase(success, await json(200, text, { 'content-type': 'text/plain' }), grading);
    const shown = JSON.stringify(result);
    expect(shown).not.toContain('\\\\u0072\\\\u0075'); // "ru", the token's first two characters, escaped
    expect(shown).not.toContain(secrets.token.slice(0, 8));
    const body = result.failures.find((f) => f.check === 'bodyMatchesSchema')!;
    expect(body.actual.length).toBeLessThan(SHOWN_CHARS + 50);
    expect(body.actual).toMatch(/… \(cut; \d+ characters in all\)$/);
  });

  it('blanks what a server echoes in its JSON, in the expected and actual of every check', async () => {
    const refused = cases.find((c) => c.expect.status === 401 && c.expect.example !== undefined && !c.prelude)!;
    const echo = JSON.stringify({ success: false, message: `unknown key ${secrets.channelKey}`, code: 'X' });
    const result = await runCase(refused, await json(401, echo), grading);
    expect(JSON.stringify(result.failures)).toContain('<channelKey>');
    expect(JSON.stringify(result.failures)).not.toContain(secrets.channelKey);
  });
});

describe('a failure of the suite', () => {
  it('is an error result for that case, and the other cases still run', async () => {
    const broken: Sender = async (_target, operationId) => {
      if (operationId === success.operationId) throw new Error('a bug of ours\nwith a second line');
      return { inapplicable: 'not sent' };
    };
    const picked = [success, cases.find((c) => c.operationId !== success.operationId && !c.prelude && !c.property)!];
    const target = targetFor(contract, { baseUrl: 'http://127.0.0.1:1', secrets, timeoutMs: 10 });
    const results = await runCases(
      picked,
      target,
      grading,
      { concurrency: 1, generatedRuns: 0, seed: 1 },
      () => {},
      broken,
    );
    expect(results.map((r) => r.outcome)).toEqual(['error', 'inapplicable']);
    expect(results[0]!.note).toBe(
      'the suite failed on this case (a bug of the suite, not of the server): Error: a bug of ours',
    );
  });
});
