// The tokens the mock accepts: the static ones it was started with (MOCK_TOKEN), always, and the ones the
// Authentication request issued (`x-issues-token`), the newest MAX_ISSUED of them. The two are kept apart so that
// no number of logins can push a static token out.
import { randomUUID } from 'node:crypto';

/** Issued tokens kept at most; the oldest are forgotten first. */
export const MAX_ISSUED = 10_000;

export interface Tokens {
  knows(token: string): boolean;
  /** A new token, accepted from now on. */
  issue(): string;
  /** Forgets the issued tokens; the static ones stay. */
  forgetIssued(): void;
}

export function createTokens(staticTokens: readonly string[], maxIssued = MAX_ISSUED): Tokens {
  const fixed = new Set(staticTokens);
  // A Set iterates in insertion order: its first value is the oldest issued.
  const issued = new Set<string>();
  return {
    knows: (token) => fixed.has(token) || issued.has(token),
    issue() {
      const token = `mock-issued-${randomUUID()}`;
      issued.add(token);
      if (issued.size > maxIssued) issued.delete(issued.values().next().value!);
      return token;
    },
    forgetIssued: () => issued.clear(),
  };
}
