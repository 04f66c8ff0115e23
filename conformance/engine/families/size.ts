// The documented body size limit (`x-max-body-bytes`): a body of exactly the limit is read, one byte more is
// refused. Both are the operation's first request example padded with white space, which JSON ignores; the
// padding is made when the request is sent, once its secrets are in. Padding only adds bytes: an example
// already past the limit gives no body of exactly the limit, so that case is left out with a note.
import type { Case } from '../case.ts';
import type { OperationContext } from '../context.ts';

export function sizeCases(context: OperationContext): Case[] {
  const { operation } = context;
  const limit = operation.bodyLimit;
  const tooLarge = context.expectError('body-too-large');
  if (limit === undefined || !tooLarge || !operation.requestBody?.jsonMediaType) return [];
  const limited = operation.responses.find((r) => r.maxBodyBytes !== undefined);
  const rule = limited ? `${limited.pointer}/x-max-body-bytes` : operation.pointer;
  const atLimit = context.body();
  const request = context.request({ body: atLimit, padTo: limit });
  const unpadded = Buffer.byteLength(request.body ?? '');
  const cases: Case[] = [];
  if (unpadded > limit) {
    context.note(`size.at-limit left out: the example is ${unpadded} bytes, past the limit of ${limit}`);
  } else {
    cases.push(
      context.make({
        family: 'size',
        part: 'size.at-limit',
        title: `a body of exactly ${limit} bytes is read`,
        rule,
        request,
        expect: context.expectAccepted(atLimit),
      }),
    );
  }
  cases.push(
    context.make({
      family: 'size',
      part: 'size.over-limit',
      title: `a body of ${limit + 1} bytes is refused`,
      rule,
      request: context.request({ padTo: limit + 1 }),
      expect: tooLarge,
    }),
  );
  return cases;
}
