// `movilitas-mock` (`npm run mock` in a checkout): starts the mock on 127.0.0.1 and says how to use it. Each credential the document needs is
// taken from MOCK_<NAME> (MOCK_TOKEN, MOCK_CHANNEL_KEY), else the document's example, else a word that says
// what it is. Any MOCK_SECOND_<NAME> starts a second tenant; its credentials not set are derived from the first's.
import { parseArgs } from 'node:util';
import { BUNDLE_PATH } from '../lib/contract.ts';
import { credentialsOf, ofSecondTenant, type Credential, type Secrets } from '../lib/credentials.ts';
import { defaultMockPort } from '../lib/servers.ts';
import { wholeNumber } from '../lib/whole-number.ts';
import { banner } from './banner.ts';
import manifest from './package.json' with { type: 'json' };
import { isPrismThread } from './prism-thread.ts';
import { readMockDocument, RESET_PATH, startMockServer, type MockDocument } from './server.ts';
import { DEFAULT_MAX_ITEMS } from './store.ts';
import { secondTenantDefaults, sharedKeys } from './tenants.ts';

const [BIN] = Object.keys(manifest.bin);
const USAGE = [
  `Usage: ${BIN} [--document <bundled OpenAPI document>]   (npm run mock -- … in a checkout)`,
  '',
  "  --document <path>   the bundled OpenAPI document to answer for (default: the kit's own)",
  '  --help, --version',
  '',
  "Environment: PORT (default: the port of the document's loopback server, else 4010; 0 picks a free one),",
  `MOCK_MAX_ITEMS (items of one resource it stores at most, default ${DEFAULT_MAX_ITEMS}; then a create gets 507`,
  `until POST ${RESET_PATH}), MOCK_<CREDENTIAL> for each credential it accepts`,
  "(MOCK_TOKEN, MOCK_CHANNEL_KEY, …; default: the document's example), and MOCK_SECOND_<CREDENTIAL>",
  '(MOCK_SECOND_TOKEN, MOCK_SECOND_CHANNEL_KEY, …): any of them starts a second tenant, with its own items and',
  "tokens; those not set are the first tenant's with `second` in front.",
].join('\n');

/**
 * A whole number from the environment, in decimal digits (lib/whole-number.ts), from `min` to `max`; the fallback
 * when unset or empty (an empty variable is none, as an empty MOCK_<CREDENTIAL> is). Throws the line to print.
 */
function fromEnvironment(name: string, fallback: number, min: number, max: number): number {
  const text = process.env[name];
  if (!text) return fallback;
  const value = wholeNumber(text);
  if (value !== undefined && value >= min && value <= max) return value;
  throw new Error(
    `${name} must be a whole number from ${min} to ${max} in decimal digits, got ${JSON.stringify(text)}`,
  );
}

/**
 * The second tenant's values, by the first tenant's keys, when any MOCK_SECOND_<CREDENTIAL> is set (an empty one is
 * none): those set, and the first's with `second` in front for the others. Undefined: one tenant.
 */
function secondTenantOf(credentials: Credential[], first: Secrets): Secrets | undefined {
  const given = credentials.flatMap((c) => {
    const value = process.env[`MOCK_${ofSecondTenant(c).env}`];
    return value ? [[c.key, value] as const] : [];
  });
  return given.length > 0 ? { ...secondTenantDefaults(first), ...Object.fromEntries(given) } : undefined;
}

async function main(argv: string[]): Promise<number> {
  let path = BUNDLE_PATH;
  let version = false;
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: { document: { type: 'string' }, help: { type: 'boolean' }, version: { type: 'boolean' } },
    });
    if (values.help) return (console.log(USAGE), 0);
    version = values.version ?? false;
    path = values.document ?? BUNDLE_PATH;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  let document: MockDocument;
  try {
    document = readMockDocument(path);
  } catch (error) {
    console.error(`Cannot read the document ${path}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const { contract } = document;
  let port: number;
  let maxItems: number;
  try {
    port = fromEnvironment('PORT', defaultMockPort(contract), 0, 65535);
    maxItems = fromEnvironment('MOCK_MAX_ITEMS', DEFAULT_MAX_ITEMS, 1, Number.MAX_SAFE_INTEGER);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  if (version) return (console.log(`${BIN} ${manifest.version} (contract ${contract.title} ${contract.version})`), 0);
  const credentials = credentialsOf(contract);
  const secrets: Secrets = Object.fromEntries(
    credentials.map((c) => [c.key, process.env[`MOCK_${c.env}`] || c.example || `mock-${c.option}`]),
  );
  const secondTenant = secondTenantOf(credentials, secrets);
  const shared = secondTenant ? sharedKeys(secrets, secondTenant) : [];
  if (shared.length > 0) {
    const names = credentials.filter((c) => shared.includes(c.key));
    console.error(
      `${names.map((c) => `MOCK_${ofSecondTenant(c).env}`).join(', ')} must differ from ${names.map((c) => `MOCK_${c.env}`).join(', ')}: a credential names its tenant`,
    );
    return 2;
  }
  try {
    const mock = await startMockServer({
      credentials: secrets,
      ...(secondTenant ? { secondTenant } : {}),
      port,
      host: '127.0.0.1',
      document,
      maxItems,
    });
    console.log(banner({ contract, url: mock.url, credentials, secrets, secondTenant }));
    const stop = () => void mock.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return 0;
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    console.error(
      code === 'EADDRINUSE'
        ? `Port ${port} is in use: set PORT to another one.`
        : `Mock failed to start: ${String(error)}`,
    );
    return 2;
  }
}

// In the bundled package this file is also what Prism's thread runs (prism-thread.ts): that thread starts no server.
if (!isPrismThread) {
  const code = await main(process.argv.slice(2));
  if (code !== 0) process.exit(code);
}
