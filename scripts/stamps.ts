// What each build step was last run on: a hash of its inputs, kept in .build-stamps.json (committed, like the
// outputs). `npm start` runs a step only when its inputs' hash differs from its stamp, so a fresh clone starts
// the mock at once and an edited document is linted, bundled and put in the docs before the mock answers.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { isObject } from '../lib/json.ts';

const ROOT = resolve(import.meta.dirname, '..');
export const STAMPS_FILE = resolve(ROOT, '.build-stamps.json');

/** The build steps, in the order they run: the docs read what generate writes. */
export const STEPS = ['generate', 'docs'] as const;
export type Step = (typeof STEPS)[number];

/** The files and folders each step reads (tests and READMEs left out); the lockfile stands for the tools' versions. */
export const STEP_INPUTS: Record<Step, string[]> = {
  generate: ['openapi', 'redocly.yaml', '.spectral.yaml', 'scripts/generate.ts', 'package-lock.json'],
  docs: ['generated/openapi.yaml', 'scripts/build-docs.ts', 'scripts/docs', 'lib', 'package-lock.json'],
};

/** One hash over every input file's path and bytes, in a fixed order. */
export function inputsHash(step: Step, root = ROOT): string {
  const hash = createHash('sha256');
  for (const file of STEP_INPUTS[step].flatMap((input) => filesUnder(join(root, input))).sort()) {
    hash
      .update(`${relative(root, file)}\0`)
      .update(readFileSync(file))
      .update('\0');
  }
  return hash.digest('hex');
}

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return /\.test(-d)?\.ts$|\/README\.md$/.test(path) ? [] : [path];
  return readdirSync(path).flatMap((entry) => filesUnder(join(path, entry)));
}

/** The stamps recorded in `file`; none for a step whose stamp is missing or not a hash. */
function readStamps(file: string): Partial<Record<Step, string>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
  const stamps: Partial<Record<Step, string>> = {};
  for (const step of STEPS) {
    const stamp = isObject(parsed) ? parsed[step] : undefined;
    if (typeof stamp === 'string') stamps[step] = stamp;
  }
  return stamps;
}

export function isCurrent(step: Step, root = ROOT, file = STAMPS_FILE): boolean {
  return readStamps(file)[step] === inputsHash(step, root);
}

/** Notes that the step's outputs are what its inputs make now; the steps call it when they wrote the outputs. */
export function recordStamp(step: Step, root = ROOT, file = STAMPS_FILE): void {
  const stamps = { ...readStamps(file), [step]: inputsHash(step, root) };
  const ordered = Object.fromEntries(STEPS.filter((s) => stamps[s]).map((s) => [s, stamps[s]]));
  writeFileSync(file, `${JSON.stringify(ordered, null, 2)}\n`);
}
