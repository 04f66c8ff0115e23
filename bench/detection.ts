// Issue 4's detection table: for the fault-free reference server and each of its deliberately faulty variants,
// does our suite, Dredd and Specmatic flag it? A tool that flags the fault-free server is a false positive, and
// then its "detections" say nothing.
import { FAULTS, startReferenceServer, type FaultName } from '../conformance/fixtures/reference-server.ts';
import { loadContract, type Contract } from '../lib/contract.ts';
import { credentialsOf } from '../lib/credentials.ts';
import { scratchDir } from './processes.ts';
import { fixed, heading, table } from './table.ts';
import { dreddGrader, oursGrader, specmaticGrader, specmaticOverlay, type Tenants, type Verdict } from './tools.ts';

interface Row {
  fault: FaultName | 'none';
  description: string;
  ours: Verdict;
  dredd: Verdict;
  specmatic: Verdict;
}

/** The self-test's second document, with the kinds of operations the contract lacks. */
const FIXTURE = 'test/fixtures/kinds.openapi.yaml';

export interface DetectionOptions {
  tenants: Tenants;
  /** Targets graded at once (each with its own reference server); the tools themselves run one after another. */
  concurrency: number;
  /** Headers a valid request needs besides its body, from the document (for Dredd's hooks). */
  headers: Record<string, string>;
}

/** The three graders, each a function of the URL of a server. */
interface Graders {
  ours: (url: string) => Promise<Verdict>;
  dredd: (url: string, mode?: 'as-is') => Promise<Verdict>;
  specmatic: (url: string, mode?: 'as-is') => Promise<Verdict>;
}

interface Target {
  fault: FaultName | 'none';
  description: string;
}

type Print = (text: string) => void;

export async function runDetection(contract: Contract, options: DetectionOptions, print: Print) {
  print(heading('3. Detection of faulty servers (issue 4)'));
  const { tenants } = options;
  const { credentials } = tenants;
  const work = scratchDir('detection');
  const overlay = specmaticOverlay(contract, credentials, work);
  const graders: Graders = {
    ours: oursGrader(contract, tenants),
    dredd: dreddGrader(options.headers, work),
    specmatic: specmaticGrader(contract, credentials, work, overlay),
  };
  printTools(work, overlay, print);
  await printAsIs(graders, tenants, print);
  const targets: Target[] = [
    { fault: 'none', description: 'fault-free reference server' },
    ...(await applicableFaults(tenants, print)),
  ];
  const started = performance.now();
  const rows = await gradeTargets(targets, graders, options, print);
  const wallS = (performance.now() - started) / 1000;
  const [clean, ...faulty] = rows as [Row, ...Row[]];
  printDetected(clean, faulty, print);
  await printFixtureDetection(clean, faulty, print);
  printFirstComplaints(faulty, print);
  const time = (pick: (r: Row) => Verdict) =>
    fixed(rows.reduce((sum, r) => sum + pick(r).ms, 0) / rows.length / 1000, 2);
  print(
    `\nMean time per server: ours ${time((r) => r.ours)} s, Dredd ${time((r) => r.dredd)} s, Specmatic ${time((r) => r.specmatic)} s; detection wall time ${fixed(wallS, 0)} s (${options.concurrency} servers at a time).`,
  );
  printNotes(print);
  return rows;
}

function printTools(work: string, overlay: string, print: Print) {
  print(`Servers: conformance/fixtures/reference-server.ts in this process on 127.0.0.1, fault-free and with each of its ${FAULTS.length} faults.
  ours       buildCatalogue + runCases (the whole catalogue), flagged when any case fails.
  Dredd      node_modules/.bin/dredd generated/openapi.yaml <url> --hookfiles=bench/dredd-hooks.cjs; flagged when it exits non-zero.
             Hooks add the token and channel key headers; "adjusted" mode (used for the table) also skips the
             non-2xx transactions and ignores content-type parameters (see the hooks file and the as-is row below).
  Specmatic  java -jar node_modules/specmatic/specmatic.jar test --testBaseURL=<url> --overlay-file=<overlay> generated/openapi.yaml
             (cwd ${work}, where it writes build/reports); flagged when it exits non-zero. Token from the environment
             variables named after the security schemes; the overlay (${overlay}) gives the x-channel-key header a
             named example per request example. Its generative (resiliency) tests stay off: see the notes.`);
}

