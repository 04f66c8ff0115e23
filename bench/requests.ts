// The requests the bench sends, all taken from the bundled document: the valid body is the operation's first
// named request example; the invalid body is the conformance catalogue's case that breaks a documented bound
// (a 422 case), so no body is written here by hand.
import { isObject, loadContract, successResponse, type Contract, type JsonObject } from '../lib/contract.ts';
import { buildCases } from '../conformance/cases.ts';
import type { Case } from '../conformance/case.ts';
import { fillSecrets } from '../conformance/runner.ts';

export interface BenchRequest {
  label: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  expectedStatus: number;
}

export interface BenchRequests {
  contract: Contract;
  valid: BenchRequest;
  invalid: BenchRequest;
  /** The documented success body for the valid request (the first example of the success response). */
  successBody: JsonObject;
}

export function benchRequests(credentials: { token: string; channelKey: string }): BenchRequests {
  const contract = loadContract();
  const operation = contract.operations[0];
  if (!operation) throw new Error('the document has no operation');
  const cases = buildCases(contract, { uniquePrefix: 'bench' });

  const media = (contract.resolve(operation.raw.requestBody as JsonObject).content as JsonObject)[
    'application/json'
  ] as JsonObject;
  const [exampleName, example] = Object.entries((media.examples as JsonObject | undefined) ?? {})[0] ?? [];
  const exampleValue = example ? (contract.resolve(example as JsonObject) as JsonObject).value : undefined;
  if (!exampleName || !isObject(exampleValue)) throw new Error('the operation has no named request example');
  // The success case of that example gives the headers the document asks for (token, channel key, content type).
  const successCase = cases.find((c) => c.id === `success.example.${exampleName}`);
  if (!successCase) throw new Error(`no success case for the example ${exampleName}`);

  // A rule broken just past its bound: prefer a maximum, else any 422 case of the catalogue.
  const invalidCases = cases.filter(
    (c) => c.area === 'body rules' && c.expect.errorCase === 'body-invalid' && c.expect.fields?.length === 1,
  );
  const invalidCase = invalidCases.find((c) => c.id.endsWith('.above-maximum')) ?? invalidCases[0];
  if (!invalidCase) throw new Error('the catalogue has no body-rule case');

  const success = successResponse(operation);
  const successBody = success?.examples[0]?.value;
  if (!success || !isObject(successBody)) throw new Error('the document has no success example');

  const fill = (c: Case): Record<string, string> =>
    Object.fromEntries(
      Object.entries(c.request.headers).map(([name, value]) => [name, fillSecrets(value, credentials)]),
    );
  return {
    contract,
    successBody,
    valid: {
      label: `request example "${exampleName}"`,
      method: operation.method,
      path: operation.path,
      headers: fill(successCase),
      body: JSON.stringify(exampleValue),
      expectedStatus: Number(success.status),
    },
    invalid: {
      label: `case ${invalidCase.id} (${invalidCase.title})`,
      method: invalidCase.request.method,
      path: invalidCase.request.path,
      headers: fill(invalidCase),
      body: invalidCase.request.body ?? '',
      expectedStatus: invalidCase.expect.status,
    },
  };
}
