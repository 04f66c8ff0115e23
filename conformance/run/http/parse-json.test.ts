import { describe, expect, it } from 'vitest';
import { DEFAULT_JSON_LIMITS, parseBoundedJson } from './parse-json.ts';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('parseBoundedJson', () => {
  it('parses JSON within the limits', () => {
    expect(parseBoundedJson('{"a":[1,true,null,"x"],"b":{"c":-1.5e3}}')).toEqual({
      ok: true,
      value: { a: [1, true, null, 'x'], b: { c: -1500 } },
    });
  });

  it('refuses a 5,000-deep array before JSON.parse, with a reason', () => {
    expect(parseBoundedJson(nested(5000))).toEqual({ ok: false, reason: 'JSON nested deeper than 64 levels' });
  });

  it('allows exactly maxDepth levels and refuses one more', () => {
    expect(parseBoundedJson(nested(3), { maxDepth: 3 }).ok).toBe(true);
    expect(parseBoundedJson(nested(4), { maxDepth: 3 })).toEqual({
      ok: false,
      reason: 'JSON nested deeper than 3 levels',
    });
    expect(parseBoundedJson('{"a":{"b":{"c":1}}}', { maxDepth: 3 }).ok).toBe(true);
    expect(parseBoundedJson('{"a":{"b":{"c":{}}}}', { maxDepth: 3 }).ok).toBe(false);
  });

  it('does not count brackets, quotes or escapes inside strings', () => {
    const text = JSON.stringify({ s: '[[[[{{{{ \\" \\\\ \\u005b', t: ['"]]]]'] });
    expect(parseBoundedJson(text, { maxDepth: 2 })).toEqual({ ok: true, value: JSON.parse(text) });
  });

  it('counts values, not keys, and refuses past maxNodes', () => {
    // The object, three values; the keys do not count.
    expect(parseBoundedJson('{"a":1,"b":"x","c":true}', { maxDepth: 5, maxNodes: 4 }).ok).toBe(true);
    expect(parseBoundedJson('{"a":1,"b":"x","c":true}', { maxDepth: 5, maxNodes: 3 })).toEqual({
      ok: false,
      reason: 'JSON with more than 3 values',
    });
    expect(parseBoundedJson('[[],[],{}]', { maxDepth: 5, maxNodes: 4 }).ok).toBe(true);
    expect(parseBoundedJson('[-1.5e+3, 0, 12]', { maxDepth: 5, maxNodes: 4 }).ok).toBe(true);
    expect(parseBoundedJson('[-1.5e+3, 0, 12]', { maxDepth: 5, maxNodes: 3 }).ok).toBe(false);
  });

  it('refuses an array of 10 million zeros by its count, quickly', () => {
    const text = `[${'0,'.repeat(10_000_000 - 1)}0]`;
    const started = performance.now();
    expect(parseBoundedJson(text)).toEqual({ ok: false, reason: 'JSON with more than 100000 values' });
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('scans 1 MiB in linear time', () => {
    const text = JSON.stringify(Array.from({ length: 20_000 }, (_, i) => ({ id: i, name: `n${i}\\"[` })));
    const started = performance.now();
    expect(parseBoundedJson(text, { maxDepth: 3, maxNodes: 1_000_000 }).ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('says "not JSON" without quoting the text, which is the server’s', () => {
    const result = parseBoundedJson('secret-token \x1b[2J <html>');
    expect(result.ok).toBe(false);
    const reason = (result as { reason: string }).reason;
    expect(reason).toMatch(/^not JSON/);
    expect(reason).not.toContain('secret');
    expect(reason).not.toContain('\x1b');
    expect(parseBoundedJson('')).toEqual({ ok: false, reason: 'not JSON: the body is empty' });
    expect(parseBoundedJson('  \n')).toEqual({ ok: false, reason: 'not JSON: the body is empty' });
  });

  it('never throws, whatever the text', () => {
    for (const text of ['[', ']]]]', '"', '"\\', '{"a":', '\\', nested(100_000), '\ud800', '\u0000', 'x'.repeat(1e6)])
      expect(() => parseBoundedJson(text)).not.toThrow();
    expect(parseBoundedJson(']]]]').ok).toBe(false);
  });

  it('has defaults far above what the contract answers and below what crashes', () => {
    expect(DEFAULT_JSON_LIMITS).toEqual({ maxDepth: 64, maxNodes: 100_000 });
    const deepest = nested(DEFAULT_JSON_LIMITS.maxDepth);
    const parsed = parseBoundedJson(deepest);
    expect(parsed.ok).toBe(true);
    expect(() => JSON.stringify((parsed as { value: unknown }).value)).not.toThrow();
  });
});
