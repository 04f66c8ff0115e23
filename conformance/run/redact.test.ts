import { describe, expect, it } from 'vitest';
import { spellingsOf } from '../fixtures/secret-spellings.ts';
import { MIN_SECRET_LENGTH, redactDeep, redactor } from './redact.ts';

const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ2In0.s3cr3t/Sig+nature=';
const channelKey = 'Ky1SpfEXmjj05fW3USBFD3pgoEi9AQ29Atsnj4Zy';
// Every character a spelling treats specially: quote, backslash, slash, space, plus, ampersand, angle brackets,
// non-ASCII, an astral character, a control character.
const nasty = 'a"b\\c/d e+f&g<h>i\'jé😀\tk%l';
const redact = redactor([
  { name: 'token', value: token },
  { name: 'channelKey', value: channelKey },
  { name: 'nasty', value: nasty },
]);

describe('redactor', () => {
  it.each([token, channelKey, nasty])('replaces every spelling of %s', (secret) => {
    for (const { name, text } of spellingsOf(secret)) {
      const redacted = redact(`before ${text} after`);
      expect({ name, redacted }).toEqual({ name, redacted: expect.stringMatching(/^before .*<\w+>.* after$/) });
      if (!name.startsWith('base64'))
        expect({ name, redacted }).toEqual({ name, redacted: expect.not.stringContaining(text) });
    }
  });

  it('names what it replaced', () => {
    expect(redact(`Bearer ${token}`)).toBe('Bearer <token>');
    expect(redact(`{"key":"${channelKey}"}`)).toBe('{"key":"<channelKey>"}');
    expect(redact(JSON.stringify({ v: nasty }))).toBe('{"v":"<nasty>"}');
  });

  it('catches spellings mixed within one secret, as PHP or Python write them', () => {
    const mixed = `${token.slice(0, 10)}\\u00${token.charCodeAt(10).toString(16).toUpperCase()}${token.slice(11).replaceAll('/', '\\/').replace('+', '%2b')}`;
    expect(redact(mixed)).toBe('<token>');
  });

  it('catches base64 of the secret alone and inside a longer encoded text, at every alignment', () => {
    for (const prefix of ['', 'x', 'xy', 'Bearer ', 'user:']) {
      for (const encoding of ['base64', 'base64url'] as const) {
        const encoded = Buffer.from(`${prefix}${token}!`).toString(encoding);
        const redacted = redact(encoded);
        expect(redacted).toContain('<token>');
        // At most the edge characters are left, and they cannot spell the token again.
        for (const piece of redacted.split('<token>'))
          expect(Buffer.from(piece, encoding).toString('latin1')).not.toMatch(/s3cr|ture=|eyJhbGci/);
      }
    }
  });

  it('prefers the longer of overlapping secrets', () => {
    const overlapping = redactor([
      { name: 'short', value: 'abcd' },
      { name: 'long', value: 'xxabcdyy' },
    ]);
    expect(overlapping('xxabcdyy abcd')).toBe('<long> <short>');
  });

  it('ignores secrets too short to tell from text, and says which', () => {
    const short = redactor([
      { name: 'empty', value: '' },
      { name: 'tiny', value: 'abc' },
      { name: 'fine', value: 'abcd' },
    ]);
    expect(MIN_SECRET_LENGTH).toBe(4);
    expect(short.ignored).toEqual(['empty', 'tiny']);
    expect(short('abc abcd')).toBe('abc <fine>');
    expect(redactor([])('anything')).toBe('anything');
  });

  it('does not touch text without secrets, and leaves no fragment behind for a later cut', () => {
    expect(redact('ordinary text with eyJ and s3cr and %41')).toBe('ordinary text with eyJ and s3cr and %41');
    const redacted = redact(`x${token}y`);
    expect(redacted.slice(0, 5)).toBe('x<tok');
    expect(redacted).not.toContain(token.slice(0, 4));
  });

  it('stays fast on a 1 MiB text full of near misses', () => {
    const text = `${token.slice(0, -1)}% \\u00 &# `.repeat((1024 * 1024) / 64);
    const started = performance.now();
    expect(redact(text)).toBe(text);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('redactDeep', () => {
  it('redacts every string of a JSON-like value, keys included, and copies', () => {
    const value = { [token]: [channelKey, 1, null, true, { nested: `Bearer ${token}` }], plain: 'x' };
    const redacted = redactDeep(value, redact);
    expect(redacted).toEqual({ '<token>': ['<channelKey>', 1, null, true, { nested: 'Bearer <token>' }], plain: 'x' });
    expect(value[token]![0]).toBe(channelKey);
  });

  it('catches what JSON.parse decoded from an escaped spelling', () => {
    const parsed = JSON.parse(`{"echo":"${spellingsOf(nasty).find((s) => s.name === 'json-all-escaped')!.text}"}`);
    expect(redactDeep(parsed, redact)).toEqual({ echo: '<nasty>' });
  });

  it('never overflows the stack', () => {
    let deep: unknown = token;
    for (let i = 0; i < 5000; i++) deep = [deep];
    expect(() => JSON.stringify(redactDeep(deep, redact)).length).not.toThrow();
  });
});
