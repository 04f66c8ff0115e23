import { describe, expect, it } from 'vitest';
import { loadContract } from './contract.ts';
import { credentialKey, credentialsOf, encodeOutsidePlaceholders, ofSecondTenant, placeholder } from './credentials.ts';

describe('credentials named from the document', () => {
  it('the kit’s document needs a token, the channel key, and the API key and secret of authenticate', () => {
    const credentials = credentialsOf(loadContract());
    expect(credentials.map((c) => [c.key, c.option, c.env])).toEqual([
      ['token', 'token', 'TOKEN'],
      ['channelKey', 'channel-key', 'CHANNEL_KEY'],
      ['apiKey', 'api-key', 'API_KEY'],
      ['apiSecret', 'api-secret', 'API_SECRET'],
    ]);
    expect(credentials[1]!.example).toBe('Ky1SpfEXmjj05fW3USBFD3pgoEi9AQ29Atsnj4Zy');
  });

  it('the fixture’s tenant header is one too', () => {
    expect(credentialsOf(loadContract('test/fixtures/kinds.openapi.yaml')).map((c) => c.key)).toContain('tenant');
  });

  it('names and placeholders', () => {
    expect(credentialKey('X-Channel-Key')).toBe('channelKey');
    expect(credentialKey('api_secret')).toBe('apiSecret');
    expect(placeholder('apiKey')).toBe('{{apiKey}}');
    expect(encodeOutsidePlaceholders('a b{{token}}/c')).toBe('a%20b{{token}}%2Fc');
  });
});

describe('the second tenant', () => {
  it('has each credential named with second in front, for code, command lines and the environment', () => {
    const [token, channelKey] = credentialsOf(loadContract());
    expect(ofSecondTenant(token!)).toEqual({
      key: 'secondToken',
      option: 'second-token',
      env: 'SECOND_TOKEN',
      description: 'the token of the security schemes, of the second tenant',
    });
    expect(ofSecondTenant(channelKey!)).toMatchObject({
      key: 'secondChannelKey',
      option: 'second-channel-key',
      env: 'SECOND_CHANNEL_KEY',
    });
    expect(ofSecondTenant(channelKey!)).not.toHaveProperty('example');
  });
});
