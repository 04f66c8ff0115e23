import { describe, expect, it } from 'vitest';
import { loadContract } from '../lib/contract.ts';
import { ownPages, RESET_PATH, type PageSources } from './pages.ts';

const sources: PageSources = {
  contract: loadContract(),
  documentPath: 'generated/openapi.yaml',
  ownHost: () => '127.0.0.1:4010',
  reset: () => {},
  rootIsFree: true,
};

describe("the mock's own pages", () => {
  it('are the docs, the document, / and the reset, each with its methods', () => {
    const methods = Object.fromEntries([...ownPages(sources)].map(([path, page]) => [path, page.methods.join(', ')]));
    expect(methods).toEqual({
      '/docs': 'GET, HEAD',
      '/docs/': 'GET, HEAD',
      '/openapi.yaml': 'GET, HEAD',
      '/': 'GET, HEAD',
      [RESET_PATH]: 'POST',
    });
  });

  it('leave / to a document that has an operation there', () => {
    expect(ownPages({ ...sources, rootIsFree: false }).has('/')).toBe(false);
  });
});
