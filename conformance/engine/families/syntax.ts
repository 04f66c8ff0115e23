// A body that is not JSON, or not sent as the documented media type, cannot be parsed; the same body sent with
// the media type spelled in another allowed way (a charset parameter, capitals) is accepted. Derived from the
// rules of JSON (RFC 8259) and of media types (RFC 9110 §8.3.1: type and subtype are case-insensitive).
import { isJsonText } from '../../../lib/json.ts';
import type { Case } from '../case.ts';
import type { OperationContext } from '../context.ts';

export function syntaxCases(context: OperationContext): Case[] {
  const { operation } = context;
  const mediaType = operation.requestBody?.jsonMediaType;
  const unparsable = context.expectError('body-unparsable');
  if (!mediaType || !unparsable) return [];
  const rule = operation.requestBody!.pointer;
  const cases: Case[] = [];
  const malformed = (kind: string, title: string, text: (json: string) => string) => {
    const sent = text(JSON.stringify(context.body()));
    if (isJsonText(sent)) return context.note(`syntax.${kind} left out: the example gives no place for that fault`);
    cases.push(
      context.make({
        family: 'syntax',
        part: `syntax.${kind}`,
        title,
        rule,
        request: context.request({ rawBody: sent }),
        expect: unparsable,
      }),
    );
  };

  // With one member only, a second one is written after it without the comma.
  malformed('missing-comma', 'a comma missing between two members', (json) =>
    /,"/.test(json) ? json.replace(/,"/, ' "') : json.replace(/}$/, ' "second":null}'),
  );
  malformed('trailing-comma', 'a comma after the last member', (json) => json.replace(/}$/, ',}'));
  malformed('truncated', 'the body cut off before its end', (json) =>
    json.slice(0, Math.max(1, Math.floor(json.length / 2))),
  );
  malformed('single-quotes', 'strings in single quotes', (json) => json.replace(/"/g, "'"));
  malformed('unquoted-names', 'member names without quotes', (json) => json.replace(/"([A-Za-z_][\w]*)":/g, '$1:'));
  malformed('comment', 'a comment, which JSON does not have', (json) => json.replace(/^\{/, '{/* note */'));
  malformed('trailing-text', 'a valid JSON value followed by more text', (json) => `${json} trailing`);
  malformed('two-values', 'two JSON values one after the other', (json) => `${json}${json}`);
  malformed('empty', 'an empty body', () => '');
  malformed('whitespace-only', 'a body of white space only', () => ' \n\t ');

  const withType = (kind: string, title: string, type: string | undefined, accepted: boolean) => {
    const body = context.body();
    const expect = accepted ? context.expectAccepted(body) : unparsable;
    const request = context.request({ body, headers: { 'content-type': type } });
    cases.push(
      context.make({
        family: 'syntax',
        part: `syntax.media-type.${kind}`,
        title,
        rule: `${rule}/content`,
        request,
        expect,
      }),
    );
  };
  withType('charset', `${mediaType}; charset=utf-8 is the same media type`, `${mediaType}; charset=utf-8`, true);
  withType(
    'charset-upper-case',
    `${mediaType};charset=UTF-8 is the same media type`,
    `${mediaType};charset=UTF-8`,
    true,
  );
  withType(
    'upper-case',
    `${mediaType.toUpperCase()} is the same media type (case-insensitive)`,
    mediaType.toUpperCase(),
    true,
  );
  withType('missing', 'no Content-Type at all', undefined, false);
  withType('text-plain', 'the JSON body sent as text/plain', 'text/plain', false);
  withType('form', 'the JSON body sent as a form', 'application/x-www-form-urlencoded', false);
  withType('longer-subtype', `${mediaType}x, another media type`, `${mediaType}x`, false);
  return cases;
}
