// The token, as the operation's security describes it: refused when missing, wrong or almost right (appended
// to, cut short, one character changed, in the other case), accepted in each documented place (header, query
// parameter, cookie), and the first alternative deciding when several are sent.
import { TOKEN, placeholder } from '../../../lib/credentials.ts';
import { describeScheme, present } from '../../../lib/security.ts';
import type { SecurityScheme } from '../../../lib/contract.ts';
import type { Case } from '../case.ts';
import { tokenOnly, type Changes, type OperationContext } from '../context.ts';
import { NEAR_MISSES, nearMissOf, type NearMiss } from '../placeholders.ts';

type Outcome = 'accepted' | 'missing' | 'rejected';

export function authCases(context: OperationContext): Case[] {
  const { operation } = context;
  const schemes = operation.security.flat();
  if (schemes.length === 0) return [];
  const missing = context.expectError('credentials-missing');
  const rejected = context.expectError('credentials-rejected');
  const only = (scheme: SecurityScheme, value: string): Changes => tokenOnly(operation, present(scheme, value));
  const raw = (value: string): Changes => tokenOnly(operation, { headers: { authorization: value }, query: {} });
  const cases: Case[] = [];
  const push = (part: string, title: string, rule: string, changes: Changes, outcome: Outcome = 'rejected') => {
    const body = context.body();
    const expect = outcome === 'accepted' ? context.expectAccepted(body) : outcome === 'missing' ? missing : rejected;
    if (expect) cases.push(context.make('auth', part, title, rule, context.request({ ...changes, body }), expect));
  };

  push('auth.none', 'no token in any documented place', operation.securityPointer, tokenOnly(operation), 'missing');
  for (const [index, alternative] of operation.security.entries()) {
    if (alternative.length !== 1) continue;
    const [scheme] = alternative as [SecurityScheme];
    const where = describeScheme(scheme);
    const id = `auth.${scheme.id}`;
    push(
      `${id}.accepted`,
      `the token is accepted in ${where}`,
      scheme.pointer,
      only(scheme, placeholder(TOKEN)),
      'accepted',
    );
    push(
      `${id}.rejected`,
      `an unknown token in ${where} is refused`,
      scheme.pointer,
      only(scheme, `invalid-${context.unique()}`),
    );
    for (const [miss, how] of Object.entries(NEAR_MISSES)) {
      push(
        `${id}.${miss}`,
        `the token ${how}, in ${where}, is refused`,
        scheme.pointer,
        only(scheme, nearMissOf(TOKEN, miss as NearMiss)),
      );
    }
    if (scheme.type === 'apiKey')
      push(`${id}.empty`, `an empty ${where} is no token`, scheme.pointer, only(scheme, ''), 'missing');
    if (scheme.type === 'http' && scheme.scheme) {
      const word = scheme.scheme;
      push(
        `${id}.scheme-lower-case`,
        `the scheme word "${word.toLowerCase()}" in lower case is accepted`,
        scheme.pointer,
        raw(`${word.toLowerCase()} ${placeholder(TOKEN)}`),
        'accepted',
      );
      push(
        `${id}.scheme-upper-case`,
        `the scheme word "${word.toUpperCase()}" in capitals is accepted`,
        scheme.pointer,
        raw(`${word.toUpperCase()} ${placeholder(TOKEN)}`),
        'accepted',
      );
      push(
        `${id}.other-scheme`,
        'an Authorization header with another scheme is no token',
        scheme.pointer,
        raw(`Basic ${placeholder(TOKEN)}`),
        'missing',
      );
      push(`${id}.no-token`, `"${word}" with no token is no token`, scheme.pointer, raw(word), 'missing');
    }
    const [nextScheme] = operation.security[index + 1] ?? [];
    if (index === 0 && nextScheme && operation.security[1]!.length === 1) {
      const both = (first: string, second: string): Changes =>
        tokenOnly(operation, present(scheme, first), present(nextScheme, second));
      const rule = operation.securityPointer;
      push(
        `${id}.decides-refusal`,
        `when both are sent, ${where} decides: wrong there, right in ${describeScheme(nextScheme)}`,
        rule,
        both(`invalid-${context.unique()}`, placeholder(TOKEN)),
      );
      push(
        `${id}.decides-acceptance`,
        `when both are sent, ${where} decides: right there, wrong in ${describeScheme(nextScheme)}`,
        rule,
        both(placeholder(TOKEN), `invalid-${context.unique()}`),
        'accepted',
      );
    }
  }
  return cases;
}
