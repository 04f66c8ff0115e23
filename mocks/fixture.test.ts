// The mock on the fixture of every kind of operation, over real HTTP, for what the kit's document does not show: an
// answer repeating a path parameter (`x-echoes-parameter`), a transition without `item`, a list bounded by
// `maxItems`, and an answer the mock cannot make fit its schema, said at start and never sent.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { answerFor, loadContract } from '../lib/contract.ts';
import { atPointer, type Json } from '../lib/json.ts';
import { listBound } from '../lib/lifecycle.ts';
import { FIXTURE_PATH, patchRepeatingId, type Variant } from '../test/fixtures/variants.ts';
import { startMockServer } from './server.ts';
import { sender, useMock } from './test-kit.ts';

const contract = loadContract(FIXTURE_PATH);
const operation = (id: string) => contract.operations.find((op) => op.operationId === id)!;
const create = operation('createWidget');
const list = operation('listWidgets');
const activate = operation('activateWidget');
const read = operation('getWidget');
const credentials = { token: 'fixture-token', tenant: 'FixtureTenant1' };
const headers = { 'x-api-key': credentials.token, 'x-tenant': credentials.tenant };
const example = create.requestBody!.examples.find((ex) => ex.name === 'minimal')!.value as Record<string, Json>;

const mock = useMock({ credentials, document: { contract, path: FIXTURE_PATH } });
const send = sender(() => mock().url, headers);
const widgetPath = (template: string, id: string) => template.replace('{widget_id}', id);

describe('the fixture: parameters echoed and transitions without item', () => {
  it('activating answers the id from the path as it was sent; the read shows the new state; again is refused', async () => {
    await send('POST', create.path, { ...example, id: 'W-echo_1' });
    const activated = await send('POST', widgetPath(activate.path, 'W-echo_1'));
    expect(activated).toEqual({ status: 200, body: { data: { id: 'W-echo_1', status: 'active' } } });
    expect(atPointer((await send('GET', widgetPath(read.path, 'W-echo_1'))).body, '/data/status')).toBe('active');
    const refused = answerFor(contract, 'transition-refused', activate)!;
    expect(await send('POST', widgetPath(activate.path, 'W-echo_1'))).toEqual({
      status: Number(refused.response.status),
      body: refused.example.value,
    });
  });
});

describe('the fixture: a list its schema bounds', () => {
  it('answers at most maxItems items, the oldest first', async () => {
    const bound = listBound(contract, list)!;
    for (let i = 0; i <= bound; i++) await send('POST', create.path, { ...example, id: `W-${i}` });
    const listed = atPointer((await send('GET', `${list.path}?colour_family=cool`)).body, '/data') as Json[];
    expect(listed.map((item) => atPointer(item, '/id'))).toEqual(Array.from({ length: bound }, (_, i) => `W-${i}`));
  });
});

describe('an answer the mock cannot make fit its schema', () => {
  let logged: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    logged = vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => logged.mockRestore());

  /** A PATCH of the variant, with what the mock said at start. */
  async function patched(variant: Variant) {
    const started = await startMockServer({ credentials, port: 0, document: variant });
    try {
      const patch = sender(() => started.url, headers);
      const answer = await patch('PATCH', '/widgets/W-sent', { colour: 'teal' });
      return { answer, said: logged.mock.calls.map((call: unknown[]) => String(call[0])) };
    } finally {
      await started.close();
    }
  }

  it('is said at start, one line for its operation, and answered with the mock’s own 501, not a body', async () => {
    const { answer, said } = await patched(patchRepeatingId({ echoed: false }));
    expect(said).toEqual([expect.stringMatching(/^mock: updateWidget: .*\/data\/id/)]);
    expect(answer.status).toBe(501);
    expect(String(atPointer(answer.body, '/message'))).toMatch(/updateWidget.*schema.*id/);
  });

  it('with x-echoes-parameter, the id is the one sent, and nothing is said', async () => {
    const { answer, said } = await patched(patchRepeatingId({ echoed: true }));
    expect([said, answer]).toEqual([[], { status: 200, body: { data: { id: 'W-sent', colour: 'teal' } } }]);
  });
});
