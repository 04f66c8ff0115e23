// What the build gives Redoc, without running Redoc (docs/docs.test.ts builds and opens the page).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BUNDLE_PATH, contractFrom } from '../lib/contract.ts';
import { enrich, redocOptions } from './build-docs.ts';
import { CATALOGUE_TAG, errorCatalogue } from './docs/catalogue.ts';
import { codeSamples } from './docs/samples.ts';

describe.each([BUNDLE_PATH, 'test/fixtures/kinds.openapi.yaml'])('enrich(%s)', (path) => {
  const text = readFileSync(path, 'utf8');

  it("puts each operation's samples on it and the catalogue last among the tags, leaving the document as it was", () => {
    const document = parse(text);
    const enriched = enrich(document);
    expect(document).toEqual(parse(text));
    const contract = contractFrom(parse(text));
    const operations = contractFrom(enriched).operations;
    expect(operations.map((op) => op.object['x-codeSamples'])).toEqual(
      contract.operations.map((op) => codeSamples(contract, op)),
    );
    expect(enriched.tags?.at(-1)).toEqual({
      name: CATALOGUE_TAG,
      'x-traitTag': true,
      description: errorCatalogue(contract),
    });
    expect(enriched.tags?.slice(0, -1)).toEqual(document.tags ?? []);
  });
});

describe('redocOptions', () => {
  it('names each sample language once, in order, and keeps the payload switcher', () => {
    const samples = [
      { lang: 'bash', label: 'cURL', source: 'a' },
      { lang: 'typescript', label: 'TypeScript', source: 'b' },
      { lang: 'bash', label: 'cURL', source: 'c' },
    ];
    expect(redocOptions(samples)).toEqual({
      codeSamples: {
        languages: [{ lang: 'bash', label: 'cURL' }, { lang: 'typescript', label: 'TypeScript' }, { lang: 'Payload' }],
      },
    });
  });
});
