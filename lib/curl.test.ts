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

  it('one option a line for samples, their line breaks kept; none raw in a one-line command; no body for a GET', () => {
    expect(
      curlFor('http://h', { method: 'GET', path: '/x', headers: { a: '1' }, body: 'ignored' }, new Map(), {
        multiline: true,
        showHeaders: true,
      }),
    ).toBe("curl -i -X GET 'http://h/x' \\\n  -H 'a: 1'");
    const sample = curlFor('http://h', { method: 'POST', path: '/', headers: {}, body: '{\n\t"a": 1\n}' }, new Map(), {
      multiline: true,
    });
    expect(sample).toBe("curl -X POST 'http://h/' \\\n  --data-raw '{\n\t\"a\": 1\n}'");
    const oneLine = curlFor('http://h', { method: 'POST', path: '/', headers: {}, body: '\n\t' }, new Map());
    expect(oneLine).toBe("curl -X POST 'http://h/' --data-raw $'\\x0a\\x09'");
  });

  it('write control characters as ANSI-C escapes: nothing raw on the line, and bash sends the very bytes', () => {
    // Every C0 control but NUL (no shell argument holds it; JSON escapes it), DEL, every C1 control, and the quotes.
    const controls = [...Array(31).keys()].map((i) => String.fromCharCode(i + 1)).join('');
    const c1 = [...Array(32).keys()].map((i) => String.fromCharCode(0x80 + i)).join('');
    const body = `{"a":"${controls}\u007f${c1}'\\\"é"}`;
    const line = curlFor(
      'http://h',
      { method: 'POST', path: '/', headers: { h: `x\u001b{{token}}\u0085` }, body },
      shellValuesOf(credentials),
    );
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    const echoed = execFileSync('bash', ['-c', `curl() { printf '%s\\0' "$@"; }; ${line}`], {
      env: { TOKEN: 's3cret', PATH: process.env.PATH },
    });
    expect(echoed.toString('utf8').split('\0')).toEqual([
      '-X',
      'POST',
      'http://h/',
      '-H',
      'h: x\u001bs3cret\u0085',
      '--data-raw',
      body,
      '',
    ]);
  });
});
