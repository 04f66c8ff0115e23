// Makes text that came from the server under test safe for where it goes. The server is the vendor's, under
// development, possibly hostile: its bytes must not drive the vendor's terminal (clear the screen, set the window
// title, plant an OSC 8 link, overwrite a line with \r or \b), break the JUnit XML their CI parses, or inject markup
// into the HTML report.
//
// Order of use: redact (redact.ts), then clip, then one of forTerminal / forXml / forHtml. Clipping first counts
// the server's characters, not our escapes; escaping last means nothing after it can undo it.

/**
 * Characters that move the cursor, talk to the terminal or reorder what is shown: C0 controls, DEL, C1 controls
 * (U+009B is a one-character CSI to terminals that honour C1), the bidirectional overrides and isolates behind
 * "Trojan Source", the Unicode line and paragraph separators, and lone surrogates.
 */
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `\x1b` → the six characters `\u001b`, so the vendor sees what was sent and the terminal sees plain text. */
function visible(c: string): string {
  return SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

export interface TerminalOptions {
  /** Keep line feeds and tabs as they are (a multi-line block); otherwise they are shown as `\n` and `\t` too. */
  multiline?: boolean;
}

/**
 * Text for a terminal: every control character (C0, DEL, C1), bidi control, line separator and lone surrogate is
 * written out as `\uXXXX` (`\n`, `\r`, `\t` for those), so none reaches the terminal. `\r` is never kept, even in
 * multi-line text: it lets a server overwrite a line already shown. A backslash is left as it is, so a server can
 * make text that looks like an escape; it can no longer make one.
 */
export function forTerminal(text: string, options: TerminalOptions = {}): string {
  return text.replace(UNSAFE, (c) => (options.multiline && (c === '\n' || c === '\t') ? c : visible(c)));
}

/**
 * Text for XML 1.0 element content or an attribute value (JUnit). Only the `Char` production survives:
 * #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]; anything else (NUL, ESC, lone surrogates,
 * U+FFFE, U+FFFF) becomes the visible text `\uXXXX`, as do DEL and the C1 controls, which XML allows but
 * discourages and which CI logs would pass on to a terminal. Tab, line feed and carriage return become character
 * references, so they survive attribute-value normalisation. Then `& < > " '` are escaped, which also takes care
 * of `]]>`.
 */
export function forXml(text: string): string {
  return text.replace(XML_FORBIDDEN, visible).replace(/[&<>"'\t\n\r]/g, (c) => XML_ENTITIES[c]!);
}

const XML_FORBIDDEN =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/**
 * Text for HTML element content or a quoted attribute value: `& < > " '` escaped, and the characters forTerminal
 * makes visible made visible here too (a browser would drop some and let bidi controls reorder the page), except
 * line feed and tab, which are layout in a `<pre>`.
 */
export function forHtml(text: string): string {
  return text
    .replace(UNSAFE, (c) => (c === '\n' || c === '\t' ? c : visible(c)))
    .replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * The first `maxChars` UTF-16 code units of `text`, one fewer rather than half a surrogate pair, followed by
 * `… (N more characters)` when anything was cut (N counts code points). Redact before clipping, never after.
 */
export function clip(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let cut = Math.max(0, Math.floor(maxChars));
  if (cut > 0 && isHigh(text.charCodeAt(cut - 1)) && isLow(text.charCodeAt(cut))) cut--;
  return `${text.slice(0, cut)}… (${codePoints(text, cut)} more characters)`;
}

function codePoints(text: string, from: number): number {
  let count = 0;
  for (let i = from; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A low surrogate after a high one is the second half of a character already counted.
    if (!(isLow(unit) && i > from && isHigh(text.charCodeAt(i - 1)))) count++;
  }
  return count;
}

function isHigh(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLow(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
