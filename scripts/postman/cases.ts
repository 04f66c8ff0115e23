// The conformance catalogue's cases as Postman requests, each with a test of its documented answer. A case that
// Postman cannot send as one plain request is left out, with the reason the collection's description gives.
import type { Case, Expectation } from '../../conformance/engine/case.ts';
import { isJsonMediaType } from '../../lib/contract.ts';
import { isJsonText } from '../../lib/json.ts';
import { answerTest, postmanRequest, scalarMembers, type DocumentedAnswer, type PostmanItem } from './request.ts';

/** Why cases are left out, in the order they are looked for. */
export const LEFT_OUT = {
  generated: 'generated cases (their requests are drawn at run time)',
  prelude: 'cases that need the answer of an earlier request',
  padded: 'cases whose body is padded to an exact size when it is sent',
  'no-content-type': 'cases that send a body without a Content-Type (Postman adds `text/plain`)',
  comment: 'cases with a comment in a JSON body (Postman strips JSON comments before it sends)',
  'near-miss': 'cases that send a credential almost right (the value is made from yours when it is sent)',
  linked: 'cases with a value taken from an earlier answer',
  unknown: 'cases with a placeholder the collection has no variable for',
} as const;
export type LeftOutReason = keyof typeof LEFT_OUT;

/** Why Postman cannot send the case as it is, or undefined when it can (its placeholders are all variables). */
export function leftOutReason(testCase: Case, variables: ReadonlySet<string>): LeftOutReason | undefined {
  if (testCase.property) return 'generated';
  if (testCase.prelude?.length) return 'prelude';
  if (testCase.request.padTo !== undefined) return 'padded';
  const { path, headers, body = '' } = testCase.request;
  const contentType = headers['content-type'];
  if (testCase.request.body !== undefined && contentType === undefined) return 'no-content-type';
  if (contentType && isJsonMediaType(contentType) && /\/\/|\/\*/.test(body) && !isJsonText(body)) return 'comment';
  const marks = [path, ...Object.keys(headers), ...Object.values(headers), body].flatMap((text) =>
    [...text.matchAll(/\{\{([^{}]+)\}\}/g)].map(([, inner]) => inner!),
  );
  if (marks.some((mark) => mark.includes('|'))) return 'near-miss';
  if (marks.some((mark) => mark.startsWith('$response'))) return 'linked';
  if (marks.some((mark) => !variables.has(mark))) return 'unknown';
  return undefined;
}

/**
 * The case as a Postman item. `alsoAccepted` are answers the document allows for a request sent again (a create
 * of a key an earlier run of the collection made): a collection is run more than once against the same server.
 */
export function caseItem(testCase: Case, baseVariable: string, alsoAccepted: Expectation[] = []): PostmanItem {
  const answers = [testCase.expect, ...(testCase.expect.orElse ?? []), ...alsoAccepted].map(documentedAnswer);
  return {
    name: `${testCase.id}: ${testCase.title}`,
    request: postmanRequest(testCase.request, baseVariable),
    event: [answerTest(`${testCase.title} (${testCase.rule})`, answers)],
  };
}


export function documentedAnswer(expectation: Expectation): DocumentedAnswer {
  const members = scalarMembers(expectation.example);
  return {
    status: expectation.status,
    ...(members ? { members } : {}),
    ...(expectation.allow ? { allow: expectation.allow } : {}),
  };
}
