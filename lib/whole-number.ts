// A whole number typed by a person (a port, a timeout, a count), read strictly: digits only. Number() would also
// take `0x10`, `1e3`, `0b11`, `' 7 '` and `''` (as 0), none of which a person means as a count.

/** The number the text spells in decimal digits, or undefined when it spells none or one beyond 2^53. */
export function wholeNumber(text: string): number | undefined {
  if (!/^[0-9]+$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}
