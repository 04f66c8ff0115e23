// The rule of where an operation's requests go, called directly; the suite and the client use it over HTTP.
import { describe, expect, it } from 'vitest';
import { contractFrom, loadContract } from './contract.ts';
import { defaultMockPort, loopbackHosts, operationServerUrl } from './servers.ts';

const documentPrefixes = ['/v1/manufacturer/v2/api'];

describe('operationServerUrl', () => {
  it('keeps the server URL for an operation under the document servers', () => {
    const base = 'https://api.example/v1/manufacturer/v2/api';
    expect(operationServerUrl(base, documentPrefixes, documentPrefixes)).toBe(base);
    expect(operationServerUrl(`${base}/`, documentPrefixes, [])).toBe(base);
  });

  it("puts an operation's own prefix in place of the document's", () => {
    expect(operationServerUrl('https://api.example/v1/manufacturer/v2/api//', documentPrefixes, ['/v1'])).toBe(
      'https://api.example/v1',
    );
    expect(operationServerUrl('http://127.0.0.1:4010/api/v3', ['/api/v3'], ['/health', '/other'])).toBe(
      'http://127.0.0.1:4010/health',
    );
  });

  it('uses a URL that ends with no document prefix as it is, for every operation', () => {
    expect(operationServerUrl('http://127.0.0.1:4010', documentPrefixes, ['/v1'])).toBe('http://127.0.0.1:4010');
    expect(operationServerUrl('https://host/gateway/', documentPrefixes, ['/v1'])).toBe('https://host/gateway');
  });

  it('reads a prefix only as whole path segments', () => {
    expect(operationServerUrl('https://host/x-api/v3', ['/api/v3'], ['/health'])).toBe('https://host/x-api/v3');
  });
});

const withServers = (...urls: string[]) =>
  contractFrom({
    openapi: '3.1.0',
    info: { title: 'Hosts', version: '1' },
    servers: urls.map((url) =>
      url.includes('{host}') ? { url, variables: { host: { default: '127.0.0.1:4010' } } } : { url },
    ),
    paths: { '/things': { get: { operationId: 'listThings', responses: { '200': { description: 'Things.' } } } } },
  });

describe('loopbackHosts', () => {
  it("are the document's servers on 127.0.0.1, localhost or [::1], with their ports, each once", () => {
    const contract = withServers(
      'https://api.example.test/v2',
      'http://{host}/v2',
      'http://localhost:8080',
      'http://[::1]:9/x',
    );
    expect(loopbackHosts(contract)).toEqual(['127.0.0.1:4010', 'localhost:8080', '[::1]:9']);
    const kit = loadContract();
    expect(loopbackHosts(kit)).toEqual([new URL(kit.operations[0]!.servers[1]!.defaultUrl).host]);
  });
});

describe('defaultMockPort', () => {
  it("is the port of the document's first loopback server", () => {
    expect(defaultMockPort(withServers('https://api.example.test', 'http://localhost:8080', 'http://{host}/v2'))).toBe(
      8080,
    );
    expect(defaultMockPort(loadContract())).toBe(Number(new URL(`http://${loopbackHosts(loadContract())[0]}`).port));
  });

  it('is 4010 where the document names no loopback server, or none with a port', () => {
    expect(defaultMockPort(withServers('https://api.example.test/v2'))).toBe(4010);
    expect(defaultMockPort(withServers('http://localhost/v2'))).toBe(4010);
  });
});
