// The samples on their own, for the real document and the fixture: each cURL line is the documented request, and
// each TypeScript sample, run with a stand-in for the client, makes the calls the client interface describes.
// (docs/docs.test.ts runs both against the mock, the TypeScript one with the real client.)
import { spawnSync } from 'node:child_process';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { contractFrom, loadContract, type Contract, type Json, type Operation } from '../../lib/contract.ts';
import { credentialKey, credentialsOf, placeholder, TOKEN } from '../../lib/credentials.ts';
import { assemble, exampleOf } from '../../lib/requests.ts';
import {
  CLIENT_PACKAGE,
  codeSamples,
  credentialsUsed,
  curlSample,
  sampleRequests,
  samplesAt,
  serverName,
  typescriptSample,
} from './samples.ts';

const FIXTURE = 'test/fixtures/kinds.openapi.yaml';
const documents: [string, Contract][] = [
  ['the contract', loadContract()],
  ['the fixture', loadContract(FIXTURE)],
];

/** A value per credential, and its environment variable. */
function secretsOf(contract: Contract) {
  const credentials = credentialsOf(contract);
  return {
    env: Object.fromEntries(credentials.map((c) => [c.env, `Sample${c.key}42`])),
    byPlaceholder: new Map(credentials.map((c) => [placeholder(c.key), `Sample${c.key}42`])),
  };
}

/** The JSON value with every credential placeholder replaced by its value, as the sample's reader would send it. */
function filled(value: Json, byPlaceholder: Map<string, string>): Json {
  return JSON.parse(
    JSON.stringify(value).replace(/\{\{[^{}]+\}\}/g, (mark) => byPlaceholder.get(mark) ?? mark),
  ) as Json;
}

interface Recorded {
  options: Record<string, unknown>;
  calls: { operationId: string; argument: Record<string, Json> | undefined }[];
  printed: string[];
}

/** Runs a TypeScript sample (transpiled, as tsx would) with a stand-in `createClient` that records what it gets. */
async function runWithStandIn(source: string, env: Record<string, string>): Promise<Recorded> {
  const { outputText, diagnostics = [] } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    reportDiagnostics: true,
  });
  expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  expect(outputText).toContain(`from '${CLIENT_PACKAGE}'`);
  const body = outputText.replace(/^import .*$/m, '');
  const recorded: Recorded = { options: {}, calls: [], printed: [] };
  const createClient = (options: Record<string, unknown>) => {
    recorded.options = options;
    return new Proxy(
      {},
      {
        get: (_, operationId: string) => async (argument?: Record<string, Json>) => {
          recorded.calls.push({ operationId, argument });
          return { ok: true, status: 299 };
        },
      },
    );
  };
  const console = { log: (...values: unknown[]) => recorded.printed.push(values.join(' ')) };
  const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
    ...args: string[]
  ) => (...values: unknown[]) => Promise<void>;
  await new AsyncFunction('createClient', 'process', 'console', body)(createClient, { env }, console);
  return recorded;
}

describe.each(documents)('the samples of %s', (_, contract) => {
  const { env, byPlaceholder } = secretsOf(contract);

  describe.each(contract.operations.map((op): [string, Operation] => [op.operationId, op]))('%s', (_, operation) => {
    const requests = sampleRequests(operation);
    const base = operation.servers.at(-1)?.defaultUrl ?? '';
    const [curl, typescript] = samplesAt(contract, operation, base);

    it('the page has both samples for each server, each tab named by its server when there are several', () => {
      const urls = operation.servers.map((server) => server.defaultUrl);
      const expected = (urls.length > 0 ? urls : ['']).flatMap((url) =>
        samplesAt(contract, operation, url, urls.length > 1 ? serverName(url, urls) : ''),
      );
      const samples = codeSamples(contract, operation);
      expect(samples).toEqual(expected);
      expect(new Set(samples.map((s) => s.label)).size).toBe(samples.length);
      if (urls.length === 1) expect(samples.map((s) => s.label)).toEqual(['cURL', 'TypeScript']);
    });

    it('sends every named request example, or the documented request when there is none', () => {
      const names = operation.requestBody?.examples.map((ex) => ex.name) ?? [];
      expect(requests.map((r) => r.name)).toEqual(names.length > 0 ? names : [operation.operationId]);
    });

    it('cURL: one command per request, on the given server, every path and query parameter filled', () => {
      const urls = [...curl!.source.matchAll(/^curl -X (\S+) '([^']+)'/gm)];
      expect(urls.map(([, method]) => method)).toEqual(requests.map(() => operation.method));
      for (const [index, [, , url]] of urls.entries()) {
        expect(url).toBe(`${base}${assemble(operation.path, requests[index]!.parts).path}`);
        expect(url).not.toMatch(/\{[^}]*\}/);
        for (const parameter of operation.parameters.filter((p) => p.in === 'query' || p.in === 'path')) {
          const example = exampleOf(parameter);
          if (example !== undefined) expect(url).toContain(encodeURIComponent(String(example)));
        }
      }
    });

    it('cURL: each credential the request carries comes from its environment variable, and no other secret', () => {
      const used = credentialsUsed(contract, requests);
      for (const credential of credentialsOf(contract)) {
        const variable = `\${${credential.env}}`;
        if (used.some((c) => c.key === credential.key)) expect(curl!.source).toContain(variable);
        else expect(curl!.source).not.toContain(variable);
        if (credential.example) expect(curl!.source).not.toContain(credential.example);
      }
      expect(used.some((c) => c.key === TOKEN)).toBe(operation.security.some((alternative) => alternative.length > 0));
    });

    it('TypeScript: run with a stand-in client, it calls the operation once per request with the documented values', async () => {
      const recorded = await runWithStandIn(typescript!.source, env);
      // The token and credential parameters are the client's options; a body's credential fields stay in the body.
      const parameterCredentials = operation.parameters.filter((p) => p.credential).map((p) => credentialKey(p.name));
      const options = credentialsUsed(contract, requests).filter(
        (c) => c.key === TOKEN || parameterCredentials.includes(c.key),
      );
      expect(recorded.options).toEqual({
        baseUrl: base,
        ...Object.fromEntries(options.map((c) => [c.key, env[c.env]])),
      });
      expect(recorded.calls.map((c) => c.operationId)).toEqual(requests.map(() => operation.operationId));
      for (const [index, { parts }] of requests.entries()) {
        const argument = recorded.calls[index]!.argument ?? {};
        expect(argument.body).toEqual(parts.body === undefined ? undefined : filled(parts.body, byPlaceholder));
        for (const location of ['path', 'query'] as const) {
          const sent = operation.parameters.filter((p) => p.in === location && !p.credential);
          const expected = Object.fromEntries(
            sent
              .filter((p) =>
                location === 'path' ? p.name in parts.pathValues : parts.query.some(([k]) => k === p.name),
              )
              .map((p) => [p.name, exampleOf(p)!]),
          );
          expect(argument[location] ?? {}).toEqual(expected);
        }
      }
      expect(recorded.printed).toEqual(requests.map((r) => `${r.name} 299`));
    });
  });
});