/** Dredd and Specmatic as they come, against the fault-free server: what a user gets without the bench's help. */
async function printAsIs({ dredd, specmatic }: Graders, tenants: Tenants, print: Print) {
  const good = await startReferenceServer(tenants);
  try {
    const [dreddAsIs, specmaticAsIs] = [await dredd(good.url, 'as-is'), await specmatic(good.url, 'as-is')];
    print('\nTools as they come, against the FAULT-FREE reference server (flagged here = false positive):');
    print(
      table(
        ['tool', 'flagged', 'summary', 'first complaint'],
        [
          ['Dredd, hooks add headers only', dreddAsIs.flagged ? 'YES' : 'no', dreddAsIs.summary, dreddAsIs.reason],
          ['Specmatic, no overlay', specmaticAsIs.flagged ? 'YES' : 'no', specmaticAsIs.summary, specmaticAsIs.reason],
        ],
      ),
    );
  } finally {
    await good.close();
  }
}

/** The faults that start on the kit's document (one that names a schema of the fixture only does not). */
async function applicableFaults(tenants: Tenants, print: Print): Promise<typeof FAULTS> {
  const applicable: typeof FAULTS = [];
  for (const fault of FAULTS) {
    try {
      await (await startReferenceServer({ ...tenants, fault: fault.fault })).close();
      applicable.push(fault);
    } catch (error) {
      print(
        `  ${fault.fault}: not on this document (${error instanceof Error ? error.message : String(error)}); npm test grades it on the fixture`,
      );
    }
  }
  return applicable;
}

