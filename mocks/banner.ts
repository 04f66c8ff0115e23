// What the mock prints when it starts: where it listens, the credentials it accepts, and a cURL line for each
// operation of the document, ready to paste. The lines are the documented requests (lib/requests.ts), each secret a
// shell variable set by one `export` line (lib/curl.ts); an operation that issues a token comes first, as a client
// would log in first. README.md and mocks/README.md show these lines as the mock prints them (mocks/cli.test.ts).
import type { Contract } from '../lib/contract.ts';
import type { Credential, Secrets } from '../lib/credentials.ts';
import { curlFor, shellValuesOf } from '../lib/curl.ts';
import { documentedRequest } from '../lib/requests.ts';

export interface Listening {
  contract: Contract;
  /** Where the mock listens: `http://127.0.0.1:4010`. */
  url: string;
  credentials: Credential[];
  /** The value it accepts for each credential, by key. */
  secrets: Secrets;
}

export function banner(listening: Listening): string {
  const { contract, url, credentials, secrets } = listening;
  const prefixes = [...new Set(contract.operations.flatMap((op) => op.servers.map((s) => s.pathPrefix)))];
  const width = Math.max(...credentials.map((c) => c.option.length), 10);
  const tried = tryLines(listening);
  return [
    `Mock of ${contract.title} ${contract.version} is listening.`,
    `  ${'Base URL'.padEnd(width)}  ${url}   (also under ${prefixes.map((p) => `${url}${p}`).join(', ')})`,
    `  ${'Docs'.padEnd(width)}  ${url}/docs`,
    `  ${'Document'.padEnd(width)}  ${url}/openapi.yaml`,
    ...credentials.map(
      (c) => `  ${c.option.padEnd(width)}  ${secrets[c.key]}   (${c.description}; MOCK_${c.env} to change)`,
    ),
    ...(tried.length > 0 ? ['Try:', ...tried.map((line) => `  ${line.replace(/\n/g, '\n  ')}`)] : []),
    'Ctrl-C stops it.',
  ].join('\n');
}

/** The `export` line of the secrets, then one cURL command per operation (each may span lines). */
export function tryLines({ contract, url, credentials, secrets }: Listening): string[] {
  const values = shellValuesOf(credentials);
  const issuersFirst = [
    ...contract.operations.filter((op) => op.issuesToken),
    ...contract.operations.filter((op) => !op.issuesToken),
  ];
  const curls = issuersFirst.map((op) =>
    curlFor(`${url}${op.servers[0]?.pathPrefix ?? ''}`, documentedRequest(op), values, { multiline: true }),
  );
  const exported = credentials.map((c) => `${c.env}=${singleQuoted(secrets[c.key] ?? '')}`);
  return [...(exported.length > 0 ? [`export ${exported.join(' ')}`] : []), ...curls];
}

function singleQuoted(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
