// --only / --skip: a case is named by its family, its operation or one its prelude calls, a run of whole segments
// of its id (with or without the operation in front: `body.quantity` names every quantity case of every
// operation), or its rule pointer and anything under it.
import type { Case } from './case.ts';

export function selectCases(cases: Case[], only: string[], skip: string[]): Case[] {
  return cases.filter((c) => (only.length === 0 || only.some((n) => names(c, n))) && !skip.some((n) => names(c, n)));
}

export function names(testCase: Case, selector: string): boolean {
  if (selector === testCase.family || selector === testCase.operationId) return true;
  // A case that needs another operation first (a token it issues, an item it creates) is named by it too.
  if (testCase.prelude?.some((step) => step.operationId === selector)) return true;
  if (selector.startsWith('#')) return testCase.rule === selector || testCase.rule.startsWith(`${selector}/`);
  const wanted = selector.split('.');
  const id = testCase.id.split('.');
  const startsWith = (segments: string[]) => wanted.every((segment, i) => segments[i] === segment);
  return startsWith(id) || startsWith(id.slice(1));
}
