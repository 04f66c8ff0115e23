// The docs page as a reviewer reads it on a laptop: 1280 px wide, the narrowest width at which Redoc still puts
// the code samples beside the text, in Chromium, served by the mock at /docs. For the contract that is the
// committed docs/index.html; the fixture document's page is built here. Pictures go to test-output/1280/ for a
// person to look at.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_PATH, loadContract } from '../lib/contract.ts';
import { lifecyclesOf } from '../lib/lifecycle.ts';
import { startMockServer, type RunningMock } from '../mocks/server.ts';
import { buildDocs, DOCS_OUTPUT } from '../scripts/build-docs.ts';
import { CATALOGUE_TAG, catalogueGroups } from '../scripts/docs/catalogue.ts';
import { LIFECYCLE_TAG } from '../scripts/docs/lifecycle.ts';
import {
  drawEach,
  eachSidebarGroup,
  hasChromium,
  inTallView,
  launchChromium,
  openFromSidebar,
  openGroup,
  openOffline,
  sampleCode,
  sampleLabels,
  sectionsUnder,
  sidebarLabels,
  tagLink,
} from './browser.ts';
import { hidesLineEnds, largestGaps, tablesWiderThanColumn, wordsCut } from './layout.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SHOTS = join(ROOT, 'test-output/1280');
/** Room between two blocks of the catalogue: Redoc's margins around a paragraph or table (16 px), not a section's. */
const MOST_GAP = 48;

const work = mkdtempSync(join(tmpdir(), 'docs-layout-'));
let browser: Browser;
beforeAll(async () => {
  if (hasChromium) browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!hasChromium).each([
  ['contract', BUNDLE_PATH, DOCS_OUTPUT],
  ['fixture', resolve(ROOT, 'test/fixtures/kinds.openapi.yaml'), undefined],
])('the docs page of the %s at 1280 px, as the mock serves it', (name, bundlePath, committed) => {
  const contract = loadContract(bundlePath);
  const shot = (part: string) => join(SHOTS, `${name}-${part}.png`);
  const outside: string[] = [];
  let mock: RunningMock;
  let tab: Page;

  beforeAll(async () => {
    const docsPath = committed ?? join(work, `${name}.html`);
    if (!committed) buildDocs(docsPath, bundlePath);
    mock = await startMockServer({ credentials: {}, port: 0, document: { contract, path: bundlePath }, docsPath });
    tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Shorter than the test's own timeout, so that a missing element is named rather than the test timing out.
    tab.setDefaultTimeout(10_000);
    await openOffline(tab, `${mock.url}/docs`, outside);
  }, 60_000);

  afterAll(async () => {
    await tab?.close();
    await mock?.close();
  });

  it('gives every sidebar entry a label of its own', async () => {
    const labels = await sidebarLabels(tab);
    await tab.screenshot({ path: shot('sidebar') });
    expect(labels.filter((label, i) => labels.indexOf(label) !== i)).toEqual([]);
  });

  it('breaks headings and Markdown tables only between words, and fits each table in its column', async () => {
    await tab.evaluate(() => window.scrollTo(0, 0));
    await tab.screenshot({ path: shot('title') });
    const cut = new Set<string>();
    const wide = new Set<string>();
    await eachSidebarGroup(tab, async (group) => {
      const sections = group ? sectionsUnder(tab, group) : tab.locator('[data-section-id]');
      // The text beside the samples, not the samples: headings and tables outside the right panel.
      const texts = sections.locator(':is(h1, h2, h3, h4, h5, h6, table):not([data-testid="right-panel"] *)');
      await inTallView(tab, async () => {
        if (group) await drawEach(sections);
        for (const text of await texts.all()) for (const word of await text.evaluate(wordsCut)) cut.add(word);
        for (const table of await texts.evaluateAll(tablesWiderThanColumn)) wide.add(table);
      });
    });
    expect([...cut], 'words cut by a line break').toEqual([]);
    expect([...wide], 'tables wider than their column').toEqual([]);
  }, 60_000);

  it("lists each operation's errors one after another, with no empty gap between them", async () => {
    await openGroup(tab, tagLink(CATALOGUE_TAG));
    const sections = sectionsUnder(tab, tagLink(CATALOGUE_TAG));
    await drawEach(sections);
    await sections.nth(1).evaluate((section) => section.scrollIntoView());
    await tab.screenshot({ path: shot('catalogue') });
    const titles = catalogueGroups(contract).map((group) => group.title);
    const blocks = sections.locator('[data-component-name="Markdown/Markdown"] > *');
    const gaps = await inTallView(tab, async () => {
      await drawEach(sections);
      return blocks.evaluateAll(largestGaps, titles);
    });
    expect(gaps.map((g) => g.group)).toEqual(titles);
    expect(
      gaps.filter((g) => g.blocks === 0).map((g) => g.group),
      'a heading alone',
    ).toEqual([]);
    expect(gaps.filter((g) => g.gap > MOST_GAP)).toEqual([]);
    expect(outside).toEqual([]);
  }, 60_000);

  it('draws the lifecycle of each store: the state diagram is loaded and fits its column', async () => {
    await openGroup(tab, tagLink(LIFECYCLE_TAG));
    const sections = sectionsUnder(tab, tagLink(LIFECYCLE_TAG));
    await drawEach(sections);
    const diagrams = sections.locator('img[alt^="States of "]');
    await diagrams.first().scrollIntoViewIfNeeded();
    await tab.screenshot({ path: shot('lifecycle') });
    const drawn = await diagrams.evaluateAll((images) =>
      images.map((image) => {
        const img = image as HTMLImageElement;
        const column = img.closest('[data-component-name="Markdown/Markdown"]') ?? img.parentElement!;
        return {
          loaded: img.complete && img.naturalWidth > 0,
          fits: img.getBoundingClientRect().width <= column.getBoundingClientRect().width + 1,
        };
      }),
    );
    expect(drawn.length).toBe(lifecyclesOf(contract).length);
    expect(drawn.every((d) => d.loaded && d.fits)).toBe(true);
    expect(outside).toEqual([]);
  }, 60_000);

  it('shows every line of every code sample whole: a long line wraps', async () => {
    const hidden: string[] = [];
    for (const operation of contract.operations) {
      const section = await openFromSidebar(tab, operation);
      for (const [i, label] of (await sampleLabels(tab, section)).entries()) {
        const code = await sampleCode(tab, section, label);
        if (operation === contract.operations[0] && i === 0) await tab.screenshot({ path: shot('operation') });
        if (await code.evaluate(hidesLineEnds)) hidden.push(`${operation.operationId} ${label}`);
      }
    }
    expect(hidden).toEqual([]);
  }, 60_000);
});
