import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Credential } from './credentials.ts';
import { curlFor, shellValuesOf } from './curl.ts';

const credentials: Credential[] = [{ key: 'token', option: 'token', env: 'TOKEN', description: '' }];

describe('cURL lines', () => {
  it('write placeholders as shell variables and quote everything else', () => {
    const line = curlFor(
      'http://h/',
      { method: 'POST', path: "/a?x=it's", headers: { 'x-access-token': '{{token}}' }, body: '{"a":"$HOME `x`"}' },
      shellValuesOf(credentials),
    );
    expect(line).toBe(
      `curl -X POST 'http://h/a?x=it'\\''s' -H "x-access-token: \${TOKEN}" --data-raw '{"a":"$HOME \`x\`"}'`,
    );
  });

  it('run in a shell as they read: the secret comes from the environment, the rest stays literal', () => {
    const line = curlFor(
      'http://h',
      { method: 'POST', path: '/', headers: { h: 'v {{token}} $x' }, body: 'b', padTo: 5 },
      shellValuesOf(credentials),
    );
    const echoed = execFileSync('bash', ['-c', `curl() { printf '%s\\n' "$@"; }; ${line}`], {
      env: { TOKEN: 's3cret', PATH: process.env.PATH },
      encoding: 'utf8',
    });
    expect(echoed.split('\n')).toEqual(['-X', 'POST', 'http://h/', '-H', 'h: v s3cret $x', '--data-raw', 'b    ', '']);
  });

  it('one option a line for samples, and no body for a GET', () => {
    expect(
      curlFor('http://h', { method: 'GET', path: '/x', headers: { a: '1' }, body: 'ignored' }, new Map(), {
        multiline: true,
        showHeaders: true,
      }),
    ).toBe("curl -i -X GET 'http://h/x' \\\n  -H 'a: 1'");
  });
});
