// --only / --skip: a case is named by its id, its rule (a JSON pointer) or its area, each matched as a prefix.
import type { Case } from './case.ts';

export function selectCases(cases: Case[], only: string[], skip: string[]): Case[] {
  const matches = (c: Case, names: string[]) =>
    names.some((n) => c.id.startsWith(n) || c.rule.startsWith(n) || c.area === n);
  return cases.filter((c) => (only.length === 0 || matches(c, only)) && !matches(c, skip));
}
