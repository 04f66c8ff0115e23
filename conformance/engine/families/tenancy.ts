// Tenants kept apart (the namespace rule): an item one tenant creates is not the other's to read, list or move, and
// the other tenant may create an item under the same key without meeting it. Sent as the second tenant, whose
// credentials the vendor gives beside the first's (the CLI leaves these cases out, saying why, without them).
import { lifecyclesOf } from '../../../lib/lifecycle.ts';
import type { Case, Step } from '../case.ts';
import type { OperationContext } from '../context.ts';
import { stepCase, storeSteps, type StoreSteps } from '../store-steps.ts';

/** Cases of a store are made once, by its create. */
export function tenancyCases(context: OperationContext): Case[] {
  const lifecycle = lifecyclesOf(context.contract).find((l) => l.create.operationId === context.operation.operationId);
  const steps = storeSteps(context, lifecycle);
  if (!steps) return [];
  return [...readCases(steps), ...listCase(steps), ...transitionCases(steps), ...createCase(steps)];
}

/** A tenancy case: its rule is the `x-resource` of the operation it sends. */
function caseOf(context: OperationContext, named: { part: string; title: string }, last: Step, prelude: Step[]): Case {
  const rule = `${context.operation.pointer}/x-resource`;
  return stepCase(
    context,
    { family: 'tenancy', part: `tenancy.${named.part}`, title: named.title, rule },
    last,
    prelude,
  );
}

/** The second tenant reads the first's key: not found; and each tenant reads its own item under one key. */
function readCases(steps: StoreSteps): Case[] {
  const { read } = steps;
  const key = steps.newKey();
  const created = steps.createStep(key);
  const other = steps.readStep(key, undefined, 'second');
  if (!read || !other) return [];
  const cases = [
    caseOf(read, { part: 'read', title: "the second tenant does not find the first tenant's item" }, other, [created]),
  ];
  // Both tenants make an item under one key, from different examples where there are two: each reads its own.
  const shared = steps.newKey();
  const examples = steps.create.operation.requestBody?.examples.length ?? 0;
  const theirs = steps.createStep(shared, { tenant: 'second', example: examples > 1 ? 1 : 0 });
  const own = steps.readStep(shared, steps.itemOf(steps.bodyFor(shared)));
  if (own)
    cases.push(
      caseOf(
        read,
        { part: 'read-own', title: 'after both tenants create one key, the first reads its own item' },
        own,
        [steps.createStep(shared), theirs],
      ),
    );
  return cases;
}

function listCase(steps: StoreSteps): Case[] {
  const key = steps.newKey();
  const last = steps.listStep([], [key], 'second');
  if (!steps.list || !last) return [];
  return [
    caseOf(
      steps.list,
      { part: 'list', title: "the second tenant's list does not hold the first tenant's item" },
      last,
      [steps.createStep(key)],
    ),
  ];
}

/**
 * For each transition, the first tenant's item brought to a state it may leave: the second tenant's transition of it
 * is not found, and the first tenant then reads it unmoved.
 */
function transitionCases(steps: StoreSteps): Case[] {
  const lifecycle = steps.lifecycle;
  return (lifecycle?.transitions ?? []).flatMap((transition) => {
    const from = transition.from.find((state) => lifecycle!.pathTo(state) !== undefined);
    if (from === undefined) return [];
    const context = steps.create.sibling(transition.operation.operationId)!;
    const name = transition.operation.operationId;
    const attempt = () => {
      const reached = steps.reach(from);
      const other = { tenant: 'second' as const, outcome: 'not-found' as const };
      return { reached, theirs: steps.transitionStep(transition, [reached.key], [reached.item], other) };
    };
    const tried = attempt();
    const cases = [
      caseOf(
        context,
        { part: name, title: `the second tenant cannot ${name} the first tenant's item` },
        tried.theirs,
        tried.reached.prelude,
      ),
    ];
    const after = attempt();
    const read = steps.read && steps.readStep(after.reached.key, after.reached.item);
    if (steps.read && read)
      cases.push(
        caseOf(
          steps.read,
          { part: `${name}.then-read`, title: `after the second tenant tried ${name}, the first's item is unmoved` },
          read,
          [...after.reached.prelude, after.theirs],
        ),
      );
    return cases;
  });
}

/** The second tenant creates under the first's key: a new item of its own. */
function createCase(steps: StoreSteps): Case[] {
  const key = steps.newKey();
  const last = steps.createStep(key, { tenant: 'second' });
  return [
    caseOf(
      steps.create,
      { part: 'create', title: "the second tenant creates an item under the first tenant's key" },
      last,
      [steps.createStep(key)],
    ),
  ];
}
