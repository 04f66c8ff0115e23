// The lifecycle of a store's items, as `x-resource` gives it: from every state an item can reach, every transition,
// allowed or refused (a refusal with the document's error, and nothing changed), and after each step the read and
// the list as the step left them. Then the transitions of several items at once: all move, or none does.
import type { Json } from '../../../lib/json.ts';
import { lifecyclesOf, type Lifecycle, type TransitionStep } from '../../../lib/lifecycle.ts';
import type { Case, Step } from '../case.ts';
import type { OperationContext } from '../context.ts';
import { namesSeveral, shownBy, stepCase, storeSteps, type StepCaseSpec, type StoreSteps } from '../store-steps.ts';

/** Cases of a store are made once, by its create. */
export function lifecycleCases(context: OperationContext): Case[] {
  const lifecycle = lifecyclesOf(context.contract).find((l) => l.create.operationId === context.operation.operationId);
  const steps = lifecycle && storeSteps(context, lifecycle);
  if (!lifecycle || !steps) return [];
  const walk: Walk = { steps, lifecycle };
  return [
    ...lifecycle.states.flatMap((state) => casesFrom(walk, state)),
    ...lifecycle.transitions.flatMap((t) => severalAtOnce(walk, t)),
  ];
}

interface Walk {
  steps: StoreSteps;
  lifecycle: Lifecycle;
}

/** What a lifecycle case says of itself; its family is the lifecycle's. */
type Named = Omit<StepCaseSpec, 'family'>;

function caseOf(context: OperationContext, named: Named, last: Step, prelude: Step[]): Case {
  return stepCase(context, { family: 'lifecycle', ...named }, last, prelude);
}

/** From one state: the read and the list it leaves, and every transition from it. */
function casesFrom(walk: Walk, state: Json): Case[] {
  const { steps, lifecycle } = walk;
  const label = labelOf(state);
  const madeBy = lifecycle.pathTo(state)?.at(-1)?.operation ?? lifecycle.create;
  const cases: Case[] = [];
  // Each case brings an item of its own to the state: no two cases may make the same item.
  let reached = walk.steps.reach(state);
  const read = steps.readStep(reached.key, reached.item);
  if (steps.read && read) {
    const named = {
      part: `lifecycle.${label}.read`,
      title: `an item in ${show(state)} is read back so`,
      rule: `${madeBy.pointer}/x-resource`,
    };
    cases.push(caseOf(steps.read, named, read, reached.prelude));
  }
  reached = walk.steps.reach(state);
  const shown = shownBy(steps.list, reached.item);
  const list = steps.listStep(shown ? [reached.item] : [], shown ? [] : [reached.key]);
  if (steps.list && list) {
    const title = `an item in ${show(state)} is ${shown ? '' : 'not '}listed`;
    const named = { part: `lifecycle.${label}.list`, title, rule: `${steps.list.operation.pointer}/x-resource` };
    cases.push(caseOf(steps.list, named, list, reached.prelude));
  }
  return [...cases, ...lifecycle.transitions.flatMap((transition) => transitionFrom(walk, state, transition))];
}

/** A transition from `state`: moved when its `from` lists the state, else refused, and the item then read unchanged. */
function transitionFrom(walk: Walk, state: Json, transition: TransitionStep): Case[] {
  const { steps } = walk;
  const context = steps.create.sibling(transition.operation.operationId)!;
  const allowed = transition.from.some((from) => JSON.stringify(from) === JSON.stringify(state));
  const outcome = allowed ? 'moved' : 'refused';
  /** An item of its own in `state`, and the transition of it. */
  const attempt = () => {
    const reached = steps.reach(state);
    return { reached, own: steps.transitionStep(transition, [reached.key], [reached.item], { outcome }) };
  };
  const rule = `${transition.operation.pointer}/x-resource`;
  const name = transition.operation.operationId;
  const part = `lifecycle.${labelOf(state)}.${name}`;
  const title = allowed
    ? `${name} moves an item in ${show(state)} to ${show(transition.to)}`
    : `${name} refuses an item in ${show(state)}, a state it may not move`;
  const tried = attempt();
  const cases = [caseOf(context, { part, title, rule }, tried.own, tried.reached.prelude)];
  const after = attempt();
  const read = steps.readStep(after.reached.key, after.reached.item);
  if (!allowed && steps.read && read) {
    const named = {
      part: `${part}.then-read`,
      title: `after ${name} refused it, the item is still ${show(state)}`,
      rule,
    };
    cases.push(caseOf(steps.read, named, read, [...after.reached.prelude, after.own]));
  }
  return cases;
}

/** A transition whose key names several items: all move together; with one that may not, none moves. */
function severalAtOnce(walk: Walk, transition: TransitionStep): Case[] {
  const { steps, lifecycle } = walk;
  const [start] = transition.from;
  if (!namesSeveral(steps.create, transition) || start === undefined) return [];
  const context = steps.create.sibling(transition.operation.operationId)!;
  const name = transition.operation.operationId;
  const rule = `${transition.operation.pointer}/x-resource`;
  const named = (what: string, title: string) => ({ part: `lifecycle.${name}.${what}`, title, rule });
  /** Two items of their own; the second moved ahead, so that a request naming both may not move it: neither moves. */
  const oneAhead = () => {
    const [first, second] = [steps.reach(start), steps.reach(start)];
    const ahead = steps.transitionStep(transition, [second.key], [second.item]);
    const movedSecond = { ...second.item, [lifecycle.state]: transition.to };
    const refused = steps.transitionStep(transition, [first.key, second.key], [first.item, movedSecond], {
      outcome: 'refused',
    });
    return { first, refused, prelude: [...first.prelude, ...second.prelude, ahead] };
  };
  const [first, second] = [steps.reach(start), steps.reach(start)];
  const both = steps.transitionStep(transition, [first.key, second.key], [first.item, second.item]);
  const refusal = oneAhead();
  const lone = steps.reach(start);
  const unknown = steps.transitionStep(transition, [lone.key, steps.newKey()], [lone.item], { outcome: 'not-found' });
  const cases = [
    caseOf(
      context,
      named('several', `${name} moves two items at once, and answers with both in the order named`),
      both,
      [...first.prelude, ...second.prelude],
    ),
    caseOf(
      context,
      named('all-or-nothing', `${name} of two items, one of which it may not move, moves neither`),
      refusal.refused,
      refusal.prelude,
    ),
    caseOf(
      context,
      named('one-unknown', `${name} of an item and a key nobody created is not found`),
      unknown,
      lone.prelude,
    ),
  ];
  const afterRefusal = oneAhead();
  const unchanged = steps.readStep(afterRefusal.first.key, afterRefusal.first.item);
  if (steps.read && unchanged) {
    const title = `after ${name} refused two items, the one it could have moved has not moved`;
    cases.push(
      caseOf(steps.read, named('all-or-nothing.then-read', title), unchanged, [
        ...afterRefusal.prelude,
        afterRefusal.refused,
      ]),
    );
  }
  return cases;
}

/** A state as a segment of a case id: `Pending release` → `pending-release`. */
function labelOf(state: Json): string {
  return String(typeof state === 'string' ? state : JSON.stringify(state))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function show(state: Json): string {
  return JSON.stringify(state);
}
