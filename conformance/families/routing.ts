// Requests that reach no operation get the document's route errors: a path it does not have (404), and a
// method its path does not have (405, with the path's methods in `Allow`).
import type { Case } from '../case.ts';
import type { OperationContext } from '../context.ts';

const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH'];

export function routingCases(context: OperationContext): Case[] {
  const { contract, operation } = context;
  const cases: Case[] = [];
  const notFound = context.expectError('route-not-found');
  if (notFound) {
    const path = `/no_such_resource${context.request().path.split('?')[0]}`;
    cases.push(
      context.make(
        'routing',
        'routing.unknown-path',
        'a path the document does not have',
        '#/x-route-errors/404',
        context.request({ path }),
        notFound,
      ),
    );
  }
  const methods = contract.operations.filter((op) => op.path === operation.path).map((op) => op.method);
  const other = METHODS.find((m) => !methods.includes(m) && !(m === 'GET' && methods.includes('HEAD')));
  const notAllowed = context.expectError('method-not-allowed', { allow: methods });
  if (other && notAllowed) {
    const request = { ...context.request({ method: other }), body: undefined };
    cases.push(
      context.make(
        'routing',
        `routing.method-${other.toLowerCase()}`,
        `${other} on a path that does not have it`,
        '#/x-route-errors/405',
        request,
        notAllowed,
      ),
    );
  }
  return cases;
}
