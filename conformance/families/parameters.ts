// The rules of parameters not marked `x-credential` (path, query, header, cookie): each required one left out,
// each optional one left out and sent, and the values of conformance/schema/values.ts at each of its bounds,
// as the text a URL or header carries. A broken parameter is a field error naming the parameter.
import type { Parameter } from '../../lib/contract.ts';
import type { Json } from '../../lib/json.ts';
import { readParameter } from '../../lib/parameters.ts';
import { exampleOf, parameterText } from '../../lib/requests.ts';
import type { Case } from '../case.ts';
import type { Changes, OperationContext } from '../context.ts';
import { candidatesFor, ruleAt } from '../schema/values.ts';

export function parameterCases(context: OperationContext): Case[] {
  return context.operation.parameters.filter((p) => !p.credential && p.schema).flatMap((p) => casesFor(context, p));
}

function casesFor(context: OperationContext, parameter: Parameter): Case[] {
  const node = parameter.schema!;
  const example = exampleOf(parameter) ?? null;
  const slot = {
    path: [parameter.name],
    field: parameter.name,
    label: parameter.name,
    node,
    required: parameter.required,
    base: { [parameter.name]: example },
  };
  const cases: Case[] = [];
  const candidates = [
    ...candidatesFor(context.contract, slot, context),
    ...(parameter.required || example === null
      ? []
      : [
          {
            kind: 'present',
            title: `optional ${parameter.name} sent`,
            keyword: 'examples',
            value: example,
            valid: true,
          },
        ]),
  ];
  for (const candidate of candidates) {
    if (candidate.raw !== undefined || candidate.at || (candidate.remove && parameter.in === 'path')) continue;
    const text = candidate.remove ? undefined : textFor(parameter, candidate.value);
    if (text === null) continue;
    const valid =
      text === undefined
        ? !parameter.required
        : context.validator.problems(node, readParameter(parameter, text)).length === 0;
    if (candidate.valid !== undefined && candidate.valid !== valid) continue;
    const body = context.body();
    const expect = valid
      ? context.expectAccepted(body)
      : context.expectError('fields-invalid', { fields: [parameter.name] });
    if (!expect) continue;
    const rule = ['required', 'properties', 'examples'].includes(candidate.keyword)
      ? parameter.pointer
      : ruleAt(node, candidate.keyword);
    const id = `parameters.${parameter.in}.${parameter.name}.${candidate.kind}`;
    cases.push(
      context.make(
        'parameters',
        id,
        `${parameter.in} ${parameter.name}: ${candidate.title}`,
        rule,
        context.request({ ...place(parameter, text), body }),
        expect,
      ),
    );
  }
  return cases;
}

/** The text a parameter carries for a value, or null when the value cannot travel there as meant. */
function textFor(parameter: Parameter, value: Json | undefined): string | null {
  if (value === undefined || value === null || typeof value === 'object') return null;
  const text = parameterText(value);
  if (parameter.in === 'path' && (text === '' || text.includes('/'))) return null; // another route, not another value
  // A header carries printable ASCII, and HTTP drops the white space around it (RFC 9110 §5.5).
  if (
    (parameter.in === 'header' || parameter.in === 'cookie') &&
    (!/^[\x20-\x7e]*$/.test(text) || text !== text.trim())
  )
    return null;
  if (parameter.in === 'cookie' && /[;,\s]/.test(text)) return null;
  return text;
}

function place(parameter: Parameter, text: string | undefined): Changes {
  switch (parameter.in) {
    case 'query':
      return { query: { [parameter.name]: text } };
    case 'header':
      return { headers: { [parameter.name]: text } };
    case 'cookie':
      return { headers: { cookie: text === undefined ? undefined : `${parameter.name}=${text}` } };
    case 'path':
      return text === undefined ? {} : { pathValues: { [parameter.name]: text } };
  }
}
