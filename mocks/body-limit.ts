// How much of a request body the mock reads and keeps, decided by the operation the request is for: its documented
// limit (the `x-max-body-bytes` of its body-too-large answer); for one that takes a body but documents no limit, the
// mock's own; for an operation that takes no body, or a path no operation has, nothing: the body is read and dropped,
// and the request answered as if none was sent. So a GET with a large body gets the GET's answer, never another
// operation's 413.
import type { Route } from '../lib/routing.ts';

/** What the mock keeps of a body where the document sets no limit (1 MiB); beyond it, it answers 413 itself. */
export const OWN_BODY_LIMIT = 1_048_576;

/** The bytes of body kept for this route; undefined: none is kept. */
export function bodyLimitOf(route: Route): number | undefined {
  if (!('operation' in route)) return undefined;
  const { operation } = route;
  return operation.bodyLimit ?? (operation.requestBody ? OWN_BODY_LIMIT : undefined);
}
