// What of the vendor's credentials must never be shown, and how text is cut without showing part of one. Every
// credential of the target (token, channel key, API key and secret: whatever lib/credentials.ts names) is blanked,
// and so are the near-misses the cases send (a credential without its first or last character, in the other
// case), since a server that echoes a near-miss shows all but one character of the real value.
import { MIN_SECRET_LENGTH, redactor, type Redactor, type Secret } from './redact.ts';

/**
 * The longest spelling of one character the redactor knows (`\ud83d\ude00`, `%F0%9F%98%80`): a piece of text this
 * long per secret character around a cut is where a secret may stand half-cut.
 */
const SPELLING_CHARS = 12;

export interface TargetRedactor extends Redactor {
  /** Characters of raw text one secret can take, in its longest spelling. */
  readonly margin: number;
}

/** The redactor of a target's secrets, by credential key (`{ token, channelKey }`). */
export function redactorFor(secrets: Readonly<Record<string, string>>): TargetRedactor {
  const values: Secret[] = Object.entries(secrets).flatMap(([name, value]) =>
    [value, swapCase(value), value.slice(1), value.slice(0, -1)].map((variant) => ({ name, value: variant })),
  );
  const ignored = Object.entries(secrets)
    .filter(([, value]) => value.length < MIN_SECRET_LENGTH)
    .map(([name]) => name);
  // One redactor per value, longest first, applied in turn: a single pattern of all of them is correct too, but V8
  // runs it a hundred times slower (2 s for 1 MiB against 20 ms), and a hostile server sends 1 MiB on every case.
  const passes = values
    .filter((secret) => !ignored.includes(secret.name))
    .sort((a, b) => b.value.length - a.value.length)
    .map((secret) => redactor([secret]));
  const redact = (text: string) => passes.reduce((result, pass) => pass(result), text);
  const margin = SPELLING_CHARS * Math.max(0, ...Object.values(secrets).map((value) => value.length));
  return Object.assign(redact, { ignored, margin });
}

/** `aB1` → `Ab1`: the near-miss that keeps every character but its case. */
function swapCase(value: string): string {
  return [...value].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
}

/**
 * At most `maxChars` characters of `text` with every secret blanked, however long the text (a server's body can be
 * a MiB). Only the start of the text is redacted, `margin` characters beyond what is kept: a secret cut at that end
 * can only stand in the last `margin` characters of the redacted piece, and those are dropped. So nothing is ever
 * cut before it is redacted, and a long body costs no more than a short one.
 */
export function excerpt(text: string, maxChars: number, redact: TargetRedactor): string {
  const window = maxChars + 2 * redact.margin;
  if (text.length <= window) {
    const redacted = redact(text);
    return clipped(redacted, maxChars, redacted.length);
  }
  const redacted = redact(text.slice(0, window));
  return clipped(redacted.slice(0, Math.max(0, redacted.length - redact.margin)), maxChars, text.length);
}

/** The first `maxChars` of `kept` (never half a surrogate pair), saying how long the whole was when cut. */
function clipped(kept: string, maxChars: number, wholeLength: number): string {
  if (kept.length <= maxChars && wholeLength <= kept.length) return kept;
  let cut = Math.min(kept.length, maxChars);
  const last = kept.charCodeAt(cut - 1);
  if (cut > 0 && last >= 0xd800 && last <= 0xdbff) cut--;
  return `${kept.slice(0, cut)}… (cut; ${wholeLength} characters in all)`;
}
