// What stands in a catalogue request until it is sent: a secret (`{{token}}`), a near-miss of one
// (`{{token|append}}`: the right token with something appended), or a value from an earlier answer
// (`{{$response.body#/data/order_id}}`). The runner fills them at the last moment, encoded for where they stand.
import { placeholder } from '../../lib/credentials.ts';
import { atPointer, type Json } from '../../lib/json.ts';

/** Ways to get a credential almost right; each must still be refused. */
export const NEAR_MISSES = {
  append: 'with a character appended',
  'drop-last': 'without its last character',
  'change-last': 'with its last character changed',
  'change-first': 'with its first character changed',
  'swap-case': 'with its letters in the other case',
} as const;
export type NearMiss = keyof typeof NEAR_MISSES;

export function nearMissOf(key: string, miss: NearMiss): string {
  return `{{${key}|${miss}}}`;
}

/** The value at a link's runtime expression: `$response.body#/data/order_id` of the answer given. */
export function linkValue(expression: string): string {
  return `{{${expression}}}`;
}

export interface Filled {
  text: string;
  /** Why the text cannot be sent as the case means it (a near-miss that equals the secret, a secret not given). */
  inapplicable?: string;
}

/**
 * Fills every placeholder of `text`. `encode` writes a value for where the text stands: URL-encoded in a path,
 * JSON-escaped in a body, as it is in a header.
 */
export function fill(
  text: string,
  secrets: Record<string, string>,
  earlier: Json | undefined,
  encode: (value: string) => string,
): Filled {
  let inapplicable: string | undefined;
  const filled = text.replace(/\{\{([^{}|]+)(?:\|([a-z-]+))?\}\}/g, (whole, name: string, miss?: string) => {
    if (name.startsWith('$response.body#')) {
      const value = atPointer(earlier, name.slice('$response.body#'.length));
      if (value === undefined) inapplicable ??= `the earlier answer has nothing at ${name}`;
      return encode(value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));
    }
    const secret = secrets[name];
    if (secret === undefined) {
      inapplicable ??= `no value was given for ${placeholder(name)}`;
      return whole;
    }
    if (!miss) return encode(secret);
    const changed = nearMiss(secret, miss as NearMiss);
    if (changed === secret) inapplicable ??= `${name} ${NEAR_MISSES[miss as NearMiss]} is ${name} itself`;
    return encode(changed);
  });
  return inapplicable ? { text: filled, inapplicable } : { text: filled };
}

/**
 * Why a body cannot be sent as the case means it: it writes out, as a JSON string of its own, the value given for
 * a secret (a documented example credential that is the one the vendor gave). Such a case means "not your
 * credential", and with yours it cannot tell a value refused from one accepted.
 */
export function secretWrittenIn(body: string, secrets: Record<string, string>): string | undefined {
  const written = Object.entries(secrets).find(([, value]) => value !== '' && body.includes(JSON.stringify(value)));
  const [key] = written ?? [];
  return key && `the ${key} given is the document's example, which this case sends as one the server does not know`;
}

function nearMiss(value: string, miss: NearMiss): string {
  switch (miss) {
    case 'append':
      return `${value}0`;
    case 'drop-last':
      return value.slice(0, -1);
    case 'change-last':
      return value.slice(0, -1) + other(value.at(-1) ?? '');
    case 'change-first':
      return other(value.charAt(0)) + value.slice(1);
    case 'swap-case':
      return [...value].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
  }
}

/** Another character of the same kind: a letter for a letter, a digit for a digit. */
function other(char: string): string {
  if (/[0-8]/.test(char)) return String(Number(char) + 1);
  if (char === '9') return '0';
  if (/[a-yA-Y]/.test(char)) return String.fromCharCode(char.charCodeAt(0) + 1);
  if (/[zZ]/.test(char)) return char === 'z' ? 'a' : 'A';
  return char === 'x' ? 'y' : 'x';
}