describe('the TypeScript sample of a read', () => {
  it('is the one-line call of the client interface, with the query example as the document types it', () => {
    const contract = loadContract();
    const details = contract.operations.find((op) => op.resource?.action === 'read')!;
    const [parameter] = details.parameters.filter((p) => p.in === 'query' && p.required);
    const call = `await client.${details.operationId}({ query: { ${parameter!.name}: '${exampleOf(parameter!)}' } });`;
    expect(typescriptSample(contract, details, 'http://x')).toContain(call);
  });

  it('keeps a number a number', async () => {
    const contract = loadContract(FIXTURE);
    const read = contract.operations.find((op) => op.resource?.action === 'read')!;
    const numeric = read.parameters.find((p) => p.in === 'query' && typeof exampleOf(p) === 'number')!;
    const recorded = await runWithStandIn(typescriptSample(contract, read, 'http://x'), secretsOf(contract).env);
    expect(recorded.calls[0]!.argument!.query).toMatchObject({ [numeric.name]: exampleOf(numeric) });
  });
});

describe('serverName', () => {
  it('is the host, or the URL without its scheme where two servers share a host', () => {
    const urls = ['https://api.example.test/v2', 'http://127.0.0.1:4010/v2', 'http://127.0.0.1:4010/v3'];
    expect(serverName(urls[0]!, urls)).toBe('api.example.test');
    expect(serverName(urls[1]!, urls)).toBe('127.0.0.1:4010/v2');
    expect(serverName('/relative', ['/relative', 'https://x.test'])).toBe('/relative');
  });
});

describe('a sample of awkward text', () => {
  // Quotes, a line break, `${…}` and backquotes in a body, a line break in a summary, a secret in the body.
  const awkward = `it's "quoted"\nsecond line \${HOME} \`date\` \\ end`;
  const contract = contractFrom({
    openapi: '3.1.0',
    info: { title: 'Awkward', version: '1' },
    servers: [{ url: 'https://example.test/base' }],
    paths: {
      '/notes': {
        post: {
          operationId: 'createNote',
          summary: 'Create\na note',
          requestBody: {
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { text: { type: 'string' }, secret: { type: 'string', 'x-credential': true } },
                },
                examples: { odd: { summary: 'Two\nlines', value: { text: awkward, secret: 'not-this' } } },
              },
            },
          },
          responses: { '201': { description: 'Made.' } },
        },
      },
    },
  });
  const operation = contract.operations[0]!;
  const sent = { text: awkward, secret: 'S3cret' };

  it('TypeScript: the stand-in client gets the body as the document has it, the secret from the environment', async () => {
    const recorded = await runWithStandIn(typescriptSample(contract, operation, 'https://x'), { SECRET: 'S3cret' });
    expect(recorded.calls[0]!.argument).toEqual({ body: sent });
    expect(recorded.printed).toEqual(['odd 299']);
  });

  it.skipIf(spawnSync('bash', ['--version']).status !== 0)('cURL: bash hands curl the same body', () => {
    const script = `curl() { for arg in "$@"; do printf '%s\\0' "$arg"; done; }\n${curlSample(contract, operation, 'https://x')}`;
    const run = spawnSync('bash', ['-e'], { input: script, env: { ...process.env, SECRET: 'S3cret' } });
    const args = run.stdout.toString().split('\0');
    expect(run.stderr.toString()).toBe('');
    expect(JSON.parse(args[args.indexOf('--data-raw') + 1]!)).toEqual(sent);
    expect(args.slice(0, 3)).toEqual(['-X', 'POST', 'https://x/notes']);
  });
});
