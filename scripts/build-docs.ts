// Builds the Redoc page (docs/index.html) from the bundled document. Code samples and the error catalogue are made
// here, at build time, from the document's own examples: the page cannot show a request, message, code or status
// that the document does not, and a change to the document shows up in the docs on the next build.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { BUNDLE_PATH, contractFrom, type JsonObject } from '../lib/contract.ts';
import type { OpenApiDocument } from '../lib/openapi.ts';
import { CATALOGUE_TAG, errorCatalogue } from './docs/catalogue.ts';
import { LIFECYCLE_TAG, lifecycleSection } from './docs/lifecycle.ts';
import { codeSamples, type CodeSample } from './docs/samples.ts';
import { isEntryPoint } from '../lib/entry-point.ts';
import { recordStamp } from './stamps.ts';

const ROOT = resolve(import.meta.dirname, '..');
export const DOCS_OUTPUT = resolve(ROOT, 'docs/index.html');

/**
 * Redoc 3 shows one sample per language, and only languages it is told about: each sample gets its own entry,
 * and the example switcher's "Payload" stays.
 */
export function redocOptions(samples: CodeSample[]): JsonObject {
  const languages = [...new Map(samples.map(({ lang, label }) => [label, { lang, label }])).values()];
  return { codeSamples: { languages: [...languages, { lang: 'Payload' }] } };
}

/** Writes the self-contained page (Redoc inlined: it must open offline and on review machines without a CDN). */
export function buildDocs(outFile = DOCS_OUTPUT, bundlePath = BUNDLE_PATH): void {
  const enriched = enrich(parse(readFileSync(bundlePath, 'utf8')));
  const samples = contractFrom(enriched).operations.flatMap((op) => op.object['x-codeSamples'] ?? []);
  const work = mkdtempSync(join(tmpdir(), 'docs-'));
  try {
    const input = join(work, 'openapi.yaml');
    writeFileSync(input, stringify(enriched, { lineWidth: 0 }));
    mkdirSync(dirname(outFile), { recursive: true });
    const redocly = resolve(ROOT, 'node_modules/.bin/redocly');
    const options = JSON.stringify(redocOptions(samples));
    const args = ['build-docs', input, '--inlineBundle', '--openapi', options, '-o', outFile];
    // Telemetry off: otherwise the CLI reports the run, and the page reports every reader to Redocly's collector.
    execFileSync(redocly, args, { cwd: ROOT, env: { ...process.env, REDOCLY_TELEMETRY: 'off' }, stdio: 'pipe' });
    writeFileSync(outFile, withStyle(withoutCdn(readFileSync(outFile, 'utf8')), readFileSync(PAGE_CSS, 'utf8')));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The page's own stylesheet: Redoc 3's custom properties, and rules where it has none, for laptop widths. */
const PAGE_CSS = resolve(import.meta.dirname, 'docs/page.css');

/** The page with `css` after Redoc's own styles, so that it wins where both set the same thing. */
export function withStyle(html: string, css: string): string {
  return html.replace('</head>', () => `<style>\n${css}</style>\n</head>`);
}

/** Redoc's "API docs by Redocly" badge loads its logo from a CDN; offline the page carries a drawing of its own. */
const CDN_LOGOS = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(-full)?\.svg/g;

export function withoutCdn(html: string): string {
  return html.replace(CDN_LOGOS, (_, full?: string) => svgDataUrl(full ? 'Redocly' : 'R'));
}

function svgDataUrl(text: string): string {
  const width = 12 + text.length * 9;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" viewBox="0 0 ${width} 20">` +
    `<text x="4" y="15" font-family="sans-serif" font-size="14" fill="#ef4126">${text}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/**
 * A copy of the document with `x-codeSamples` on each operation, and as trait tags the lifecycle of its stores
 * (when they have one) and the error catalogue.
 */
export function enrich(document: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(document);
  const contract = contractFrom(copy);
  for (const operation of contract.operations) operation.object['x-codeSamples'] = codeSamples(contract, operation);
  const lifecycle = lifecycleSection(contract);
  const traits = [
    ...(lifecycle ? [{ name: LIFECYCLE_TAG, 'x-traitTag': true, description: lifecycle }] : []),
    { name: CATALOGUE_TAG, 'x-traitTag': true, description: errorCatalogue(contract) },
  ];
  copy.tags = [...(copy.tags ?? []), ...traits];
  return copy;
}

if (isEntryPoint(import.meta.url)) {
  const started = performance.now();
  const outFile = resolve(process.argv[2] ?? DOCS_OUTPUT);
  buildDocs(outFile);
  if (outFile === DOCS_OUTPUT) recordStamp('docs');
  console.log(`docs: wrote ${process.argv[2] ?? 'docs/index.html'} in ${Math.round(performance.now() - started)} ms`);
}
