// The options of `npm run bench`: --only mock|conformance|detection|packages|long-use (comma-separated), --rounds 3,
// --duration 5, --warmup 1, --connections 10, --concurrency 2 (detection targets at once), --stored 100000
// (long-use), --keep-logs (keep the servers' and tools' output in /tmp/bench-*; it is kept anyway when the bench
// fails). Counts are read strictly (lib/whole-number.ts): `--rounds 0x3` is refused, not read as 3.
import { parseArgs } from 'node:util';
import { wholeNumber } from '../lib/whole-number.ts';

export const PARTS = ['mock', 'conformance', 'detection', 'packages', 'long-use'] as const;
type Part = (typeof PARTS)[number];

export const USAGE = `Usage: npm run bench -- [--only mock,conformance,detection,packages,long-use] [--rounds 3] [--duration 5] [--warmup 1] [--connections 10] [--concurrency 2] [--stored 100000] [--keep-logs]`;

/** The options of `npm run bench`; throws, naming the option, on a bad one. */
export function benchSettings(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      only: { type: 'string' },
      rounds: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      concurrency: { type: 'string' },
      stored: { type: 'string' },
      'keep-logs': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  const whole = (name: string, raw: string | undefined, fallback: number) => {
    const value = raw === undefined ? fallback : wholeNumber(raw);
    if (value === undefined || value < 1)
      throw new Error(`--${name} must be a whole number above 0 in decimal digits, got ${JSON.stringify(raw)}`);
    return value;
  };
  const only = (values.only ?? PARTS.join(','))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = only.filter((p) => !PARTS.includes(p as Part));
  if (unknown.length) throw new Error(`--only takes ${PARTS.join(', ')}; not ${unknown.join(', ')}`);
  return {
    help: values.help ?? false,
    keepLogs: values['keep-logs'] ?? false,
    parts: new Set(only as Part[]),
    rounds: whole('rounds', values.rounds, 3),
    durationS: whole('duration', values.duration, 5),
    warmupS: whole('warmup', values.warmup, 1),
    connections: whole('connections', values.connections, 10),
    concurrency: whole('concurrency', values.concurrency, 2),
    stored: whole('stored', values.stored, 100_000),
  };
}

export type BenchSettings = ReturnType<typeof benchSettings>;
