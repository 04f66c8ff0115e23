// The preflight against small servers: only the documented success status lets the run go on, and a refusal says
// what came back, with the server's text cut short and every secret blanked in it.
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { answerFor, loadContract } from '../../lib/contract.ts';
import { buildCatalogue } from '../engine/catalogue.ts';
import { readingOf } from '../engine/reading.ts';
import { preflight } from './preflight.ts';
import { targetFor, type Target } from './target.ts';

const contract = loadContract();
const reading = readingOf(contract);
const { cases } = buildCatalogue(reading, { uniquePrefix: 'preflight' });
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
    expect(await preflight(cases, target, reading)).toMatchObject({ ok: true, testCase: { family: 'success' } });
  });

  it.each([
    [
      302,
      { location: 'https://elsewhere.invalid/api' },
      '',
      /answered 302 /,
      /^It redirects to https:\/\/elsewhere\.invalid\/api; the suite follows no redirect/,
    ],
    [301, {}, '', /answered 301 \(no Content-Type, an empty body\)$/, /^It redirects; /],
    [
      500,
      { 'content-type': 'application/json' },
      '{"message":"boom"}',
      /answered 500 \(application\/json, "\{"message":"boom"\}"\)$/,
      /^The server failed/,
    ],
    [
      401,
      { 'content-type': 'application/json' },
      '{}',
      /answered 401 /,
      /^Check the credentials it sends: the token of the security schemes, header x-channel-key\.$/,
    ],
    [403, {}, '', /answered 403 /, /^Check the credentials/],
    [
      404,
      {},
      '',
      /answered 404 /,
      /--base-url is the server URL of the document, such as https:\/\/api\.movilitas\.cloud\/v1\/manufacturer\/v2\/api\.$/,
    ],
    [405, {}, '', /answered 405 /, /--base-url is the server URL of the document/],
  ])('stops on %i, saying what came back and what to do', async (status, headers, body, says, fix) => {
    const target = await serve((_q, res) => res.writeHead(status, headers).end(body));
    const refused = await preflight(cases, target, reading);
    expect(refused).toMatchObject({
      ok: false,
      reason: expect.stringMatching(says),
      finding: { fix: expect.stringMatching(fix) },
    });
    expect(refused).toMatchObject({
      reason: expect.stringMatching(
        /^POST http:.*\/packaging_order \(createPackagingOrder\.success\.\S+\) must be answered 200; /,
      ),
    });
  });

  it('stops on the documented answer of a refused credential, whatever its status', async () => {
    const create = contract.operations.find((op) => op.operationId === 'createPackagingOrder')!;
    const channel = answerFor(contract, 'credential-invalid', create)!;
    const target = await serve((_q, res) =>
      res
        .writeHead(Number(channel.response.status), { 'content-type': 'application/json' })
        .end(JSON.stringify(channel.example.value)),
    );
    expect(await preflight(cases, target, reading)).toMatchObject({
      ok: false,
      finding: { fix: expect.stringMatching(/^Check the credentials/) },
    });
  });

  it.each([
    [201, '{}'],
    [200 + 2, '{"success":true}'],
    [400, '{"success":false,"message":"Request body could not be parsed"}'],
    [422, '{"success":false}'],
  ])('lets the cases grade any other answer (%i): the run goes on', async (status, body) => {
    const target = await serve((_q, res) => res.writeHead(status, { 'content-type': 'application/json' }).end(body));
    expect(await preflight(cases, target, reading)).toMatchObject({
      ok: true,
      off: expect.stringMatching(new RegExp(`was answered ${status}, not 200$`)),
    });
  });

  it('quotes a refused body cut short, with the secrets it echoes blanked in every spelling, also at the cut', async () => {
    const escaped = [...secrets.token].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    const body = JSON.stringify({ message: `${'x'.repeat(280)}` }).slice(0, -2) + escaped + '"}' + ' '.repeat(9000);
    const target = await serve((request, res) =>
      res
        .writeHead(403, { 'content-type': 'application/json', location: `/x?k=${request.headers['x-channel-key']}` })
        .end(body),
    );
    const refused = await preflight(cases, target, reading);
    if (refused.ok) throw new Error('the preflight passed');
    expect(refused.reason).toMatch(/; the server answered 403 /);
    expect(refused.finding.actual).toMatch(/^status 403 /);
    expect(refused.reason).toMatch(
      /answered 403 \(application\/json, "\{"message":"x+.*… \(cut; \d+ characters in all\)"\)/,
    );
    expect(refused.reason).not.toMatch(/\\u0070\\u0072|preflight-token|PreflightChannel/);
    expect(refused.reason.length).toBeLessThan(800);
  });

  it('stops when no answer comes, and says so', async () => {
    const target = await serve(() => {});
    expect(await preflight(cases, target, reading)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(
        /^POST http:\/\/127\.0\.0\.1:\d+\/packaging_order \(\S+\) must be answered 200; no answer within 1000 ms$/,
      ),
    });
  });
});
