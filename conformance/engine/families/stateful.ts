// Cases that span requests, read from `x-resource`, `links` and `x-issues-token`: what a create answered is what
// the linked read returns, the created item is in the linked list, a second create with the same key is refused,
// a read of a key nobody created is not found, and a token an operation issues opens the others.
import { parametersIn, type Link, type Operation } from '../../../lib/contract.ts';
import { echoOf, echoPlaces } from '../../../lib/echo.ts';
import { isObject, type Json } from '../../../lib/json.ts';
import { lifecyclesOf, listBound } from '../../../lib/lifecycle.ts';
import { present } from '../../../lib/security.ts';
import type { Case, Expectation, Step } from '../case.ts';
import { parameterChange, tokenOnly, type Changes, type OperationContext } from '../context.ts';
import { linkValue } from '../placeholders.ts';
import { shownBy, stepCase, storeSteps } from '../store-steps.ts';

export function statefulCases(context: OperationContext): Case[] {
  return [
    ...createCases(context),
    ...readCases(context),
    ...unknownTransitionCases(context),
    ...listCompleteCases(context),
    ...issuedTokenCases(context),
  ];
}

/**
 * Items a list must hold at once: more than the page sizes servers default to (10, 20, 25, 50, 100), since the
 * document promises the whole list and no paging.
 */
export const LIST_LENGTH = 101;

/** After LIST_LENGTH creates of items the list shows, the list holds every one of them, oldest first. */
function listCompleteCases(context: OperationContext): Case[] {
  const steps = storeSteps(context, undefined);
  const list = steps?.list;
  if (!steps || !list || list.operation.resource?.action !== 'list') return [];
  // A list whose length the document bounds may leave items out: only a list with no bound must be complete.
  if (listBound(list.contract, list.operation) !== undefined) return [];
  const keys = Array.from({ length: LIST_LENGTH }, () => steps.newKey());
  const items = keys.map((key) => steps.itemOf(steps.bodyFor(key)));
  if (!items.every((item) => shownBy(list, item))) return [];
  const last = steps.listStep(items, []);
  if (!last) return [];
  const title = `after ${LIST_LENGTH} creates, the list holds every one, oldest first: it is complete`;
  const rule = `${list.operation.pointer}/x-resource`;
  const prelude = keys.map((key) => steps.createStep(key));
  return [stepCase(list, { family: 'stateful', part: 'stateful.list-complete', title, rule }, last, prelude)];
}

/** A transition of a key nobody created is not found (the value is new in this run). */
function unknownTransitionCases(context: OperationContext): Case[] {
  const lifecycle = lifecyclesOf(context.contract).find((l) =>
    l.transitions.some((t) => t.operation.operationId === context.operation.operationId),
  );
  const transition = lifecycle?.transitions.find((t) => t.operation.operationId === context.operation.operationId);
  const create = lifecycle && context.sibling(lifecycle.create.operationId);
  const steps = create && storeSteps(create, lifecycle);
  if (!transition || !steps) return [];
  const last = steps.transitionStep(transition, [steps.newKey()], [], { outcome: 'not-found' });
  const title = `${transition.resource.key} that no request created is not found`;
  const rule = `${context.operation.pointer}/x-resource`;
  return [stepCase(context, { family: 'stateful', part: 'stateful.unknown-key', title, rule }, last)];
}

function createCases(context: OperationContext): Case[] {
  const { operation } = context;
  const resource = operation.resource;
  if (resource?.action !== 'create') return [];
  const cases: Case[] = [];
  /** A create of its own for each case: no two cases may make the same item. */
  const creation = () => {
    const body = context.body();
    const step: Step = {
      operationId: operation.operationId,
      request: context.request({ body }),
      expect: context.expectAccepted(body),
    };
    return { body, step };
  };
  const first = creation().step;
  const exists = context.expectError('resource-exists');
  if (exists) {
    const title = `a second ${operation.operationId} with the same ${resource.key ?? 'key'} is refused`;
    cases.push(
      context.make({
        family: 'stateful',
        part: 'stateful.create-twice',
        title,
        rule: `${operation.pointer}/x-resource`,
        request: first.request,
        expect: exists,
        prelude: [first],
      }),
    );
  }
  for (const link of operation.success?.links ?? []) {
    const target = context.sibling(link.operationId);
    if (!target) {
      context.note(`link ${link.name} names ${link.operationId}, which the document does not have`);
      continue;
    }
    // Two creates: a read must return the item its key names, not just any; a list must hold both, in order.
    const earlier = creation();
    const { body, step } = creation();
    const followed = followLink(context, target, link, body, [earlier.step, step]);
    if (followed) cases.push(followed);
  }
  return cases;
}

