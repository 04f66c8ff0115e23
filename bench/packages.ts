// Issue 12's figures: what each user installs and how soon the mock answers. The three packages are packed and
// installed into an empty project (scripts/consumer.ts); their installed sizes are set against installing the
// whole kit (this checkout's node_modules, what a user had to install before). Then the time from spawn to the
// first 200 of the documented create, a fresh process each round: `npm start` in this checkout, the mock's own
// start under tsx, the installed mock's bin, and a bare node:http server as the baseline of the same run.
import { join } from 'node:path';
import { credentialsOf, environmentFor, type Secrets } from '../lib/credentials.ts';
import { browserBundleBytes, installConsumer } from '../scripts/consumer.ts';
import { folderBytes, installedSizes } from '../scripts/package-sizes.ts';
import { packPackages } from '../scripts/packages.ts';
import { ROOT, firstOk, freePort, scratchDir, startProcess } from './processes.ts';
import type { BenchRequests } from './requests.ts';
import { fixed, heading, median, ratio, table, verdict } from './table.ts';

/** The goals of issue 12, in bytes and milliseconds. */
const GOALS = { clientBundle: 20_000, cli: 30e6, mock: 60e6, npmStart: 3000, mockStart: 1000 };

export interface PackagesOptions {
  rounds: number;
  secrets: Secrets;
}

export async function runPackages(requests: BenchRequests, options: PackagesOptions, print: (text: string) => void) {
  print(heading('4. Packages: installed sizes and time to the first answer (issue 12)'));
  const scratch = scratchDir('packages');
  const app = join(scratch, 'consumer app');
  const tarballs = await packPackages(join(scratch, 'tarballs'));
  await installConsumer(app, tarballs);
  const manifests = ['client', 'conformance', 'mock'].map((name) => ({ name: `@movilitas-kit/${name}` }));
  const [client, cli, mock] = installedSizes(join(app, 'node_modules'), manifests);
  const kit = folderBytes(join(ROOT, 'node_modules'));
  const bundle = await browserBundleBytes(app, client!.name);
  const mb = (bytes: number) => `${fixed(bytes / 1e6)} MB`;
  print(
    table(
      ['what a user installs', 'before (the whole kit)', 'now', 'goal', ''],
      [
        ['the client, with openapi-fetch', mb(kit), mb(client!.bytes), '', ''],
        [
          '  bundled for the browser, minified',
          '',
          `${fixed(bundle / 1000)} kB`,
          '≤ 20 kB',
          verdict(bundle <= GOALS.clientBundle),
        ],
        ['the conformance CLI', mb(kit), mb(cli!.bytes), '≤ 30 MB', verdict(cli!.bytes <= GOALS.cli)],
        ['the mock', mb(kit), mb(mock!.bytes), '≤ 60 MB', verdict(mock!.bytes <= GOALS.mock)],
      ],
    ),
  );

  const env = environmentFor(credentialsOf(requests.contract), 'MOCK_', options.secrets);
  const starts: [string, string, string[]][] = [
    ['npm start (this checkout)', 'npm', ['start', '--silent']],
    ['mock under tsx (mocks/cli.ts)', process.execPath, ['--import', 'tsx', 'mocks/cli.ts']],
    ['installed mock (movilitas-mock)', join(app, 'node_modules/.bin/movilitas-mock'), []],
    ['bare node:http (baseline)', process.execPath, ['bench/bare-server.mjs']],
  ];
  const logDir = scratchDir('starts');
  const medians = new Map<string, number>();
  for (const [name, command, args] of starts) {
    const times = [];
    for (let round = 0; round < options.rounds; round++) {
      const port = await freePort();
      const started = startProcess(command, args, {
        logDir,
        name: `${name.split(' ')[0]}-${round}`,
        env: { ...env, PORT: String(port), BODY: JSON.stringify(requests.successBody) },
      });
      try {
        times.push(await firstOk(`http://127.0.0.1:${port}`, requests.valid, started.startedAt));
      } finally {
        await started.stop();
      }
    }
    medians.set(name, median(times));
  }
  const bare = medians.get(starts.at(-1)![0])!;
  print('');
  print(
    table(
      ['spawn to first 200 (median)', 'ms', 'vs bare', 'goal', ''],
      starts.map(([name], index) => {
        const ms = medians.get(name)!;
        const goal = index === 0 ? GOALS.npmStart : index === 1 || index === 2 ? GOALS.mockStart : undefined;
        return [name, fixed(ms, 0), ratio(ms, bare), goal ? `≤ ${goal} ms` : '', goal ? verdict(ms <= goal) : ''];
      }),
    ),
  );
}
