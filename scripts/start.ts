// `npm start`: the mock with its docs, at once. Each build step runs first only when its inputs changed since it
// last ran (scripts/stamps.ts): on a fresh clone none does, since generated/ and docs/index.html are committed.
import { execFileSync } from 'node:child_process';
import { isCurrent, STEP_INPUTS, STEPS, type Step } from './stamps.ts';

/** The npm scripts of each step, in order (Spectral lints the bundle generate writes); generate and docs record their stamps. */
const SCRIPTS: Record<Step, string[]> = { generate: ['generate', 'lint'], docs: ['docs'] };

for (const step of STEPS) {
  if (isCurrent(step)) continue;
  console.log(
    `start: the inputs of ${step} changed (${STEP_INPUTS[step].join(', ')}); running ${SCRIPTS[step].join(', ')}`,
  );
  try {
    for (const script of SCRIPTS[step]) execFileSync('npm', ['run', '--silent', script], { stdio: 'inherit' });
  } catch {
    console.error(`start: npm run ${SCRIPTS[step].join(' / ')} failed (its output is above); the mock did not start`);
    process.exit(1);
  }
}
await import('../mocks/cli.ts');
