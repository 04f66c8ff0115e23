// A cURL command for a request. Each placeholder (`{{channelKey}}`) is written as a shell expression (the
// credential's variable, `$CHANNEL_KEY`), so a secret is never printed and the line still runs.
import { placeholder, type Credential } from './credentials.ts';
import type { HttpRequest } from './requests.ts';

export interface CurlStyle {
  /** One option per line, joined by ` \`, for samples a person reads. */
  multiline?: boolean;
  /** `-i`: show the status line and headers (for reproducing a case). */
  showHeaders?: boolean;
}

/** Placeholder text → the shell expression that stands for it. */
export type ShellValues = Map<string, string>;

/** Each credential's placeholder as its environment variable: `{{channelKey}}` → `$CHANNEL_KEY`. */
export function shellValuesOf(credentials: Credential[]): ShellValues {
  return new Map(credentials.map((c) => [placeholder(c.key), `\${${c.env}}`]));
}

export function curlFor(baseUrl: string, request: HttpRequest, values: ShellValues, style: CurlStyle = {}): string {
  // A sample a person reads keeps its line breaks and tabs in quotes; a one-line command has none raw.
  const quote = quoter(values, style.multiline ? LAYOUT_CONTROL : CONTROL);
  const url = quote(`${baseUrl.replace(/\/+$/, '')}${request.path}`);
  const parts = [`curl${style.showHeaders ? ' -i' : ''} -X ${request.method} ${url}`];
  for (const [name, value] of Object.entries(request.headers)) parts.push(`-H ${quote(`${name}: ${value}`)}`);
  if (request.body !== undefined && !['GET', 'HEAD'].includes(request.method)) {
    parts.push(`--data-raw ${bodyArgument(request.body, request.padTo, quote)}`);
  }
  return parts.join(style.multiline ? ' \\\n  ' : ' ');
}

/**
 * Text with placeholders goes in double quotes with the shell expressions in place; other text in single quotes.
 * Text with control characters goes in ANSI-C quotes (`$'\x1b'`), pieces joined: the line shows no raw control
 * character, and pasted into bash or zsh it sends the very bytes the case sent.
 */
function quoter(values: ShellValues, control: RegExp) {
  return (text: string): string => {
    const marks = [...values.keys()].filter((mark) => text.includes(mark));
    if (control.test(text)) return piecesQuoted(text, marks, values);
    if (marks.length === 0) return `'${text.replaceAll("'", `'\\''`)}'`;
    let escaped = text.replace(/["\\$`]/g, '\\$&');
    for (const mark of marks) escaped = escaped.replaceAll(mark.replace(/["\\$`]/g, '\\$&'), values.get(mark)!);
    return `"${escaped}"`;
  };
}

/** C0 controls, DEL and C1 controls: what a terminal may act on. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** The same but line feed and tab, which a multi-line sample shows as they are. */
const LAYOUT_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function piecesQuoted(text: string, marks: string[], values: ShellValues): string {
  const pieces = marks.length === 0 ? [text] : text.split(new RegExp(`(${marks.map(escapeRegExp).join('|')})`));
  return pieces
    .filter((piece) => piece !== '')
    .map((piece) => (values.has(piece) ? `"${values.get(piece)}"` : ansiC(piece)))
    .join('');
}

/** `$'…'` with each control character as its UTF-8 bytes in hex, and `\` and `'` escaped. */
function ansiC(text: string): string {
  const escaped = [...text]
    .map((char) => {
      if (char === '\\' || char === "'") return `\\${char}`;
      if (!CONTROL.test(char)) return char;
      return [...Buffer.from(char, 'utf8')].map((byte) => `\\x${byte.toString(16).padStart(2, '0')}`).join('');
    })
    .join('');
  return `$'${escaped}'`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A body padded with spaces to a size is written as printf padding, so the line stays short. */
function bodyArgument(body: string, padTo: number | undefined, quote: (text: string) => string): string {
  return padTo === undefined ? quote(body) : `"$(printf '%-${padTo}s' ${quote(body)})"`;
}
