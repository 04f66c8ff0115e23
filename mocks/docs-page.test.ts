import { describe, expect, it } from 'vitest';
import { contractFrom } from '../lib/contract.ts';
import { docsServedAt } from './docs-page.ts';

const contract = contractFrom({
  openapi: '3.1.0',
  info: { title: 'Hosts', version: '1' },
  servers: [
    { url: 'https://api.example.test/v2' },
    { url: 'http://{host}/v2', variables: { host: { default: '127.0.0.1:4010' } } },
    { url: 'http://localhost:8080' },
  ],
  paths: { '/things': { get: { operationId: 'listThings', responses: { '200': { description: 'Things.' } } } } },
});

describe('docsServedAt', () => {
  it('points URLs and sample tabs at the mock, and leaves other hosts and longer ports alone', () => {
    const page = [
      "curl -X GET 'http://127.0.0.1:4010/v2/things'",
      '"label":"cURL · 127.0.0.1:4010"',
      '"host":{"default":"127.0.0.1:4010"}',
      'http://127.0.0.1:40100/v2 https://api.example.test/v2 http://localhost:8080/x',
      'text that mentions 127.0.0.1:4010 in passing',
    ].join('\n');
    expect(docsServedAt(page, contract, '127.0.0.1:5555')).toBe(
      [
        "curl -X GET 'http://127.0.0.1:5555/v2/things'",
        '"label":"cURL · 127.0.0.1:5555"',
        '"host":{"default":"127.0.0.1:5555"}',
        'http://127.0.0.1:40100/v2 https://api.example.test/v2 http://127.0.0.1:5555/x',
        'text that mentions 127.0.0.1:4010 in passing',
      ].join('\n'),
    );
  });

  it('changes nothing when the mock listens where the document says', () => {
    const page = "curl 'http://127.0.0.1:4010/v2/things'";
    expect(docsServedAt(page, contract, '127.0.0.1:4010')).toBe(page);
  });
});
