// The rule of where an operation's requests go, called directly; the suite and the client use it over HTTP.
import { describe, expect, it } from 'vitest';
import { operationServerUrl } from './servers.ts';

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
