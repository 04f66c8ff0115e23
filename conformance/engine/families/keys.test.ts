import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContract } from '../../../lib/contract.ts';
import { contextsOf } from '../../fixtures/test-kit.ts';
import { keyCases } from './keys.ts';

const kit = loadContract();
const fixture = loadContract(fileURLToPath(new URL('../../../test/fixtures/kinds.openapi.yaml', import.meta.url)));

describe('keyCases', () => {
  const cases = keyCases(contextsOf(kit).get('createPackagingOrder')!);
  const created = (id: string) => JSON.parse(cases.find((c) => c.id === id)!.prelude![0]!.request.body!).order_id;

  it('reads and creates, after a create, each near-miss of its key', () => {
    expect(cases.map((c) => c.id.replace(/^\w+\.keys\./, ''))).toEqual(
      ['other-case', 'leading-space', 'trailing-space', 'prefix', 'extension', 'other-normalisation'].flatMap(
        (kind) => [`${kind}.read`, `${kind}.create`],
      ),
    );
  });

  it('sends keys that differ from the one created only as each kind says', () => {
    const read = (kind: string) => cases.find((c) => c.id.endsWith(`.${kind}.read`))!;
    const sent = (kind: string) => new URLSearchParams(read(kind).request.path.split('?')[1]).get('order_id');
    const key = (kind: string) => created(read(kind).id) as string;
    expect(sent('other-case')!.toLowerCase()).toBe(key('other-case').toLowerCase());
    expect(sent('other-case')).not.toBe(key('other-case'));
    expect(sent('leading-space')).toBe(` ${key('leading-space')}`);
    expect(sent('prefix')).toBe(key('prefix').slice(0, -1));
    expect(sent('extension')).toBe(`${key('extension')}x`);
    expect(sent('other-normalisation')).toBe(key('other-normalisation').normalize('NFD'));
    expect(sent('other-normalisation')!.normalize('NFC')).toBe(key('other-normalisation'));
  });

  it('expects the read not found and the create made', () => {
    for (const c of cases) expect(c.expect.status, c.id).toBe(c.id.endsWith('.read') ? 404 : 200);
  });

  it('leaves out, with a note, the near-misses a patterned key does not take', () => {
    const notes: string[] = [];
    const ids = keyCases(contextsOf(fixture, notes).get('createWidget')!).map((c) => c.id);
    expect(ids.some((id) => id.includes('space'))).toBe(false);
    expect(notes.filter((n) => n.includes('keys.'))).toHaveLength(4);
  });
});
