// Documented requests are accepted: every named request example, each optional query parameter present, and
// an operation without a body as the document shows it.
import { parametersIn } from '../../../lib/contract.ts';
import { exampleOf, parameterText } from '../../../lib/requests.ts';
import type { Case } from '../case.ts';
import type { OperationContext } from '../context.ts';

export function successCases(context: OperationContext): Case[] {
  const { operation } = context;
  const examples = operation.requestBody?.examples ?? [];
  const cases = examples.map((example) => {
    const body = context.fresh(example.value);
    return context.make({
      family: 'success',
      part: `success.example.${example.name}`,
      title: `the request example "${example.name}" is accepted`,
      rule: example.pointer,
      request: context.request({ body }),
      expect: context.expectAccepted(body),
    });
  });
  if (examples.length === 0) {
    cases.push(
      context.make({
        family: 'success',
        part: 'success.documented',
        title: 'the documented request is accepted',
        rule: operation.pointer,
        request: context.request(),
        expect: context.expectAccepted(),
      }),
    );
  }
  for (const parameter of parametersIn(operation, 'query').filter((p) => !p.required && !p.credential)) {
    const example = exampleOf(parameter);
    if (example === undefined) continue;
    const body = context.body();
    const request = context.request({ body, query: { [parameter.name]: parameterText(example) } });
    const title = `optional query parameter ${parameter.name} sent`;
    cases.push(
      context.make({
        family: 'success',
        part: `success.query.${parameter.name}`,
        title,
        rule: parameter.pointer,
        request,
        expect: context.expectAccepted(body),
      }),
    );
  }
  return cases;
}
