// How the CLI words an error it did not expect: one line, the first line of its message, never its stack.

export function reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? '';
}
