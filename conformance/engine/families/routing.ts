// Requests that reach no operation get the document's route errors: a path it does not have (usually 404), and a
// method its path does not have (usually 405, with the path's methods in `Allow`). The statuses are the
// document's own: each case expects, and points at, the answer its `x-route-errors` files under whatever status.
import { answerFor } from '../../../lib/contract.ts';
import type { ErrorCase } from '../../../lib/extensions.ts';
import type { Case, Expectation } from '../case.ts';
import type { OperationContext } from '../context.ts';

const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH'];

export function routingCases(context: OperationContext): Case[] {
  const { contract, operation } = context;
  const cases: Case[] = [];
  const notFound = routeError(context, 'route-not-found');
  if (notFound) {
    const path = `/no_such_resource${context.request().path.split('?')[0]}`;
    cases.push(
      context.make({
        family: 'routing',
        part: 'routing.unknown-path',
        title: 'a path the document does not have',
        rule: notFound.rule,
        request: context.request({ path }),
        expect: notFound.expect,
      }),
    );
  }
  const methods = contract.operations.filter((op) => op.path === operation.path).map((op) => op.method);
  const other = METHODS.find((m) => !methods.includes(m) && !(m === 'GET' && methods.includes('HEAD')));
  const notAllowed = routeError(context, 'method-not-allowed', { allow: methods });
  if (other && notAllowed) {
    const request = { ...context.request({ method: other }), body: undefined };
    cases.push(
      context.make({
        family: 'routing',
        part: `routing.method-${other.toLowerCase()}`,
        title: `${other} on a path that does not have it`,
        rule: notAllowed.rule,
        request,
        expect: notAllowed.expect,
      }),
    );
  }
  return cases;
}

/** The documented answer to a routing error, and the pointer of the response it is written in. */
function routeError(
  context: OperationContext,
  errorCase: ErrorCase,
  extra: Partial<Expectation> = {},
): { expect: Expectation; rule: string } | undefined {
  const expect = context.expectError(errorCase, extra);
  const rule = answerFor(context.contract, errorCase, context.operation)?.response.pointer;
  return expect && rule ? { expect, rule } : undefined;
}
