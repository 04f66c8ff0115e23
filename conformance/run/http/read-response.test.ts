import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { startHostileServer, type Behaviour } from '../../fixtures/hostile-servers.ts';
import { DEFAULT_LIMITS, bodyText, exchange, isAnswer, truncationNote, type BoundedAnswer } from './read-response.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function serve(handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function hostile(behaviour: Behaviour): Promise<string> {
  const server = await startHostileServer(behaviour);
  closers.push(server.close);
  return server.url;
}

const limits = { maxBodyBytes: 1024, timeoutMs: 2000 };
const answer = (outcome: Awaited<ReturnType<typeof exchange>>): BoundedAnswer => {
  if (!isAnswer(outcome)) throw new Error(`expected an answer, got: ${outcome.failure}`);
  return outcome;
};

describe('exchange: answers', () => {
  it('sends method, headers and body, and gives status, lower-case headers, body and time', async () => {
    const url = await serve((request, response) => {
      let body = '';
      request
        .on('data', (chunk) => (body += chunk))
        .on('end', () => {
          response.writeHead(201, { 'Content-Type': 'application/json', 'X-Seen': request.headers['x-sent'] ?? '' });
          response.end(JSON.stringify({ method: request.method, body }));
        });
    });
    const got = answer(
      await exchange(`${url}/orders`, { method: 'POST', headers: { 'X-Sent': 'yes' }, body: '{"a":1}' }),
    );
    expect(got).toMatchObject({
      status: 201,
      bodyTruncated: false,
      headers: { 'content-type': 'application/json', 'x-seen': 'yes' },
    });
    expect(JSON.parse(bodyText(got))).toEqual({ method: 'POST', body: '{"a":1}' });
    expect(got.ms).toBeGreaterThanOrEqual(0);
    expect(got.decodedFrom).toBeUndefined();
  });

  it('joins repeated headers, Set-Cookie included', async () => {
    const url = await serve((_q, response) => {
      response.setHeader('X-Dup', ['one', 'two']);
      response.setHeader('Set-Cookie', ['a=1', 'b=2']);
      response.end();
    });
    expect(answer(await exchange(url, { method: 'GET' }, limits)).headers).toMatchObject({
      'x-dup': 'one, two',
      'set-cookie': 'a=1, b=2',
    });
  });

  it('does not follow a redirect: a 302 is an answer', async () => {
    let followed = 0;
    const elsewhere = await serve((_q, response) => (followed++, response.end('stolen')));
    const url = await serve(
      (_q, response) => (response.writeHead(302, { Location: `${elsewhere}/collect` }), response.end()),
    );
    const got = answer(await exchange(url, { method: 'GET', headers: { Authorization: 'Bearer t0ken' } }, limits));
    expect(got.status).toBe(302);
    expect(got.headers.location).toBe(`${elsewhere}/collect`);
    expect(followed).toBe(0);
  });

  it('takes a 500 as an answer, not a failure', async () => {
    expect(answer(await exchange(await hostile('server-error'), { method: 'GET' }, limits)).status).toBe(500);
  });

  it('reads a HEAD answer without a body', async () => {
    const url = await serve((_q, response) => (response.writeHead(200, { 'Content-Length': '5' }), response.end()));
    expect(answer(await exchange(url, { method: 'HEAD', body: 'ignored' }, limits)).bodyBytes.length).toBe(0);
  });
});

