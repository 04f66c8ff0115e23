// No import cycles among the kit's modules: a module's imports form a tree a reader can follow from the entry points
// down to lib/. Read from the source (relative `import`/`export … from`, type-only imports included, since a cycle of
// types is a cycle of ideas too), so it holds for files no test imports.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const IMPORT = /^\s*(?:import|export)\b[^'"]*?\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/gm;

/** Every TypeScript module git knows of, tests and declaration files left out, relative to the root. */
function modules(): string[] {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return files.split('\n').filter((file) => file && !/\.test(-d)?\.ts$|\.d\.ts$/.test(file));
}

function importsOf(file: string, known: Set<string>): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(IMPORT)]
    .map(([, specifier]) => relative(ROOT, resolve(ROOT, dirname(file), specifier!)))
    .filter((target) => known.has(target));
}

/** The cycles found by a depth-first walk, each as the chain of files that closes it. */
function cyclesIn(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[][] = [];
  const visit = (file: string, path: string[]) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      cycles.push([...path.slice(path.indexOf(file)), file]);
      return;
    }
    state.set(file, 'open');
    for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
    state.set(file, 'done');
  };
  for (const file of graph.keys()) visit(file, []);
  return cycles;
}

it('finds a cycle when there is one', () => {
  const graph = new Map([
    ['a.ts', ['b.ts']],
    ['b.ts', ['c.ts']],
    ['c.ts', ['a.ts']],
    ['d.ts', ['a.ts']],
  ]);
  expect(cyclesIn(graph)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
});

it('the kit has no import cycle', () => {
  const files = modules();
  const known = new Set(files);
  const graph = new Map(files.map((file) => [file, importsOf(file, known)]));
  expect([...graph.values()].flat().length, 'the import pattern found no import at all').toBeGreaterThan(100);
  expect(cyclesIn(graph).map((cycle) => cycle.join(' → '))).toEqual([]);
});

/** The conformance suite's stages, lowest first: a stage may import the ones below it, never one above. */
const STAGES = ['engine', 'run', 'report', 'cli'] as const;

/** Each import of a stage of conformance/ that goes up the stages, or into the suite's test fixtures. */
function layeringFaults(graph: Map<string, string[]>): string[] {
  const stageOf = (file: string) => STAGES.findIndex((stage) => file.startsWith(`conformance/${stage}/`));
  return [...graph].flatMap(([file, imports]) =>
    imports
      .filter((target) => {
        const [from, to] = [stageOf(file), stageOf(target)];
        return from >= 0 && (to > from || target.startsWith('conformance/fixtures/'));
      })
      .map((target) => `${file} → ${target}`),
  );
}

it('finds an import that goes up the stages', () => {
  const graph = new Map([
    ['conformance/engine/case.ts', ['conformance/run/runner.ts', 'lib/json.ts']],
    ['conformance/report/report.ts', ['conformance/run/checks.ts', 'conformance/engine/case.ts']],
    ['conformance/run/runner.ts', ['conformance/fixtures/test-kit.ts']],
  ]);
  expect(layeringFaults(graph)).toEqual([
    'conformance/engine/case.ts → conformance/run/runner.ts',
    'conformance/run/runner.ts → conformance/fixtures/test-kit.ts',
  ]);
});

it('conformance/ imports only down its stages: engine, then run, then report, then cli', () => {
  const files = modules();
  const known = new Set(files);
  const graph = new Map(files.map((file) => [file, importsOf(file, known)]));
  expect(STAGES.every((stage) => files.some((file) => file.startsWith(`conformance/${stage}/`)))).toBe(true);
  expect(layeringFaults(graph)).toEqual([]);
});
