#!/usr/bin/env node
// The package's bin (`npx movilitas-conformance …`): registers tsx so the TypeScript CLI runs as it is.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
