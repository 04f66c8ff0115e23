import { describe, expect, it } from 'vitest';
import { spellingsOf } from '../fixtures/secret-spellings.ts';
import { excerpt, redactorFor } from './secrets.ts';

const secrets = {
  token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ2ZW5kb3IifQ.s3cr3t/Sig+nat_ure-9d1e',
  channelKey: 'Ky1SpfEXmjj05fW3USBFD3pgoEi9AQ29Atsnj4Zy',
  apiKey: 'vendor-api-key-0001',
  apiSecret: 'vendor-api-secret-0002',
};
const redact = redactorFor(secrets);

describe('redactorFor', () => {
  it('blanks every credential of the target, in every spelling', () => {
    for (const [name, value] of Object.entries(secrets))
      for (const spelling of spellingsOf(value)) {
        const redacted = redact(`<<${spelling.text}>>`);
        expect({ spelling: spelling.name, redacted }).toEqual({
          spelling: spelling.name,
          redacted: expect.stringContaining(`<${name}>`),
        });
      }
  });

  it('blanks the near-misses the cases send, which show all but one character', () => {
    const { channelKey } = secrets;
    for (const nearMiss of [
      channelKey.slice(0, -1),
      `${channelKey.slice(0, -1)}X`,
      `X${channelKey.slice(1)}`,
      `${channelKey}0`,
      channelKey.replace(/[a-z]/gi, (c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())),
    ]) {
      const redacted = redact(`key ${JSON.stringify(nearMiss)} refused`);
      expect(redacted).toMatch(/^key "X?<channelKey>0?X?" refused$/);
    }
  });

  it('names the credentials too short to blank', () => {
    const short = redactorFor({ token: 'abc', channelKey: 'long-enough' });
    expect(short.ignored).toEqual(['token']);
    expect(short('abc long-enough')).toBe('abc <channelKey>');
  });

  it('takes 1 MiB in well under a second, however many credentials', () => {
    const started = performance.now();
    redact('0,'.repeat(512 * 1024));
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('excerpt', () => {
  it('keeps short text as it is, secrets blanked', () => {
    expect(excerpt(`token ${secrets.token}`, 100, redact)).toBe('token <token>');
  });

  it('never shows part of a secret that stands across the cut, in any spelling', () => {
    for (const spelling of spellingsOf(secrets.token).filter((s) => !s.name.startsWith('base64')))
      for (const at of [0, 10, 40, 95, 99, 100, 101, 150]) {
        const text = `${'x'.repeat(at)}${spelling.text}${'y'.repeat(50_000)}`;
        const shown = excerpt(text, 100, redact);
        expect({ spelling: spelling.name, at, shown }).toEqual({
          spelling: spelling.name,
          at,
          shown: expect.not.stringMatching(/s3cr3t|eyJhbGciOi|Sig|nat_ure|73%33%63|&#115;&#51;/),
        });
        expect(shown).toMatch(/… \(cut; \d+ characters in all\)$/);
      }
  });

  it('redacts only the start of a long text, so a MiB costs what a KiB does', () => {
    const text = `${secrets.apiSecret} ${'z'.repeat(4 * 1024 * 1024)}`;
    const started = performance.now();
    expect(excerpt(text, 50, redact)).toMatch(/^<apiSecret> z+… \(cut; 4194327 characters in all\)$/);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
