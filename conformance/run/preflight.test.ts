// The preflight against small servers: only the documented success status lets the run go on, and a refusal says
// what came back, with the server's text cut short and every secret blanked in it.
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContract } from '../../lib/contract.ts';
import { buildCatalogue } from '../engine/catalogue.ts';
import { readingOf } from '../engine/reading.ts';
import { preflight } from './preflight.ts';
import { targetFor, type Target } from './target.ts';

const contract = loadContract();
const { cases } = buildCatalogue(readingOf(contract), { uniquePrefix: 'preflight' });
const secrets = {
  token: 'preflight-token-0123456789',
  channelKey: 'PreflightChannel7',
  apiKey: 'api-key-1',
  apiSecret: 'api-secret-1',
};

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function serve(handler: RequestListener): Promise<Target> {
  const server = createServer((request, response) => {
    request.resume();
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return targetFor(contract, { baseUrl, secrets, timeoutMs: 1000 });
}

describe('preflight', () => {
  it('lets the run go on when the documented success status comes, whatever the body', async () => {
    const target = await serve((_q, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(9999)));
    expect(await preflight(cases, target)).toMatchObject({ ok: true, testCase: { family: 'success' } });
  });

  it.each([
    [
      302,
      { location: 'https://elsewhere.invalid/api' },
      '',
      /answered 302 .*It redirects to https:\/\/elsewhere\.invalid\/api; the suite follows no redirect/,
    ],
    [301, {}, '', /answered 301 \(no Content-Type, an empty body\)\. It redirects;/],
    [
      500,
      { 'content-type': 'application/json' },
      '{"message":"boom"}',
      /answered 500 \(application\/json, "\{"message":"boom"\}"\)\.$/,
    ],
    [201, { 'content-type': 'application/json' }, '{}', /must be answered 200; the server answered 201/],
    [401, { 'content-type': 'application/json' }, '{}', /answered 401 .*Check the credentials\.$/],
    [404, {}, '', /--base-url is the server URL of the document/],
  ])('stops on %i and says what came back', async (status, headers, body, says) => {
    const target = await serve((_q, res) => res.writeHead(status, headers).end(body));
    const refused = await preflight(cases, target);
    expect(refused).toMatchObject({ ok: false, reason: expect.stringMatching(says) });
  });

  it('quotes a refused body cut short, with the secrets it echoes blanked in every spelling, also at the cut', async () => {
    const escaped = [...secrets.token].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    const body = JSON.stringify({ message: `${'x'.repeat(280)}` }).slice(0, -2) + escaped + '"}' + ' '.repeat(9000);
    const target = await serve((request, res) =>
      res
        .writeHead(403, { 'content-type': 'application/json', location: `/x?k=${request.headers['x-channel-key']}` })
        .end(body),
    );
    const refused = await preflight(cases, target);
    if (refused.ok) throw new Error('the preflight passed');
    expect(refused.reason).toMatch(
      /answered 403 \(application\/json, "\{"message":"x+.*… \(cut; \d+ characters in all\)"\)/,
    );
    expect(refused.reason).not.toMatch(/\\u0070\\u0072|preflight-token|PreflightChannel/);
    expect(refused.reason.length).toBeLessThan(800);
  });

  it('stops when no answer comes, and says so', async () => {
    const target = await serve(() => {});
    expect(await preflight(cases, target)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^POST http:\/\/127\.0\.0\.1:\d+\/packaging_order: no answer within 1000 ms$/),
    });
  });
});