/** Each target's server graded by the three tools, `concurrency` servers at a time, with a line per server. */
async function gradeTargets(targets: Target[], graders: Graders, options: DetectionOptions, print: Print) {
  const rows: Row[] = new Array(targets.length);
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const index = next++;
      const target = targets[index]!;
      const fault = target.fault === 'none' ? {} : { fault: target.fault };
      const server = await startReferenceServer({ ...options.tenants, ...fault });
      try {
        const row: Row = {
          ...target,
          ours: await graders.ours(server.url),
          dredd: await graders.dredd(server.url),
          specmatic: await graders.specmatic(server.url),
        };
        rows[index] = row;
        const mark = (v: Verdict) => (v.flagged ? 'flagged' : 'passed');
        print(
          `  [${String(index + 1).padStart(2)}/${targets.length}] ${target.fault.padEnd(34)} ours ${mark(row.ours)} (${row.ours.ms} ms), Dredd ${mark(row.dredd)} (${row.dredd.ms} ms), Specmatic ${mark(row.specmatic)} (${row.specmatic.ms} ms)`,
        );
      } finally {
        await server.close();
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return rows;
}

const yes = (v: Verdict) => (v.flagged ? 'yes' : 'no');
const detectedBy = (faulty: Row[], pick: (r: Row) => Verdict) => faulty.filter((r) => pick(r).flagged).length;

function printDetected(clean: Row, faulty: Row[], print: Print) {
  print('\nFault-free reference server (must pass; "yes" would be a false positive):');
  print(
    table(
      ['server', 'ours', 'Dredd', 'Specmatic'],
      [['fault-free', yes(clean.ours), yes(clean.dredd), yes(clean.specmatic)]],
    ),
  );
  print(`  ours: ${clean.ours.summary}; Dredd: ${clean.dredd.summary}; Specmatic: ${clean.specmatic.summary}`);
  print('\nDetected (the tool flags the faulty server):');
  const count = (pick: (r: Row) => Verdict) => String(detectedBy(faulty, pick));
  print(
    table(
      ['fault', 'ours', 'Dredd', 'Specmatic'],
      [
        ...faulty.map((r) => [r.fault, yes(r.ours), yes(r.dredd), yes(r.specmatic)]),
        [`TOTAL detected of ${faulty.length}`, count((r) => r.ours), count((r) => r.dredd), count((r) => r.specmatic)],
      ],
    ),
  );
}

/**
 * Some faults have nothing to show on the kit's document (no array in a body, no number in a query): the fixture
 * document of the self-test has those kinds, so ours is graded there too, fault by fault.
 */
async function printFixtureDetection(clean: Row, faulty: Row[], print: Print) {
  const fixture = loadContract(FIXTURE);
  const valuesOf = (prefix: string) =>
    Object.fromEntries(credentialsOf(fixture).map((c) => [c.key, `${prefix}${c.key}7`]));
  const fixtureTenants: Tenants = { credentials: valuesOf('Bench'), secondTenant: valuesOf('BenchSecond') };
  const oursOnFixture = oursGrader(fixture, fixtureTenants);
  const onFixture = new Map<FaultName, Verdict>();
  for (const { fault } of FAULTS) {
    // A fault that names a schema of the kit's document only (OrderId) does not start on the fixture.
    const server = await startReferenceServer({ ...fixtureTenants, fault, document: fixture }).catch(() => undefined);
    if (!server) continue;
    try {
      onFixture.set(fault, await oursOnFixture(server.url));
    } finally {
      await server.close();
    }
  }
  const cleanFixture = await startReferenceServer({ ...fixtureTenants, document: fixture });
  const fixtureFalsePositive = await oursOnFixture(cleanFixture.url).finally(() => cleanFixture.close());
  const either = FAULTS.filter(
    ({ fault }) => faulty.find((r) => r.fault === fault)?.ours.flagged || onFixture.get(fault)?.flagged,
  );
  const missed = FAULTS.filter((f) => !either.includes(f));
  print(
    `\nOurs on the fixture document (${FIXTURE}), fault by fault (its fault-free server: ${yes(fixtureFalsePositive)}):`,
  );
  print(
    table(
      ['ours', 'this document', 'fixture document', 'either'],
      [
        [
          `detected of ${FAULTS.length}`,
          String(detectedBy(faulty, (r) => r.ours)),
          `${[...onFixture.values()].filter((v) => v.flagged).length} (of ${onFixture.size} that apply)`,
          String(either.length),
        ],
      ],
    ),
  );
  print(`  Missed on both: ${missed.map((f) => `${f.fault} (${f.description})`).join('; ') || 'none'}.`);
  const total = (pick: (r: Row) => Verdict) =>
    `${detectedBy(faulty, pick)}/${faulty.length}${pick(clean).flagged ? ' (FALSE POSITIVE on the fault-free server: its count means nothing)' : ''}`;
  print(
    `Totals: ours ${total((r) => r.ours)}, Dredd ${total((r) => r.dredd)}, Specmatic ${total((r) => r.specmatic)}.`,
  );
  print(
    `Goal (issues 4 and 9): ours detects each fault on a document that can show it: ${either.length}/${FAULTS.length}, ${missed.length === 0 && !clean.ours.flagged && !fixtureFalsePositive.flagged ? 'MET' : 'NOT MET'}.`,
  );
}

function printFirstComplaints(faulty: Row[], print: Print) {
  print('\nWhat each tool reported first, per fault:');
  for (const r of faulty) {
    print(`  ${r.fault}: ${r.description}`);
    print(`      ours:      ${r.ours.flagged ? r.ours.reason : `- (${r.ours.summary})`}`);
    print(`      Dredd:     ${r.dredd.flagged ? r.dredd.reason || r.dredd.summary : `- (${r.dredd.summary})`}`);
    print(
      `      Specmatic: ${r.specmatic.flagged ? r.specmatic.reason || r.specmatic.summary : `- (${r.specmatic.summary})`}`,
    );
  }
}

function printNotes(print: Print) {
  print(`\nNotes:
  - Dredd sends one request per documented status, always the first request example ("only one example is
    supported"); it cannot build the failing requests for 400/401/413/422 from the document, so they are skipped
    and it can only see faults in a 200 answer. Its 3.1 support is partial (it warns that minLength, maximum,
    pattern, additionalProperties, ... are unsupported).
  - Specmatic runs the request examples that have a response example of the same name (seedSample, requiredOnly);
    the others are "ignored" with a warning, and 400/401/413/422 are "not tested" (no paired examples). Its
    generative (resiliency) tests (SPECMATIC_GENERATIVE_TESTS=true) were tried while preparing this bench and left
    out: against the fault-free server they ran for over 5 minutes (43,000+ scenarios, still going) and most failed,
    because they vary x-channel-key to its shortest and longest strings, which the server rightly refuses.`);
}
