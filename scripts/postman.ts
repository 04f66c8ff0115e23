// `npm run postman`: a Postman collection of the document (openapi-to-postmanv2), with the base URL, token and
// channel key as variables, and one request per documented case, taken from the conformance catalogue, each with
// a test that its answer has the documented status (and message, for errors).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Converter from 'openapi-to-postmanv2';
import { BUNDLE_PATH, isObject, loadContract, type JsonObject } from '../lib/contract.ts';
import { buildCases } from '../conformance/cases.ts';
import { CHANNEL_KEY, type Case } from '../conformance/case.ts';
import { isEntryPoint } from '../lib/entry-point.ts';

export const COLLECTION_PATH = resolve(import.meta.dirname, '../postman/collection.json');

// The catalogue's placeholders are already Postman's variable syntax: {{token}}, {{channelKey}}.
const VARIABLES = { baseUrl: 'http://127.0.0.1:4010', token: '', channelKey: '' };

export async function buildCollection(bundlePath = BUNDLE_PATH): Promise<JsonObject> {
  const converted = await new Promise<JsonObject>((done, fail) =>
    Converter.convertV2(
      { type: 'string', data: readFileSync(bundlePath, 'utf8') },
      { parametersResolution: 'Example', folderStrategy: 'Tags' },
      (error, result) => {
        const collection = result?.result ? result.output?.[0]?.data : undefined;
        if (error || !collection)
          fail(error ?? new Error(`openapi-to-postmanv2: ${result?.reason ?? 'no collection'}`));
        else done(collection as unknown as JsonObject);
      },
    ),
  );
  const contract = loadContract(bundlePath);
  const cases = buildCases(contract, { uniquePrefix: 'postman' });
  useVariablesForCredentials(converted.item as JsonObject[], credentialHeaderNames(contract));
  converted.variable = Object.entries(VARIABLES).map(([key, value]) => ({ key, value, type: 'string' }));
  converted.auth = {
    type: 'apikey',
    apikey: [
      { key: 'key', value: 'x-access-token' },
      { key: 'value', value: '{{token}}' },
      { key: 'in', value: 'header' },
    ],
  };
  (converted.item as JsonObject[]).push({
    name: 'Documented cases',
    description: 'One request per case of the conformance catalogue, each testing the documented answer.',
    item: cases.map(itemFor),
  } as unknown as JsonObject);
  return converted;
}

/** Header parameters marked `x-credential` (the channel key) take the collection variable, not the example. */
function credentialHeaderNames(contract: ReturnType<typeof loadContract>): Set<string> {
  return new Set(
    contract.operations.flatMap((op) =>
      op.parameters.filter((p) => p['x-credential'] === true).map((p) => String(p.name).toLowerCase()),
    ),
  );
}

function useVariablesForCredentials(items: JsonObject[], names: Set<string>): void {
  for (const item of items) {
    if (Array.isArray(item.item)) useVariablesForCredentials(item.item as JsonObject[], names);
    const headers = ((item.request as JsonObject | undefined)?.header ?? []) as JsonObject[];
    for (const header of headers) if (names.has(String(header.key).toLowerCase())) header.value = CHANNEL_KEY;
  }
}

function itemFor(testCase: Case): JsonObject {
  const { request, expect } = testCase;
  const tests = [
    `pm.test('status ${expect.status} (${testCase.rule})', () => pm.response.to.have.status(${expect.status}));`,
  ];
  if (isObject(expect.example) && typeof expect.example.message === 'string') {
    tests.push(
      `pm.test('message as documented', () => pm.expect(pm.response.json().message).to.eql(${JSON.stringify(expect.example.message)}));`,
    );
  }
  return {
    name: `${testCase.id}: ${testCase.title}`,
    request: {
      method: request.method,
      auth: { type: 'noauth' },
      header: Object.entries(request.headers).map(([key, value]) => ({ key, value })),
      url: { raw: `{{baseUrl}}${request.path}`, host: ['{{baseUrl}}'], path: request.path.split('/').filter(Boolean) },
      ...(request.body !== undefined ? { body: { mode: 'raw', raw: request.body } } : {}),
    },
    event: [{ listen: 'test', script: { type: 'text/javascript', exec: tests } }],
  } as unknown as JsonObject;
}

if (isEntryPoint(import.meta.url)) {
  mkdirSync(dirname(COLLECTION_PATH), { recursive: true });
  writeFileSync(COLLECTION_PATH, JSON.stringify(await buildCollection(), null, 2));
  console.log(
    `Wrote ${COLLECTION_PATH}: import it in Postman and set token and channelKey in the collection variables.`,
  );
}
