// `npm run bench`: the benchmarks of issues 3 and 4 in one run.
//   1. mock         our mock vs Prism's CLI vs a bare node:http server (autocannon)
//   2. conformance  the full conformance suite against our mock, timed
//   3. detection    our suite, Dredd and Specmatic against the fault-free and the faulty reference servers
//   4. packages     installed sizes of the packages, and spawn to first answer of npm start and the mock
//   5. long-use     the mock with --stored orders: other requests while lists are in flight, peak RSS at its store
//                   limit, and spawn to the first Prefer answer
// Each part's module is loaded only when that part runs.
// Options: bench/options.ts.
import { cpus, loadavg, totalmem } from 'node:os';
import { benchSettings, USAGE, type BenchSettings } from './options.ts';
import { installCleanup, killAll, removeScratch } from './processes.ts';
import { benchRequests } from './requests.ts';
import type { Tenants } from './tools.ts';

/**
 * Credentials the bench gives every server it starts (the mock, the reference servers); the second tenant's let the
 * tenancy cases run in the conformance timing and the detection table.
 */
const TENANTS: Tenants = {
  credentials: {
    token: 'bench-token-3f9a',
    channelKey: 'BenchChannelKey2024',
    apiKey: 'bench-api-key',
    apiSecret: 'bench-api-secret',
  },
  secondTenant: {
    token: 'bench-second-token-7c21',
    channelKey: 'BenchSecondKey7',
    apiKey: 'bench-second-api-key',
    apiSecret: 'bench-second-api-secret',
  },
};

async function run(argv: string[]): Promise<number> {
  let options: BenchSettings;
  try {
    options = benchSettings(argv);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  installCleanup();
  const print = (text: string) => console.log(text);
  const { credentials } = TENANTS;
  const requests = benchRequests(credentials);
  const started = performance.now();
  print(
    `npm run bench: ${new Date().toISOString()}, Node ${process.version}, ${cpus().length} CPU(s) (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at start`,
  );
  print(
    `Parts: ${[...options.parts].join(', ')}. The load generator, the suites and the in-process reference servers share these CPUs with the servers under test.`,
  );

  if (options.parts.has('mock')) {
    const { runMockThroughput } = await import('./mock-throughput.ts');
    await runMockThroughput(requests, { ...options, secrets: credentials }, print);
  }
  if (options.parts.has('conformance')) {
    const { runConformanceTiming } = await import('./conformance-timing.ts');
    await runConformanceTiming(requests.contract, { rounds: options.rounds, tenants: TENANTS }, print);
  }
  if (options.parts.has('detection')) {
    const headers = Object.fromEntries(
      Object.entries(requests.valid.headers).filter(([name]) => name !== 'content-type'),
    );
    const { runDetection } = await import('./detection.ts');
    await runDetection(requests.contract, { tenants: TENANTS, headers, concurrency: options.concurrency }, print);
  }
  if (options.parts.has('packages')) {
    const { runPackages } = await import('./packages.ts');
    await runPackages(requests, { rounds: options.rounds, secrets: credentials }, print);
  }
  if (options.parts.has('long-use')) {
    const { runMockLongUse } = await import('./mock-long-use.ts');
    const { rounds, durationS, stored } = options;
    await runMockLongUse(requests, { rounds, durationS, stored, secrets: credentials }, print);
  }
  print(
    `Load average at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (the bench itself keeps about 2 busy; more means other work shared the CPUs).`,
  );
  const kept = removeScratch(options.keepLogs);
  print(
    `\nBench finished in ${((performance.now() - started) / 1000).toFixed(0)} s.${kept.length ? ` Logs kept in ${kept.join(', ')}` : ''}`,
  );
  return 0;
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  console.error(`Bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  const kept = removeScratch(true);
  if (kept.length) console.error(`Logs kept in ${kept.join(', ')}`);
  process.exitCode = 1;
} finally {
  killAll();
}
