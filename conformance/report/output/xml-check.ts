// A strict check of the XML 1.0 Char production, for tests of what we write into JUnit reports. fast-xml-parser's
// validator (a dependency of @stoplight/prism-http-server) checks that tags nest, but it accepts U+FFFE, ESC, NUL and
// lone surrogates, and `&#0;`, which are exactly what breaks the XML parsers of CI servers.

/** #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF], the last as surrogate pairs. */
const NOT_CHAR =
  /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\ud800-\udfff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * What makes `document` not XML 1.0 at the level of characters and references: characters outside `Char`, `&`
 * that does not start a predefined entity or a character reference, and references to characters outside `Char`.
 * An empty list means none.
 */
export function xml10Problems(document: string): string[] {
  const problems: string[] = [];
  for (const match of document.matchAll(NOT_CHAR))
    problems.push(`U+${match[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${match.index}`);
  for (const match of document.matchAll(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+)?(;?)/g)) {
    const [, name = '', semicolon] = match;
    const code = name.startsWith('#x')
      ? parseInt(name.slice(2), 16)
      : name.startsWith('#')
        ? Number(name.slice(1))
        : -1;
    const known = ['amp', 'lt', 'gt', 'quot', 'apos'].includes(name);
    if (!semicolon || (code < 0 && !known) || (code >= 0 && !isChar(code)))
      problems.push(`reference ${match[0]} at ${match.index}`);
  }
  return problems;
}

function isChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}
