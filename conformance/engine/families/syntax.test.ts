import { describe, expect, it } from 'vitest';
import { contractFrom } from '../../../lib/contract.ts';
import type { Json } from '../../../lib/json.ts';
import type { ErrorCase } from '../../../lib/extensions.ts';
import type { OpenApiDocument } from '../../../lib/openapi.ts';
import { syntaxCases } from './syntax.ts';
import { answers, contextOf, jsonBody, onePost } from '../../fixtures/test-kit.ts';

const document = (example: Json, errorCase: ErrorCase = 'body-unparsable'): OpenApiDocument =>
  onePost(jsonBody({}, { one: example }), { '201': { description: 'Made.' }, '400': answers(errorCase) });

/** The cases and notes of the operation with this example, from the context the catalogue gives it (conformance/catalogue.ts). */
const build = (example: Json, errorCase?: ErrorCase) => {
  const notes: string[] = [];
  const cases = syntaxCases(contextOf(contractFrom(document(example, errorCase)), 'createOrder', notes));
  return { cases, notes };
};
const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('syntaxCases', () => {
  const { cases, notes } = build({ title: 'a', tags: ['x'] });
  const sent = (kind: string) => cases.find((c) => c.id === `createOrder.syntax.${kind}`)!.request;

  it('sends bodies that are not JSON, each expecting the body-unparsable answer under the request body', () => {
    const malformed = cases.filter((c) => !c.id.includes('media-type'));
    expect(malformed.map((c) => c.id.replace('createOrder.syntax.', ''))).toEqual([
      'missing-comma',
      'trailing-comma',
      'truncated',
      'single-quotes',
      'unquoted-names',
      'comment',
      'trailing-text',
      'two-values',
      'empty',
      'whitespace-only',
    ]);
    for (const c of malformed) {
      expect(parses(c.request.body!), c.id).toBe(false);
      expect(c.expect, c.id).toMatchObject({ status: 400, errorCase: 'body-unparsable' });
      expect(c.rule).toBe('#/paths/~1orders/post/requestBody');
      expect(c.request.headers['content-type']).toBe('application/json');
    }
    expect(notes).toEqual([]);
  });

  it('makes each fault from the example itself', () => {
    expect(sent('missing-comma').body).toBe('{"title":"a" "tags":["x"]}');
    expect(sent('trailing-comma').body).toBe('{"title":"a","tags":["x"],}');
    expect(sent('unquoted-names').body).toBe('{title:"a",tags:["x"]}');
    expect(sent('comment').body).toBe('{/* note */"title":"a","tags":["x"]}');
    expect(sent('two-values').body).toBe('{"title":"a","tags":["x"]}{"title":"a","tags":["x"]}');
    expect([sent('empty').body, sent('whitespace-only').body]).toEqual(['', ' \n\t ']);
  });

  it('accepts the JSON body under other spellings of its media type, and refuses it under others', () => {
    const typed = cases.filter((c) => c.id.includes('media-type'));
    expect(typed.map((c) => [c.id.split('.').pop(), c.request.headers['content-type'], c.expect.status])).toEqual([
      ['charset', 'application/json; charset=utf-8', 201],
      ['charset-upper-case', 'application/json;charset=UTF-8', 201],
      ['upper-case', 'APPLICATION/JSON', 201],
      ['missing', undefined, 400],
      ['text-plain', 'text/plain', 400],
      ['form', 'application/x-www-form-urlencoded', 400],
      ['longer-subtype', 'application/jsonx', 400],
    ]);
    for (const c of typed) {
      expect(JSON.parse(c.request.body!)).toEqual({ title: 'a', tags: ['x'] });
      expect(c.rule).toBe('#/paths/~1orders/post/requestBody/content');
    }
    expect('content-type' in sent('media-type.missing').headers).toBe(false);
  });

  it('leaves out, with a note, a fault the example has no place for', () => {
    // One member: a second one follows it without the comma. A number: no braces, quotes or names; two of it side
    // by side is one number.
    const oneMember = build({ title: 'a' });
    expect(oneMember.cases.find((c) => c.id.endsWith('.missing-comma'))?.request.body).toBe(
      '{"title":"a" "second":null}',
    );
    expect(oneMember.notes).toEqual([]);
    const number = build(5);
    expect(number.cases.filter((c) => !c.id.includes('media-type')).map((c) => c.id.split('.').pop())).toEqual([
      'trailing-text',
      'empty',
      'whitespace-only',
    ]);
    expect(number.notes).toHaveLength(7);
  });

  it('makes nothing when the document gives no body-unparsable answer', () => {
    expect(build({ title: 'a' }, 'fields-invalid').cases).toEqual([]);
  });
});
