// The rules of parameters not marked `x-credential` (path, query, header, cookie): each required one left out,
// each optional one left out and sent, and the values of conformance/schema/values.ts at each of its bounds,
// as the text a URL or header carries. A broken parameter is a field error naming the parameter. The document's
// schema judges each text as a server reads it; a text that does not fault the rule its case names is left out,
// with a note.
import type { Parameter } from '../../../lib/contract.ts';
import type { Json } from '../../../lib/json.ts';
import { readParameter } from '../../../lib/parameters.ts';
import { ruleOf } from '../../../lib/schema-validator.ts';
import { exampleOf, parameterText } from '../../../lib/requests.ts';
import type { Case } from '../case.ts';
import { parameterChange, type OperationContext } from '../context.ts';
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
    const problems = text === undefined ? [] : context.validator.problems(node, readParameter(parameter, text));
    const valid = text === undefined ? !parameter.required : problems.length === 0;
    if (candidate.valid !== undefined && candidate.valid !== valid) continue;
    const rule = ['required', 'properties', 'examples'].includes(candidate.keyword)
      ? parameter.pointer
      : ruleAt(node, candidate.keyword);
    const id = `parameters.${parameter.in}.${parameter.name}.${candidate.kind}`;
    // As text, a value can fault another rule than the one it was made for (12345 for a string of at most 4).
    const broken = [...new Set(problems.map(ruleOf))];
    if (broken.length > 0 && !broken.some((keyword) => within(keyword, rule))) {
      context.note(`${id} left out: meant to fault ${rule}, the schema faults ${broken.join(', ')}`);
      continue;
    }
    const body = context.body();
    const expect = valid
      ? context.expectAccepted(body)
      : context.expectError('fields-invalid', { fields: [parameter.name] });
    if (!expect) continue;
    cases.push(
      context.make({
        family: 'parameters',
        part: id,
        title: `${parameter.in} ${parameter.name}: ${candidate.title}`,
        rule,
        request: context.request({ ...parameterChange(parameter, text), body }),
        expect,
      }),
    );
  }
  return cases;
}

/**
 * Whether a keyword the schema breaks is part of the rule a case names: the rule itself or a keyword inside it. A
 * list of `x-invalid-examples` is the document's word on values its schema refuses, by whichever keyword.
 */
function within(broken: string, rule: string): boolean {
  const scope = rule.replace(/\/x-invalid-examples$/, '');
  return broken === scope || broken.startsWith(`${scope}/`);
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
