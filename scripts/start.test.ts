// `npm start` as a person runs it, in this checkout (whose stamps are current): it builds nothing and the mock
// answers, with the docs; killed, it stops. How fast is measured by npm run bench.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

it('npm start builds nothing on a clean checkout and serves the mock and its docs', async () => {
  const child = spawn('npm', ['start', '--silent'], { cwd: ROOT, env: { ...process.env, PORT: '0' }, detached: true });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  try {
    const url = await new Promise<string>((done, fail) => {
      child.stdout.on('data', () => {
        const found = /Base URL\s+(http:\/\/\S+)/.exec(out)?.[1];
        if (found) done(found);
      });
      child.once('exit', (code) => fail(new Error(`npm start exited (${code}): ${out}`)));
    });
    expect(out).not.toMatch(/inputs of \w+ changed/);
    const docs = await fetch(`${url}/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('<title>');
  } finally {
    // npm, tsx and node: the whole group goes.
    process.kill(-child.pid!, 'SIGTERM');
  }
}, 30_000);