describe('exchange: the body cap', () => {
  const sized = (size: number) => serve((_q, response) => response.end(Buffer.alloc(size, 'x')));

  it('keeps a body of exactly the cap whole, and cuts one byte more', async () => {
    expect(answer(await exchange(await sized(1024), { method: 'GET' }, limits))).toMatchObject({
      bodyTruncated: false,
    });
    const over = answer(await exchange(await sized(1025), { method: 'GET' }, limits));
    expect(over.bodyTruncated).toBe(true);
    expect(over.bodyBytes.length).toBe(1024);
    expect(truncationNote(over)).toBe('body over 1024 bytes; only the first 1024 were read');
  });

  it('counts bytes after decompression, and says from what', async () => {
    const zeros = Buffer.alloc(64 * 1024);
    for (const [coding, compress] of [
      ['gzip', gzipSync],
      ['br', brotliCompressSync],
    ] as const) {
      const url = await serve(
        (_q, response) => (response.writeHead(200, { 'Content-Encoding': coding }), response.end(compress(zeros))),
      );
      const got = answer(await exchange(url, { method: 'GET' }, limits));
      expect(got).toMatchObject({ bodyTruncated: true, decodedFrom: coding });
      expect(got.bodyBytes).toEqual(Buffer.alloc(1024));
      expect(truncationNote(got)).toBe(
        `body over 1024 bytes after ${coding} decompression; only the first 1024 were read`,
      );
    }
  });

  it('leaves a body in an unknown coding as it was sent', async () => {
    const url = await serve(
      (_q, response) => (response.writeHead(200, { 'Content-Encoding': 'x-custom' }), response.end('raw')),
    );
    const got = answer(await exchange(url, { method: 'GET' }, limits));
    expect(got.decodedFrom).toBeUndefined();
    expect(bodyText(got)).toBe('raw');
  });

  it('drops the connection once the cap is passed, so the server stops sending', async () => {
    let written = 0;
    const closed = new Promise<void>((resolve) => {
      void serve(async (_q, response) => {
        const chunk = Buffer.alloc(64 * 1024);
        response.on('close', () => resolve());
        while (!response.destroyed && written < 1024 ** 3) {
          written += chunk.length;
          if (!response.write(chunk))
            await new Promise<void>((drained) => {
              const done = () => (response.off('drain', done).off('close', done), drained());
              response.on('drain', done).on('close', done);
            });
        }
      }).then((url) => exchange(url, { method: 'GET' }, { maxBodyBytes: 1024 * 1024, timeoutMs: 5000 }));
    });
    await closed;
    // What the socket buffers of both sides hold, not the gigabyte.
    expect(written).toBeLessThan(32 * 1024 * 1024);
  });
});

describe('exchange: failures, never a throw', () => {
  it('connection refused', async () => {
    const url = await serve(() => {});
    await closers.pop()!();
    expect(await exchange(url, { method: 'GET' }, limits)).toMatchObject({ failure: 'connection refused' });
  });

  it('a server that never answers is cut at the deadline', async () => {
    const outcome = await exchange(await hostile('never-answers'), { method: 'GET' }, { ...limits, timeoutMs: 300 });
    expect(outcome).toMatchObject({ failure: 'no answer within 300 ms' });
    expect(outcome.ms).toBeGreaterThanOrEqual(290);
    expect(outcome.ms).toBeLessThan(1000);
  });

  it('a body trickling one byte a second is cut at the same deadline', async () => {
    const outcome = await exchange(await hostile('trickle'), { method: 'GET' }, { ...limits, timeoutMs: 1500 });
    expect(outcome).toMatchObject({
      failure: expect.stringMatching(/^the answer did not finish within 1500 ms \(status 200, [12] body bytes read\)$/),
    });
    expect(outcome.ms).toBeLessThan(2000);
  });

  it.each([
    [
      'wrong-length',
      'the server closed the connection before the body was complete (status 200, 10 bytes of the 1000 its Content-Length announced)',
    ],
    ['reset', 'connection reset by the server (status 200, 2001 body bytes read)'],
    [
      'escape-in-header',
      'not a valid HTTP answer: Response does not match the HTTP/1.1 protocol (Invalid header value char)',
    ],
    ['header-flood', 'not a valid HTTP answer: headers over 16 KiB'],
    ['many-encodings', 'no usable answer: too many content-encodings in response: 1000, maximum allowed is 5'],
  ] as const)('%s', async (behaviour, failure) => {
    expect(await exchange(await hostile(behaviour), { method: 'GET' })).toMatchObject({ failure });
  });

  it('a URL that is not one', async () => {
    expect(await exchange('not a url', { method: 'GET' }, limits)).toMatchObject({
      failure: expect.stringMatching(/^no usable answer/),
    });
  });

  it('a body that is not the gzip it claims', async () => {
    const url = await serve(
      (_q, response) => (response.writeHead(200, { 'Content-Encoding': 'gzip' }), response.end('not gzip at all')),
    );
    expect(await exchange(url, { method: 'GET' }, limits)).toMatchObject({
      failure: expect.stringMatching(/^the body could not be decompressed/),
    });
  });
});

it('has defaults of 1 MiB and 10 s', () => {
  expect(DEFAULT_LIMITS).toEqual({ maxBodyBytes: 1024 * 1024, timeoutMs: 10_000 });
});
