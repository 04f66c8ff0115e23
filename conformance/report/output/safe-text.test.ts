import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { clip, forHtml, forTerminal, forXml } from './safe-text.ts';
import { xml10Problems } from './xml-check.ts';

const ALL_BMP = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)).join('');
const RAW_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('forTerminal', () => {
  it('shows escapes as text: clear screen, window title, OSC 8 link, bell, backspace', () => {
    expect(forTerminal('a\x1b[2Jb')).toBe('a\\u001b[2Jb');
    expect(forTerminal('\x1b]0;pwned\x07')).toBe('\\u001b]0;pwned\\u0007');
    expect(forTerminal('\x1b]8;;https://x.invalid/\x1b\\click\x1b]8;;\x1b\\')).toBe(
      '\\u001b]8;;https://x.invalid/\\u001b\\click\\u001b]8;;\\u001b\\',
    );
    expect(forTerminal('secret\b\b\bxyz')).toBe('secret\\u0008\\u0008\\u0008xyz');
  });

  it('shows C1 controls, DEL, bidi overrides, line separators and lone surrogates', () => {
    expect(forTerminal('\u009b2J\u009d0;t\u009c\u007f')).toBe('\\u009b2J\\u009d0;t\\u009c\\u007f');
    expect(forTerminal('a\u202eb\u2066c\u2028d')).toBe('a\\u202eb\\u2066c\\u2028d');
    expect(forTerminal('x\ud800y\udfffz')).toBe('x\\ud800y\\udfffz');
    expect(forTerminal('pair 😀 stays')).toBe('pair 😀 stays');
  });

  it('keeps line feeds and tabs only when multi-line is allowed; never a carriage return', () => {
    expect(forTerminal('a\nb\tc\rd')).toBe('a\\nb\\tc\\rd');
    expect(forTerminal('a\nb\tc\rd', { multiline: true })).toBe('a\nb\tc\\rd');
  });

  it('leaves no raw control character, whatever comes in', () => {
    expect(forTerminal(ALL_BMP)).not.toMatch(RAW_CONTROLS);
    expect(forTerminal(ALL_BMP, { multiline: true })).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(forTerminal('plain text, ünïcödé, 中文')).toBe('plain text, ünïcödé, 中文');
  });
});

describe('forXml', () => {
  it('keeps only XML 1.0 Chars, showing the others, and escapes markup', () => {
    expect(forXml('\ufffe\uffff\ud800\u0000\x1b]]><&"\'')).toBe(
      '\\ufffe\\uffff\\ud800\\u0000\\u001b]]&gt;&lt;&amp;&quot;&apos;',
    );
    expect(forXml('tab\tlf\ncr\r')).toBe('tab&#9;lf&#10;cr&#13;');
    expect(forXml('😀 \ue000 \ufffd')).toBe('😀 \ue000 \ufffd');
  });

  it('makes every BMP character and astral pair a well-formed XML 1.0 document, as content and as attribute', () => {
    const text = `${ALL_BMP}😀\udbff\udfff`;
    const document = `<?xml version="1.0" encoding="UTF-8"?>\n<r a="${forXml(text)}">${forXml(text)}</r>\n`;
    expect(xml10Problems(document)).toEqual([]);
    expect(XMLValidator.validate(document)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: true }).parse(
      document,
    );
    expect(parsed.r['@_a']).toContain('\\ufffe');
    expect(parsed.r['#text']).toContain("%&'()");
    expect(parsed.r['#text']).toContain('<=>');
  });
});

describe('forHtml', () => {
  it('escapes markup and shows controls, keeping line feeds and tabs', () => {
    expect(forHtml('<script>alert("x")</script> & \'')).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;',
    );
    expect(forHtml('a\x1b[2J\nb\tc\u202e\r')).toBe('a\\u001b[2J\nb\tc\\u202e\\r');
    expect(forHtml(ALL_BMP)).not.toMatch(/[<>"'\u0000-\u0008\u000b-\u001f\u007f-\u009f]|&(?!amp;|lt;|gt;|quot;|#39;)/);
  });
});

describe('clip', () => {
  it('leaves short text alone', () => {
    expect(clip('abc', 3)).toBe('abc');
    expect(clip('', 0)).toBe('');
  });

  it('says how much was cut', () => {
    expect(clip('abcdef', 2)).toBe('ab… (4 more characters)');
    expect(clip('abcdef', 0)).toBe('… (6 more characters)');
  });

  it('never cuts a surrogate pair, and counts characters, not UTF-16 units', () => {
    expect(clip('a😀b😀', 2)).toBe('a… (3 more characters)');
    expect(clip('a😀b😀', 3)).toBe('a😀… (2 more characters)');
    const cut = clip('😀'.repeat(1000), 101);
    expect(cut).toBe(`${'😀'.repeat(50)}… (950 more characters)`);
    expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('is linear on a large text', () => {
    const started = performance.now();
    expect(clip('x'.repeat(10_000_000), 10)).toBe('xxxxxxxxxx… (9999990 more characters)');
    expect(performance.now() - started).toBeLessThan(500);
  });
});
