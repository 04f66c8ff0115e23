// Blanks the vendor's secrets (token, channel key) out of everything the CLI prints or reports. A hostile or merely
// chatty server echoes what it was sent in whatever spelling its framework writes: raw in a debug page, escaped in
// JSON, percent-encoded in a Location header, base64 in a decoded-header dump. Each is a leak.

/** A credential and the marker it becomes: `{ name: 'token', value }` → `<token>`. */
export interface Secret {
  name: string;
  value: string;
}

/**
 * Shorter secrets are not redacted: blanking every `abc` would make the reports unreadable while hiding a value
 * that could be guessed anyway. The redactor lists them in `ignored` so the CLI can warn the vendor.
 */
export const MIN_SECRET_LENGTH = 4;

/** Redacts one text. `ignored` names the secrets too short to redact (see MIN_SECRET_LENGTH). */
export interface Redactor {
  (text: string): string;
  readonly ignored: readonly string[];
}

/**
 * A function that replaces every secret by `<name>`, in every spelling a server can echo it in, even mixed:
 * - raw;
 * - JSON-escaped: each character as itself, as `\uXXXX` (surrogate pairs for astral ones; either hex case) or as
 *   its short escape (`\"`, `\\`, `\/` as PHP writes it, `\n`, …);
 * - URL-encoded: each UTF-8 byte as `%XX` in either hex case, and `+` for a space (forms);
 * - HTML-escaped: `&amp;`-style names and `&#NN;` / `&#xHH;` references;
 * - base64 and base64url, at any of the three alignments, so `Bearer <token>` or `user:<token>` encoded as a whole
 *   is caught too. Only the characters that encode the secret alone are replaced: the one or two at each edge that
 *   mix in neighbouring bytes stay, which gives away at most 4 bits at each end.
 *
 * Apply it BEFORE any truncation or clipping: cut first, and the part of a secret left at the cut no longer matches
 * (that is how 15 of 16 characters of a token once reached stdout). Apply it before escaping for the terminal,
 * XML or HTML too, which would otherwise create spellings of their own.
 *
 * When secrets overlap (one contains the other), the longer wins: `<token>`, not `<channelKey>` inside a token.
 * Matching is linear in the text for secrets of letters, digits and `-._~+/=`. Each `\`, `%` or `&` in a secret
 * can be read two ways, so backtracking grows with 2^k for k such characters in a row: fine for real credentials.
 */
export function redactor(secrets: readonly Secret[]): Redactor {
  const ignored = secrets.filter((s) => s.value.length < MIN_SECRET_LENGTH).map((s) => s.name);
  const seen = new Set<string>();
  const kept = secrets
    .filter((s) => s.value.length >= MIN_SECRET_LENGTH && !seen.has(s.value) && seen.add(s.value))
    .sort((a, b) => b.value.length - a.value.length);
  const pattern = kept.length ? new RegExp(kept.map((s) => `(${secretPattern(s.value)})`).join('|'), 'g') : undefined;
  const redact = (text: string): string =>
    pattern
      ? text.replace(pattern, (...groups: unknown[]) => `<${kept[groups.slice(1).findIndex(Boolean)]!.name}>`)
      : text;
  return Object.assign(redact, { ignored });
}

/**
 * A copy of a JSON-like value with every string redacted, object keys included (a server can echo a secret as a
 * key). After JSON.parse every spelling has become the raw value, so this catches what text redaction of the
 * source already did, and it must run before the value is stringified again for a report.
 */
export function redactDeep<T>(value: T, redact: (text: string) => string): T {
  return deep(value, redact, 0) as T;
}

/** Far beyond what parseBoundedJson lets through; only a guard so that this never overflows the stack. */
const MAX_DEPTH = 1000;

function deep(value: unknown, redact: (text: string) => string, depth: number): unknown {
  if (typeof value === 'string') return redact(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '(nested too deep to show)';
  if (Array.isArray(value)) return value.map((item) => deep(item, redact, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[redact(key)] = deep(item, redact, depth + 1);
  return copy;
}

const SHORT_JSON_ESCAPES: Record<string, string> = {
  '"': '\\\\"',
  '\\': '\\\\\\\\',
  '/': '\\\\/',
  '\b': '\\\\b',
  '\f': '\\\\f',
  '\n': '\\\\n',
  '\r': '\\\\r',
  '\t': '\\\\t',
};
const HTML_NAMES: Record<string, string> = { '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' };

function secretPattern(value: string): string {
  const perCharacter = [...value].map((c) => `(?:${characterSpellings(c).join('|')})`).join('');
  return [perCharacter, ...base64Cores(value).map(literal)].join('|');
}

/** The raw spelling first: it is the one a match most often takes. */
function characterSpellings(c: string): string[] {
  const code = c.codePointAt(0)!;
  const spellings = [literal(c)];
  const units = c.length === 2 ? [c.charCodeAt(0), c.charCodeAt(1)] : [code];
  spellings.push(units.map((unit) => `\\\\u${anyCaseHex(unit, 4)}`).join(''));
  if (SHORT_JSON_ESCAPES[c]) spellings.push(SHORT_JSON_ESCAPES[c]);
  spellings.push([...Buffer.from(c)].map((byte) => `%${anyCaseHex(byte, 2)}`).join(''));
  if (c === ' ') spellings.push('\\+');
  spellings.push(`&#0*${code};`, `&#[xX]0*${anyCaseHex(code, 1)};`);
  if (HTML_NAMES[c]) spellings.push(`&${HTML_NAMES[c]};`);
  return spellings;
}

/** `0x2f` at width 2 → `2[fF]`: servers write escapes in upper or lower case. */
function anyCaseHex(code: number, width: number): string {
  return [...code.toString(16).padStart(width, '0')]
    .map((d) => (/[a-f]/.test(d) ? `[${d}${d.toUpperCase()}]` : d))
    .join('');
}

/**
 * The base64 characters that depend on the secret's bytes only, for each of the three offsets at which it can sit
 * in an encoded text, in both alphabets.
 */
function base64Cores(value: string): string[] {
  const bytes = Buffer.from(value);
  const cores = new Set<string>();
  for (const offset of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const core = encoded.slice(Math.ceil((offset * 8) / 6), Math.floor(((offset + bytes.length) * 8) / 6));
    cores.add(core).add(core.replaceAll('+', '-').replaceAll('/', '_'));
  }
  return [...cores].sort((a, b) => b.length - a.length);
}

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
