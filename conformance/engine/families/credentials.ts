// Values marked `x-credential`: a parameter (the channel key) is refused when missing, empty, malformed, too
// long, unknown or almost right, wherever it stands (header, query, cookie, path); a body property (an API key)
// is refused when unknown or almost right.
import { credentialKey, placeholder } from '../../../lib/credentials.ts';
import type { Json } from '../../../lib/json.ts';
import type { Case } from '../case.ts';
import { parameterChange, type OperationContext } from '../context.ts';
import { NEAR_MISSES, nearMissOf, type NearMiss } from '../placeholders.ts';
import { setAt } from '../schema/slots.ts';
import { propertiesOf } from '../../../lib/schema-shape.ts';

export function credentialCases(context: OperationContext): Case[] {
  return [...parameterCases(context), ...bodyCases(context)];
}

function parameterCases(context: OperationContext): Case[] {
  const invalid = context.expectError('credential-invalid');
  if (!invalid) return [];
  const cases: Case[] = [];
  for (const parameter of context.operation.parameters.filter((p) => p.credential)) {
    const key = credentialKey(parameter.name);
    const schema = parameter.schema;
    const push = (kind: string, title: string, rule: string, value: string | undefined) => {
      // A path cannot leave a segment out or send it empty: that is another route (the routing family's).
      if (parameter.in === 'path' && !value) return;
      const body = context.body();
      cases.push(
        context.make({
          family: 'credentials',
          part: `credentials.${parameter.name}.${kind}`,
          title,
          rule,
          request: context.request({ ...parameterChange(parameter, value), body }),
          expect: invalid,
        }),
      );
    };
    const breaks = (value: string) => !schema || context.validator.problems(schema, value).length > 0;
    push('missing', `${parameter.name} is missing`, parameter.pointer, undefined);
    push('empty', `${parameter.name} is empty`, parameter.pointer, '');
    const example = typeof parameter.example === 'string' ? parameter.example : '';
    if (schema?.schema.pattern && breaks('has spaces!'))
      push('malformed', `${parameter.name} breaks its pattern`, `${schema.pointer}/pattern`, 'has spaces!');
    const max = schema?.schema.maxLength;
    if (max !== undefined)
      push('too-long', `${parameter.name} is longer than ${max}`, `${schema!.pointer}/maxLength`, 'a'.repeat(max + 1));
    const unknown = [...example].reverse().join('');
    if (unknown && unknown !== example && !breaks(unknown))
      push('unknown', `${parameter.name} is well-formed but unknown`, parameter.pointer, unknown);
    for (const [miss, how] of Object.entries(NEAR_MISSES)) {
      push(miss, `${parameter.name} ${how}`, parameter.pointer, nearMissOf(key, miss as NearMiss));
    }
  }
  return cases;
}

function bodyCases(context: OperationContext): Case[] {
  const rejected = context.expectError('credentials-rejected');
  const schema = context.operation.requestBody?.schema;
  if (!rejected || !schema) return [];
  const properties = new Map(propertiesOf(context.contract, schema));
  return (context.operation.requestBody?.credentials ?? []).flatMap((name) => {
    const pointer = properties.get(name)?.pointer ?? schema.pointer;
    const key = credentialKey(name);
    const wrong = (value: string): Json | undefined => {
      const body = context.body();
      return body === undefined ? undefined : setAt(body, [name], value);
    };
    const values: [string, string, string][] = [
      ['unknown', `an unknown ${name}`, `invalid-${context.unique()}`],
      ...Object.entries(NEAR_MISSES).map(([miss, how]): [string, string, string] => [
        miss,
        `${name} ${how}`,
        nearMissOf(key, miss as NearMiss),
      ]),
    ];
    return values.flatMap(([kind, title, value]) => {
      const body = wrong(value);
      if (body === undefined || value === placeholder(key)) return [];
      return [
        context.make({
          family: 'credentials',
          part: `credentials.${name}.${kind}`,
          title,
          rule: pointer,
          request: context.request({ body }),
          expect: rejected,
        }),
      ];
    });
  });
}
