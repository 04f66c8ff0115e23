#!/usr/bin/env node
// The package's bin (`npx movilitas-conformance …`): registers tsx so the TypeScript CLI runs as it is. Paths are
// resolved from this file's own URL, so it works from any checkout (spaces in the path, a symlinked bin).
try {
  const { register } = await import('tsx/esm/api');
  register();
  const { runAsProgram } = await import('./cli.ts');
  runAsProgram();
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`conformance: could not start (exit 2): ${message.split('\n')[0]}\n`);
  process.exitCode = 2;
}
