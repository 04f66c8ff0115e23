// Parses a body from the server under test as JSON only once it is known to be small enough in shape. JSON.parse
// itself copes with a 5,000-deep array, but what comes after it does not: JSON.stringify, schema validation and
// deep comparison recurse and overflow the stack, and that crash took the whole run down. A single linear scan
// measures depth and counts values first, without building anything.

export interface JsonLimits {
  /** Deepest nesting of arrays and objects allowed; the top-level value is at depth 1. */
  maxDepth: number;
  /** Most values (scalars, arrays and objects, not counting object keys) allowed in the whole document. */
  maxNodes?: number;
}

/**
 * 64 levels: the contract's deepest answer is about 4, and 64 stays far below the few thousand frames at which
 * recursion in JSON.stringify or ajv overflows. 100,000 values: a 1 MiB body could hold 500,000, and each can turn
 * into a schema error, a report line and tens of bytes of heap; no answer of the contract comes near that.
 */
export const DEFAULT_JSON_LIMITS: Required<JsonLimits> = { maxDepth: 64, maxNodes: 100_000 };

export type BoundedJson = { ok: true; value: unknown } | { ok: false; reason: string };

/**
 * Parses `text` as JSON if its nesting stays within `maxDepth` and its values within `maxNodes`; otherwise, or
 * when it is not JSON, says why. Never throws. `reason` is our own sentence: it quotes nothing from `text`, which
 * is the server's and may carry escapes or secrets.
 */
export function parseBoundedJson(text: string, limits: JsonLimits = DEFAULT_JSON_LIMITS): BoundedJson {
  const shape = measure(text, limits.maxDepth, limits.maxNodes ?? Infinity);
  if (shape.depth > limits.maxDepth) return { ok: false, reason: `JSON nested deeper than ${limits.maxDepth} levels` };
  if (shape.nodes > (limits.maxNodes ?? Infinity))
    return { ok: false, reason: `JSON with more than ${limits.maxNodes} values` };
  if (text.trim() === '') return { ok: false, reason: 'not JSON: the body is empty' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    // V8's message quotes the text; only the position is kept.
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
    return { ok: false, reason: position ? `not JSON (invalid at character ${position})` : 'not JSON' };
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]); // [ {
const CLOSERS = new Set([0x5d, 0x7d]); // ] }
const COLON = 0x3a;

/**
 * Depth and value count, stopping as soon as either passes its limit. Values: every opener, every string and
 * every run of scalar characters (`true`, `-1.5e3`), minus one per colon, whose string before it was a key. Text
 * that is not JSON gets some count; JSON.parse rejects it afterwards anyway.
 */
function measure(text: string, maxDepth: number, maxNodes: number): { depth: number; nodes: number } {
  let depth = 0;
  let deepest = 0;
  let nodes = 0;
  let inScalar = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      nodes++;
      inScalar = false;
      // Skip the string: an escaped character is jumped over, so `\"` does not end it and `[` inside does not count.
      for (i++; i < text.length && text.charCodeAt(i) !== QUOTE; i++) if (text.charCodeAt(i) === BACKSLASH) i++;
    } else if (OPENERS.has(c)) {
      nodes++;
      inScalar = false;
      deepest = Math.max(deepest, ++depth);
    } else if (CLOSERS.has(c)) {
      depth--;
      inScalar = false;
    } else if (c === COLON) {
      nodes--;
      inScalar = false;
    } else if (isScalarCharacter(c)) {
      if (!inScalar) nodes++;
      inScalar = true;
    } else inScalar = false;
    if (deepest > maxDepth || nodes > maxNodes) break;
  }
  return { depth: deepest, nodes };
}

/** Letters, digits, `+ - .`: what `true`, `null` and numbers are made of. */
function isScalarCharacter(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    c === 0x2b ||
    c === 0x2d ||
    c === 0x2e
  );
}