/** The link's target, its parameters filled from the create's answer, must show what was created. */
function followLink(
  source: OperationContext,
  target: OperationContext,
  link: Link,
  body: Json | undefined,
  prelude: Step[],
): Case | undefined {
  const sourceResource = source.operation.resource!;
  const targetResource = target.operation.resource;
  const changes: Changes = { query: {}, pathValues: {}, headers: {} };
  for (const [qualified, expression] of Object.entries(link.parameters)) {
    const name = qualified.replace(/^(path|query|header|cookie)\./, '');
    const parameter = target.operation.parameters.find((p) => p.name === name);
    if (!parameter) return undefined;
    const value =
      typeof expression === 'string' && expression.startsWith('$response.body#')
        ? linkValue(expression)
        : String(expression);
    if (parameter.in === 'path') changes.pathValues![name] = value;
    else if (parameter.in === 'query') changes.query![name] = value;
    else changes.headers![name] = value;
  }
  const accepted = success(target.operation);
  if (!accepted) return undefined;
  let expect: Expectation = accepted;
  let title = `following ${link.name}, ${target.operation.operationId} answers`;
  const sourceItem = sourceResource.item ?? '';
  if (targetResource?.name === sourceResource.name && targetResource.action === 'read') {
    expect = { ...accepted, sameAs: { pointer: targetResource.item, earlier: sourceItem } };
    title = `following ${link.name}, ${target.operation.operationId} returns what ${source.operation.operationId} created`;
  }
  if (targetResource?.name === sourceResource.name && targetResource.action === 'list') {
    // A list the document bounds may leave the new items out: only an unbounded one must hold them.
    if (!listed(source, body, targetResource.filter) || listBound(target.contract, target.operation) !== undefined)
      return undefined;
    expect = { ...accepted, includes: { pointer: targetResource.item, earlier: sourceItem } };
    title = `following ${link.name}, ${target.operation.operationId} lists what ${source.operation.operationId} created, in the order it was created`;
  }
  const id = `stateful.${source.operation.operationId}.${link.name}`;
  return target.make({
    family: 'stateful',
    part: id,
    title,
    rule: link.pointer,
    request: target.request(changes),
    expect,
    prelude,
  });
}

/** Whether the item a create makes from this body has the property values a list filters on. */
function listed(source: OperationContext, body: Json | undefined, filter: Record<string, Json> | undefined): boolean {
  const schema = source.operation.success?.schema;
  if (!filter || !schema || !isObject(body)) return true;
  const [place] = echoPlaces(source.contract, schema);
  if (!place) return true;
  const item = echoOf(source.contract, place.node, body);
  return Object.entries(filter).every(([name, value]) => JSON.stringify(item[name]) === JSON.stringify(value));
}

/** A key nobody created is not found (strictly: the value is new in this run). */
function readCases(context: OperationContext): Case[] {
  const { operation } = context;
  const resource = operation.resource;
  const notFound = context.expectError('resource-not-found');
  if (resource?.action !== 'read' || !resource.key || !notFound) return [];
  const parameter = operation.parameters.find((p) => p.name === resource.key);
  if (!parameter) return [];
  const changes = parameterChange(parameter, context.unique());
  const title = `${parameter.name} that no request created is not found`;
  return [
    context.make({
      family: 'stateful',
      part: 'stateful.unknown-key',
      title,
      rule: `${operation.pointer}/x-resource`,
      request: context.request(changes),
      expect: notFound,
    }),
  ];
}

/** The token an operation issues (`x-issues-token`) is accepted by an operation that needs a token. */
function issuedTokenCases(context: OperationContext): Case[] {
  const { operation, contract } = context;
  const pointer = operation.issuesToken;
  if (!pointer) return [];
  const issued = success(operation);
  const secured = contract.operations.find((op) => op.security.length > 0 && parametersIn(op, 'path').length === 0);
  const target = secured && context.sibling(secured.operationId);
  const [scheme] = secured?.security[0] ?? [];
  if (!issued || !target || !scheme) return [];
  const body = target.body();
  const issuedToken = tokenOnly(target.operation, present(scheme, linkValue(`$response.body#${pointer}`)));
  const prelude: Step[] = [{ operationId: operation.operationId, request: context.request(), expect: issued }];
  const title = `the token ${operation.operationId} issues is accepted by ${target.operation.operationId}`;
  // The case is the secured operation's (its request goes to that operation's server); the rule is the issuer's.
  const id = `stateful.issued-token.${operation.operationId}`;
  return [
    target.make({
      family: 'stateful',
      part: id,
      title,
      rule: `${operation.pointer}/x-issues-token`,
      request: target.request({ ...issuedToken, body }),
      expect: target.expectAccepted(body),
      prelude,
    }),
  ];
}

function success(operation: Operation): Expectation | undefined {
  const response = operation.success;
  return response ? { status: Number(response.status), schema: response.schema } : undefined;
}
