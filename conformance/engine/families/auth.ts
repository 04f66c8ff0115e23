// The token, as the operation's security describes it: refused when missing, wrong or almost right (appended
// to, cut short, one character changed, in the other case), accepted in each documented place (header, query
// parameter, cookie), and the first alternative deciding when several are sent.
import type { Operation, SecurityScheme } from '../../../lib/contract.ts';
import { TOKEN, placeholder } from '../../../lib/credentials.ts';
import { describeScheme, present } from '../../../lib/security.ts';
import type { Case } from '../case.ts';
import { tokenOnly, type Changes, type OperationContext } from '../context.ts';
import { NEAR_MISSES, nearMissOf, type NearMiss } from '../placeholders.ts';

/** One auth case before it is made: the token as it is sent, and what the document says of it. */
interface Probe {
  part: string;
  title: string;
  rule: string;
  changes: Changes;
  outcome: 'accepted' | 'missing' | 'rejected';
}

export function authCases(context: OperationContext): Case[] {
  const { operation } = context;
  if (operation.security.flat().length === 0) return [];
  const probes: Probe[] = [
    {
      part: 'auth.none',
      title: 'no token in any documented place',
      rule: operation.securityPointer,
      changes: tokenOnly(operation),
      outcome: 'missing',
    },
  ];
  for (const [index, alternative] of operation.security.entries()) {
    if (alternative.length !== 1) continue;
    const [scheme] = alternative as [SecurityScheme];
    probes.push(...placeProbes(context, scheme), ...schemeWordProbes(operation, scheme));
    if (index === 0) probes.push(...precedenceProbes(context));
  }
  return probes.flatMap((probe) => caseOf(context, probe));
}

function caseOf(context: OperationContext, { part, title, rule, changes, outcome }: Probe): Case[] {
  const body = context.body();
  const expect =
    outcome === 'accepted'
      ? context.expectAccepted(body)
      : context.expectError(outcome === 'missing' ? 'credentials-missing' : 'credentials-rejected');
  if (!expect) return [];
  return [context.make({ family: 'auth', part, title, rule, request: context.request({ ...changes, body }), expect })];
}

/** The token in the scheme's own place: right, unknown, each near-miss, and (an API key) empty. */
function placeProbes(context: OperationContext, scheme: SecurityScheme): Probe[] {
  const where = describeScheme(scheme);
  const id = `auth.${scheme.id}`;
  const only = (value: string) => tokenOnly(context.operation, present(scheme, value));
  const probe = (part: string, title: string, changes: Changes, outcome: Probe['outcome'] = 'rejected'): Probe => ({
    part: `${id}.${part}`,
    title,
    rule: scheme.pointer,
    changes,
    outcome,
  });
  return [
    probe('accepted', `the token is accepted in ${where}`, only(placeholder(TOKEN)), 'accepted'),
    probe('rejected', `an unknown token in ${where} is refused`, only(`invalid-${context.unique()}`)),
    ...Object.entries(NEAR_MISSES).map(([miss, how]) =>
      probe(miss, `the token ${how}, in ${where}, is refused`, only(nearMissOf(TOKEN, miss as NearMiss))),
    ),
    ...(scheme.type === 'apiKey' ? [probe('empty', `${where} sent empty is no token`, only(''), 'missing')] : []),
  ];
}

/** An HTTP scheme's word (`Bearer`) in either case, another scheme's word, and the word with no token. */
function schemeWordProbes(operation: Operation, scheme: SecurityScheme): Probe[] {
  if (scheme.type !== 'http' || !scheme.scheme) return [];
  const word = scheme.scheme;
  const raw = (value: string): Changes => tokenOnly(operation, { headers: { authorization: value }, query: {} });
  const probe = (part: string, title: string, value: string, outcome: Probe['outcome']): Probe => ({
    part: `auth.${scheme.id}.${part}`,
    title,
    rule: scheme.pointer,
    changes: raw(value),
    outcome,
  });
  return [
    probe(
      'scheme-lower-case',
      `the scheme word "${word.toLowerCase()}" in lower case is accepted`,
      `${word.toLowerCase()} ${placeholder(TOKEN)}`,
      'accepted',
    ),
    probe(
      'scheme-upper-case',
      `the scheme word "${word.toUpperCase()}" in capitals is accepted`,
      `${word.toUpperCase()} ${placeholder(TOKEN)}`,
      'accepted',
    ),
    probe(
      'other-scheme',
      'an Authorization header with another scheme is no token',
      `Basic ${placeholder(TOKEN)}`,
      'missing',
    ),
    probe('no-token', `"${word}" with no token is no token`, word, 'missing'),
  ];
}

/** When the first two alternatives (one scheme each) are both sent, the first decides, to refuse and to accept. */
function precedenceProbes(context: OperationContext): Probe[] {
  const { operation } = context;
  const [first, second] = operation.security;
  if (first?.length !== 1 || second?.length !== 1) return [];
  const [scheme, nextScheme] = [first[0]!, second[0]!];
  const where = describeScheme(scheme);
  const both = (firstValue: string, secondValue: string): Changes =>
    tokenOnly(operation, present(scheme, firstValue), present(nextScheme, secondValue));
  const rule = operation.securityPointer;
  return [
    {
      part: `auth.${scheme.id}.decides-refusal`,
      title: `when both are sent, ${where} decides: wrong there, right in ${describeScheme(nextScheme)}`,
      rule,
      changes: both(`invalid-${context.unique()}`, placeholder(TOKEN)),
      outcome: 'rejected',
    },
    {
      part: `auth.${scheme.id}.decides-acceptance`,
      title: `when both are sent, ${where} decides: right there, wrong in ${describeScheme(nextScheme)}`,
      rule,
      changes: both(placeholder(TOKEN), `invalid-${context.unique()}`),
      outcome: 'accepted',
    },
  ];
}
