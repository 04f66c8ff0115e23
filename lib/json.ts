// JSON values and JSON Pointers (RFC 6901), the two ways every tool of the kit names a part of the document.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One reference token of a JSON Pointer: `~` and `/` escaped. */
/** Whether the text is one JSON value, as JSON.parse reads it. */
export function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** A URI-fragment JSON Pointer (`#/paths/~1packaging_order/post`) from its tokens. */
export function pointerOf(...tokens: (string | number)[]): string {
  return `#${tokens.map((token) => `/${escapeToken(String(token))}`).join('')}`;
}

/** `pointer` extended by more tokens. */
export function childPointer(pointer: string, ...tokens: (string | number)[]): string {
  return `${pointer}${pointerOf(...tokens).slice(1)}`;
}

/** What a local pointer ("#/components/...") names in `root`; throws when it names nothing. */
export function valueAtPointer(root: unknown, pointer: string): unknown {
  if (!pointer.startsWith('#')) throw new Error(`only local $refs are supported in the bundle, got ${pointer}`);
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/').filter(Boolean)) {
    const token = unescapeToken(decodeURIComponent(raw));
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isObject(node)) node = node[token];
    else node = undefined;
    if (node === undefined) throw new Error(`$ref ${pointer} does not resolve`);
  }
  return node;
}

/** The value a JSON Pointer names in a JSON value (`/data/0/order_id`), or undefined. */
export function atPointer(value: Json | undefined, pointer: string): Json | undefined {
  let node = value;
  for (const token of pointer.split('/').slice(1).map(unescapeToken)) {
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isObject(node)) node = node[token];
    else return undefined;
  }
  return node;
}

/** `value` with the place a JSON Pointer names set to `replacement` (the parent must exist); `value` is changed. */
export function setPointer(value: Json, pointer: string, replacement: Json): Json {
  const tokens = pointer.split('/').slice(1).map(unescapeToken);
  if (tokens.length === 0) return replacement;
  const parent = atPointer(value, pointerOf(...tokens.slice(0, -1)).slice(1));
  const last = tokens.at(-1)!;
  if (Array.isArray(parent)) parent[Number(last)] = replacement;
  else if (isObject(parent)) parent[last] = replacement;
  return value;
}
