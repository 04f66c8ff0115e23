import { describe, expect, it } from 'vitest';
import { fill, linkValue, NEAR_MISSES, nearMissOf, secretWrittenIn, type NearMiss } from './placeholders.ts';

const secrets = { token: 'Tok9z', channelKey: 'Ab12' };
const raw = (value: string) => value;

describe('placeholders', () => {
  it('are filled with the secret, encoded for where they stand', () => {
    expect(fill('a {{token}} b', secrets, undefined, raw)).toEqual({ text: 'a Tok9z b' });
    expect(fill('{{channelKey}}', secrets, undefined, (v) => `[${v}]`).text).toBe('[Ab12]');
  });

  it('near-misses change the secret by one step, and each differs from it', () => {
    const misses = Object.keys(NEAR_MISSES).map(
      (m) => fill(nearMissOf('token', m as NearMiss), secrets, undefined, raw).text,
    );
    expect(misses).toEqual(['Tok9z0', 'Tok9', 'Tok9a', 'Uok9z', 'tOK9Z']);
    expect(new Set(misses).has('Tok9z')).toBe(false);
  });

  it('say when a near-miss cannot differ, or a secret was not given', () => {
    expect(fill(nearMissOf('pin', 'swap-case'), { pin: '1234' }, undefined, raw).inapplicable).toMatch(/is pin itself/);
    expect(fill('{{apiKey}}', secrets, undefined, raw).inapplicable).toMatch(/no value was given for \{\{apiKey\}\}/);
  });

  it('link values come from the earlier answer', () => {
    const earlier = { data: { order_id: 'A 1' } };
    expect(fill(`/x?id=${linkValue('$response.body#/data/order_id')}`, {}, earlier, encodeURIComponent).text).toBe(
      '/x?id=A%201',
    );
    expect(fill(linkValue('$response.body#/data/none'), {}, earlier, raw).inapplicable).toMatch(/nothing at/);
  });

  it('a body that writes out a secret, as a whole string of its own, is one its case cannot judge', () => {
    const keys = { apiKey: 'k"1', token: 'Tok9z' };
    expect(secretWrittenIn('{"api_key":"k\\"1","api_secret":"{{apiSecret}}"}', keys)).toBe(
      "the apiKey given is the document's example, which this case sends as one the server does not know",
    );
    expect(secretWrittenIn('{"api_key":"{{apiKey}}","note":"Tok9zz"}', keys)).toBeUndefined();
    expect(secretWrittenIn('{"a":""}', { empty: '' })).toBeUndefined();
  });
});
