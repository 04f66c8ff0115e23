// The document's order of checks (`x-check-order`) as cases: for each pair of checks, a request that fails
// both, which must get the answer of the check made first. Faults are layered so that both stay present: header
// faults, then faults in the JSON value, then in its text, then in its size.
import type { ErrorCase } from '../../../lib/extensions.ts';
import { fieldErrorsOf } from '../../../lib/field-errors.ts';
import { isObject, type Json } from '../../../lib/json.ts';
import { present } from '../../../lib/security.ts';
import type { Case } from '../case.ts';
import { tokenOnly, type OperationContext } from '../context.ts';

/** One fault: what it does to the request, and which part of it that is. */
interface Fault {
  /** Faults of the same part cannot both be present (no token and a wrong token). */
  part: 'token' | 'credential' | 'json' | 'json-credential' | 'text' | 'size' | 'query';
  headers?: Record<string, string | undefined>;
  query?: Record<string, string | undefined>;
  json?: (body: Json) => Json;
  text?: (text: string) => string;
  /** Pad the body to this many bytes when it is sent. */
  padTo?: number;
  fields?: string[];
}

export function orderCases(context: OperationContext): Case[] {
  const faults = faultsOf(context);
  const order = context.operation.checkOrder.filter((errorCase) => faults.has(errorCase));
  const rule = context.operation.object['x-check-order']
    ? `${context.operation.pointer}/x-check-order`
    : '#/x-check-order';
  const cases: Case[] = [];
  for (const [i, first] of order.entries()) {
    for (const second of order.slice(i + 1)) {
      const a = faults.get(first)!;
      const b = faults.get(second)!;
      if (a.part === b.part) continue;
      const expect = context.expectError(first, a.fields ? { fields: a.fields } : {});
      if (!expect) continue;
      const title = `${first} and ${second} at once: ${first} is checked first`;
      cases.push(
        context.make({
          family: 'order',
          part: `order.${first}.before.${second}`,
          title,
          rule,
          request: requestWith(context, [a, b]),
          expect,
        }),
      );
    }
  }
  return cases;
}

function requestWith(context: OperationContext, faults: Fault[]) {
  let body = context.body();
  for (const fault of faults) if (fault.json && body !== undefined) body = fault.json(body);
  let text = body === undefined ? undefined : JSON.stringify(body);
  for (const fault of faults) if (fault.text && text !== undefined) text = fault.text(text);
  const headers = Object.assign({}, ...faults.map((f) => f.headers ?? {}));
  const query = Object.assign({}, ...faults.map((f) => f.query ?? {}));
  const padTo = faults.find((f) => f.padTo !== undefined)?.padTo;
  return context.request({
    headers,
    query,
    ...(text === undefined ? {} : { rawBody: text }),
    ...(padTo === undefined ? {} : { padTo }),
  });
}

/** The faults this operation can be given, by the error case each must cause. */
function faultsOf(context: OperationContext): Map<ErrorCase, Fault> {
  const { operation } = context;
  const faults = new Map<ErrorCase, Fault>();
  const schemes = operation.security.flat();
  if (schemes.length > 0) {
    faults.set('credentials-missing', { part: 'token', ...tokenOnly(operation) });
    const [first] = operation.security[0] ?? [];
    if (first)
      faults.set('credentials-rejected', {
        part: 'token',
        ...tokenOnly(operation, present(first, `invalid-${context.unique()}`)),
      });
  }
  const credentialParameter = operation.parameters.find((p) => p.credential && p.in === 'header');
  if (credentialParameter)
    faults.set('credential-invalid', { part: 'credential', headers: { [credentialParameter.name]: undefined } });

  const root = operation.requestBody?.schema;
  const body = context.body();
  if (root && body !== undefined) {
    if (operation.bodyLimit !== undefined) {
      faults.set('body-too-large', { part: 'size', padTo: operation.bodyLimit + 1 });
    }
    faults.set('body-unparsable', { part: 'text', text: (text) => text.replace(/\}\s*$/, ',}') });
    const [credential] = operation.requestBody?.credentials ?? [];
    if (credential && schemes.length === 0) {
      const wrong = `invalid-${context.unique()}`;
      faults.set('credentials-rejected', {
        part: 'json-credential',
        json: (value) => (isObject(value) ? { ...value, [credential]: wrong } : value),
      });
    }
    // A required property the credential fault leaves alone, so that both faults stay in the body.
    const required = (root.schema.required ?? []).find((name) => isObject(body) && name in body && name !== credential);
    const without = (value: Json) =>
      isObject(value) ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== required)) : value;
    const named = required ? fieldErrorsOf(context.validator.problems(root, without(body))).map((f) => f.field) : [];
    if (required && named.length === 1 && named[0] === required) {
      faults.set('fields-invalid', { part: 'json', fields: [required], json: without });
    }
  } else {
    const parameter = operation.parameters.find((p) => !p.credential && p.required && p.in === 'query');
    if (parameter)
      faults.set('fields-invalid', { part: 'query', query: { [parameter.name]: undefined }, fields: [parameter.name] });
  }
  return faults;
}
