// What the build gives Redoc, without running Redoc (docs/docs.test.ts opens the page); and the committed page is
// what the build makes, so that a reviewer opens docs/index.html from a clone with nothing to build.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BUNDLE_PATH, contractFrom } from '../lib/contract.ts';
import { buildDocs, DOCS_OUTPUT, enrich, redocOptions, withoutCdn, withStyle } from './build-docs.ts';
import { LIFECYCLE_TAG, lifecycleSection } from './docs/lifecycle.ts';
import { CATALOGUE_TAG, errorCatalogue } from './docs/catalogue.ts';
import { codeSamples } from './docs/samples.ts';

describe.each([BUNDLE_PATH, 'test/fixtures/kinds.openapi.yaml'])('enrich(%s)', (path) => {
  const text = readFileSync(path, 'utf8');

  it("puts each operation's samples on it, then the lifecycle and the catalogue last among the tags, leaving the document as it was", () => {
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
    expect(enriched.tags?.at(-2)).toEqual({
      name: LIFECYCLE_TAG,
      'x-traitTag': true,
      description: lifecycleSection(contract),
    });
    expect(enriched.tags?.slice(0, -2)).toEqual(document.tags ?? []);
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

describe('withoutCdn', () => {
  it("swaps Redoc's CDN logos for pictures in the page, and nothing else", () => {
    const page =
      'src:e?`https://cdn.redoc.ly/redoc/logo-mini-full.svg`:`https://cdn.redoc.ly/redoc/logo-mini.svg` https://x.test/a.svg';
    const offline = withoutCdn(page);
    expect(offline).not.toContain('cdn.redoc.ly');
    expect(offline.match(/`data:image\/svg\+xml,[^`]+`/g)).toHaveLength(2);
    expect(offline).toContain(' https://x.test/a.svg');
  });
});

describe('withStyle', () => {
  it("puts the stylesheet at the end of the page's head only, as it is", () => {
    const page = '<head><style>a{}</style></head><body><script>"</head>"</script></body>';
    expect(withStyle(page, 'b{c:"$&"}')).toBe(
      '<head><style>a{}</style><style>\nb{c:"$&"}</style>\n</head><body><script>"</head>"</script></body>',
    );
  });
});

it('docs/index.html is what npm run docs builds (run it and commit the page)', () => {
  const work = mkdtempSync(join(tmpdir(), 'docs-drift-'));
  try {
    buildDocs(join(work, 'index.html'));
    const fresh = readFileSync(join(work, 'index.html'), 'utf8');
    expect(fresh === readFileSync(DOCS_OUTPUT, 'utf8'), 'docs/index.html is stale').toBe(true);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}, 60_000);
