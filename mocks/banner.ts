// What the mock prints when it starts: where it listens, the credentials it accepts (a second tenant's too), and a
// cURL line for each operation of the document, ready to paste. The lines are the documented requests
// (lib/requests.ts), each secret a shell variable set by one `export` line (lib/curl.ts), a second tenant's by another
// (SECOND_TOKEN, …); an operation that issues a token comes first, as a client would log in first. README.md and
// mocks/README.md show these lines as the mock prints them (mocks/cli.test.ts).
import type { Contract } from '../lib/contract.ts';
import { ofSecondTenant, type Credential, type Secrets } from '../lib/credentials.ts';
import { curlFor, shellValuesOf } from '../lib/curl.ts';
import { documentedRequest } from '../lib/requests.ts';

export interface Listening {
  contract: Contract;
  /** Where the mock listens: `http://127.0.0.1:4010`. */
  url: string;
  credentials: Credential[];
  /** The value it accepts for each credential, by key. */
  secrets: Secrets;
  /** A second tenant's values, by the first tenant's keys; none when it has one tenant. */
  secondTenant?: Secrets;
}

export function banner(listening: Listening): string {
  const { contract, url, credentials, secrets, secondTenant } = listening;
  const prefixes = [...new Set(contract.operations.flatMap((op) => op.servers.map((s) => s.pathPrefix)))];
  const seconds = secondTenant ? credentials.map(ofSecondTenant) : [];
  const width = Math.max(...[...credentials, ...seconds].map((c) => c.option.length), 10);
  const line = (c: Credential, value: string | undefined) =>
    `  ${c.option.padEnd(width)}  ${value}   (${c.description}; MOCK_${c.env} to change)`;
  const tried = tryLines(listening);
  return [
    `Mock of ${contract.title} ${contract.version} is listening.`,
    `  ${'Base URL'.padEnd(width)}  ${url}   (also under ${prefixes.map((p) => `${url}${p}`).join(', ')})`,
    `  ${'Docs'.padEnd(width)}  ${url}/docs`,
    `  ${'Document'.padEnd(width)}  ${url}/openapi.yaml`,
    ...credentials.map((c) => line(c, secrets[c.key])),
    ...(secondTenant
      ? credentials.map((c, i) => line(seconds[i]!, secondTenant[c.key]))
      : credentials.length > 0
        ? [
            `  ${'Tenants'.padEnd(width)}  one   (MOCK_${ofSecondTenant(credentials[0]!).env} or another MOCK_SECOND_… starts a second)`,
          ]
        : []),
    ...(tried.length > 0 ? ['Try:', ...tried.map((line) => `  ${line.replace(/\n/g, '\n  ')}`)] : []),
    'Ctrl-C stops it.',
  ].join('\n');
}

/** The `export` line of the secrets (and one of a second tenant's), then one cURL command per operation. */
export function tryLines({ contract, url, credentials, secrets, secondTenant }: Listening): string[] {
  const values = shellValuesOf(credentials);
  const issuersFirst = [
    ...contract.operations.filter((op) => op.issuesToken),
    ...contract.operations.filter((op) => !op.issuesToken),
  ];
  const curls = issuersFirst.map((op) =>
    curlFor(`${url}${op.servers[0]?.pathPrefix ?? ''}`, documentedRequest(op), values, { multiline: true }),
  );
  const exports = [exportLine(credentials, secrets)];
  if (secondTenant) exports.push(exportLine(credentials.map(ofSecondTenant), secondTenant, credentials));
  return [...exports.filter((line) => line !== undefined), ...curls];
}

/** `export TOKEN='…' CHANNEL_KEY='…'`: each credential's variable, its value found by the key of `keyedBy`'s. */
function exportLine(named: Credential[], values: Secrets, keyedBy = named): string | undefined {
  const exported = named.map((c, i) => `${c.env}=${singleQuoted(values[keyedBy[i]!.key] ?? '')}`);
  return exported.length > 0 ? `export ${exported.join(' ')}` : undefined;
}

function singleQuoted(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
