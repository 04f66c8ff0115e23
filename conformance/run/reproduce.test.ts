import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { contractFrom } from '../../lib/contract.ts';
import { credentialsOf } from '../../lib/credentials.ts';
import { buildCatalogue } from '../engine/catalogue.ts';
import { readingOf } from '../engine/reading.ts';
import { answers, apiKey, createOrder, documentOf, getOrder, securedBy } from '../fixtures/test-kit.ts';
import { reproduce } from './reproduce.ts';

const contract = contractFrom(
  documentOf(
    {
      '/orders': {
        post: createOrder({
          parameters: [
            // The document's example of a secret: it must never be printed either.
            { name: 'X-Channel-Key', in: 'header', required: true, 'x-credential': true, example: 'chan-EXAMPLE-123' },
          ],
          responses: {
            '201': {
              description: 'Made.',
              links: {
                GetOrder: { operationId: 'getOrder', parameters: { order_id: '$response.body#/data/order_id' } },
              },
            },
            '400': answers('credential-invalid'),
            '401': answers('credentials-missing', 'credentials-rejected'),
            '409': answers('resource-exists'),
            '413': { ...answers('body-too-large'), 'x-max-body-bytes': 200 },
          },
        }),
      },
      '/orders/{order_id}': { get: getOrder() },
    },
    securedBy({ key: apiKey() }),
  ),
);
const credentials = credentialsOf(contract);
const { cases } = buildCatalogue(readingOf(contract), { uniquePrefix: 'repro' });
const linesOf = (id: string) =>
  reproduce(
    cases.find((c) => c.id === id)!,
    (operationId) => `https://${operationId}.example.test/v2/`,
    credentials,
  );

/** The arguments bash hands curl for a line, with the secrets in the environment (curl itself is a stub). */
function argumentsOf(line: string): string[] {
  const script = `curl() { for arg in "$@"; do printf '%s\\0' "$arg"; done; }\n${line}`;
  const env = { PATH: process.env.PATH, TOKEN: 'tok-Secret9', CHANNEL_KEY: 'Chan-Key-7', LINKED: 'O-77' };
  const run = spawnSync('bash', ['-e'], { input: script, env });
  expect(run.stderr.toString()).toBe('');
  return run.stdout.toString().split('\0').slice(0, -1);
}
const headersOf = (args: string[]) => args.flatMap((arg, i) => (args[i - 1] === '-H' ? [arg] : []));

describe('reproduce', () => {
  it('gives one cURL line with -i, each secret as its shell variable and never a value', () => {
    const lines = linesOf('createOrder.auth.key.rejected');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^curl -i -X POST 'https:\/\/createOrder\.example\.test\/v2\/orders' /);
    expect(lines[0]).toContain('-H "x-channel-key: ${CHANNEL_KEY}"');
    for (const c of cases) for (const line of linesOf(c.id)) expect(line, c.id).not.toContain('chan-EXAMPLE-123');
  });

  it('writes each near-miss of a secret as a shell expansion that makes it from the variable', () => {
    const sent = (id: string, header: string) =>
      headersOf(argumentsOf(linesOf(id)[0]!)).find((h) => h.startsWith(`${header}: `));
    expect(sent('createOrder.auth.key.append', 'x-key')).toBe('x-key: tok-Secret90');
    expect(sent('createOrder.auth.key.drop-last', 'x-key')).toBe('x-key: tok-Secret');
    expect(sent('createOrder.auth.key.change-last', 'x-key')).toBe('x-key: tok-SecretX');
    expect(sent('createOrder.auth.key.change-first', 'x-key')).toBe('x-key: Xok-Secret9');
    expect(sent('createOrder.credentials.X-Channel-Key.swap-case', 'x-channel-key')).toBe('x-channel-key: cHAN-kEY-7');
    expect(linesOf('createOrder.auth.key.append')[0]).toContain('"x-key: ${TOKEN}0"');
  });

  it('pads an over-limit body in the shell, to the very size of the case', () => {
    const args = argumentsOf(linesOf('createOrder.size.over-limit')[0]!);
    const body = args[args.indexOf('--data-raw') + 1]!;
    expect(Buffer.byteLength(body)).toBe(201);
    expect(JSON.parse(body)).toMatchObject({ order_id: expect.stringMatching(/^repro-/) });
  });

  it('gives the prelude’s lines first, each to its own operation’s server, and the linked value as $LINKED', () => {
    const lines = linesOf('getOrder.stateful.createOrder.GetOrder');
    expect(lines).toHaveLength(4);
    expect(
      lines.slice(0, 2).every((l) => l.startsWith("curl -i -X POST 'https://createOrder.example.test/v2/orders'")),
    ).toBe(true);
    // Which answer, and where in it: the runner takes the value from the answer to the last earlier request.
    expect(lines[2]).toBe('# LINKED: the value at /data/order_id in the answer to the createOrder request just above');
    expect(lines[3]).toBe('curl -i -X GET "https://getOrder.example.test/v2/orders/${LINKED}" -H "x-key: ${TOKEN}"');
    expect(argumentsOf(lines[3]!).slice(0, 4)).toEqual([
      '-i',
      '-X',
      'GET',
      'https://getOrder.example.test/v2/orders/O-77',
    ]);
  });

  it('gives each pointer of the earlier answer a variable of its own', () => {
    const read = cases.find((c) => c.id === 'getOrder.stateful.createOrder.GetOrder')!;
    const headers = { ...read.request.headers, 'x-batch': '{{$response.body#/data/batch}}' };
    const lines = reproduce(
      { ...read, request: { ...read.request, headers } },
      () => 'https://x.example.test',
      credentials,
    );
    expect(lines.slice(2, 4)).toEqual([
      '# LINKED: the value at /data/order_id in the answer to the createOrder request just above',
      '# LINKED_2: the value at /data/batch in the answer to the createOrder request just above',
    ]);
    expect(lines[4]).toContain('/orders/${LINKED}"');
    expect(lines[4]).toContain('-H "x-batch: ${LINKED_2}"');
  });

  it('adds no LINKED note to a case without a linked value', () => {
    const lines = linesOf('createOrder.stateful.create-twice');
    expect(lines).toHaveLength(2);
    expect(lines.some((l) => l.startsWith('#'))).toBe(false);
  });
});
