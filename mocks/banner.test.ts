import { describe, expect, it } from 'vitest';
import { loadContract } from '../lib/contract.ts';
import { credentialsOf, ofSecondTenant } from '../lib/credentials.ts';
import { banner, tryLines } from './banner.ts';

describe.each(['generated/openapi.yaml', 'test/fixtures/kinds.openapi.yaml'])('the start-up text for %s', (path) => {
  const contract = loadContract(path);
  const credentials = credentialsOf(contract);
  const secrets = Object.fromEntries(credentials.map((c) => [c.key, `it's-${c.key}`]));
  const listening = { contract, url: 'http://127.0.0.1:4010', credentials, secrets };

  it('exports every credential once, quoted for the shell, then one cURL command per operation', () => {
    const [exported, ...curls] = tryLines(listening);
    expect(exported).toBe(`export ${credentials.map((c) => `${c.env}='it'\\''s-${c.key}'`).join(' ')}`);
    expect(curls).toHaveLength(contract.operations.length);
    expect(curls.every((curl) => curl.startsWith('curl -X '))).toBe(true);
  });

  it('sends the operations that issue a token first, then the others in the order of the document', () => {
    const issuers = contract.operations.filter((op) => op.issuesToken);
    const order = [...issuers, ...contract.operations.filter((op) => !op.issuesToken)];
    const methods = tryLines(listening)
      .slice(1)
      .map((curl) => /^curl -X (\w+)/.exec(curl)![1]);
    expect(methods).toEqual(order.map((op) => op.method));
  });

  it('prints no secret outside the export line, and ends with how to stop', () => {
    const [, ...curls] = tryLines(listening);
    expect(curls.join('\n')).not.toContain("it's-");
    expect(banner(listening)).toMatch(/\nCtrl-C stops it\.$/);
  });
});

describe('the start-up text with a second tenant', () => {
  const contract = loadContract();
  const credentials = credentialsOf(contract);
  const secrets = Object.fromEntries(credentials.map((c) => [c.key, `one-${c.key}`]));
  const secondTenant = Object.fromEntries(credentials.map((c) => [c.key, `two-${c.key}`]));
  const listening = { contract, url: 'http://127.0.0.1:4010', credentials, secrets };
  const seconds = credentials.map(ofSecondTenant);

  it("exports the second tenant's credentials in a line of their own, after the first's", () => {
    const [, exported, curl] = tryLines({ ...listening, secondTenant });
    expect(exported).toBe(`export ${credentials.map((c, i) => `${seconds[i]!.env}='two-${c.key}'`).join(' ')}`);
    expect(curl).toMatch(/^curl -X /);
  });

  it("shows each of its credentials below the first tenant's; with one tenant, how to start a second", () => {
    const text = banner({ ...listening, secondTenant });
    for (const [i, c] of credentials.entries())
      expect(text).toMatch(new RegExp(`\\n {2}${seconds[i]!.option} +two-${c.key} {3}\\(.*MOCK_${seconds[i]!.env}`));
    expect(banner(listening)).toMatch(/\n {2}Tenants +one +\(MOCK_SECOND_TOKEN/);
  });
});
