// No function of the kit's code is longer than a reader can hold at once: over 80 lines, a function is split into
// named steps. Measured with the TypeScript compiler's own syntax tree, from the first line of a function to its
// last, for every function, method, arrow and accessor of every module git knows of (tests and declarations aside).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const MOST_LINES = 80;

/** Every function of `text` with more lines than `most`, as `file:line name (lines)`. */
function longFunctions(file: string, text: string, most = MOST_LINES): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = node.name?.getText(source) ?? nameOfHolder(node);
      if (last - first + 1 > most) found.push(`${file}:${first + 1} ${name} (${last - first + 1} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** An arrow or function expression is named by what holds it: `const run = () => …` is `run`. */
function nameOfHolder(node: ts.Node): string {
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && parent.name)
    return parent.name.getText();
  return '(anonymous)';
}

function modules(): string[] {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.mts'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return files
    .split('\n')
    .filter((file) => file && !/\.test(-d)?\.ts$|\.d\.ts$/.test(file) && !file.startsWith('generated/'));
}

it('finds a function over the limit, named by what holds it', () => {
  const body = Array.from({ length: 5 }, (_, i) => `  const v${i} = ${i};`).join('\n');
  const text = `const short = () => 1;\nexport const run = () => {\n${body}\n};\n`;
  expect(longFunctions('x.ts', text, 4)).toEqual(['x.ts:2 run (7 lines)']);
});

it(`has no function over ${MOST_LINES} lines in the kit's code`, () => {
  const files = modules();
  expect(files.length).toBeGreaterThan(100);
  expect(files.flatMap((file) => longFunctions(file, readFileSync(join(ROOT, file), 'utf8')))).toEqual([]);
});
