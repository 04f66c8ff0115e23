// How the docs tests read the Redoc page in Chromium: the browser, the way to an operation or a group from the
// sidebar, the code sample of each language, sections drawn, and the picture saved for review. Redoc's own test
// ids (menu-item-label, right-panel, source-code), component names and data-section-id are what they find things
// by.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import type { Operation } from '../lib/contract.ts';
import { CHROMIUM, CHROMIUM_LAUNCH, needs } from '../test/needs.ts';

/** Debian's Chromium: the tests drive the browser installed on the machine and never download one. */
export const hasChromium = needs('the browser tests', CHROMIUM, 'apt-get install chromium; .ci/run does');

export function launchChromium(): Promise<Browser> {
  return chromium.launch(CHROMIUM_LAUNCH);
}

/** Opens `url` in `tab`, every request to another address refused and written down in `outside`. */
export async function openOffline(tab: Page, url: string, outside: string[]): Promise<void> {
  await tab.route('**/*', (route) => {
    const request = route.request();
    if (request.url().startsWith(url)) return route.continue();
    outside.push(`${request.resourceType()} ${request.url()}`);
    return route.abort();
  });
  await tab.goto(url);
}

/** The labels of the samples' language switcher, with their server where there are several. */
const LANGUAGES = /^(cURL|TypeScript)( · .+)?$/;

/** Clicks the operation in the sidebar (opening its tag first if needed) and gives its section of the page. */
export async function openFromSidebar(tab: Page, operation: Operation): Promise<Locator> {
  const items = tab.getByTestId('menu-item-label');
  const entry = items.filter({ has: tab.getByText(operation.summary, { exact: true }) }).first();
  // Every label of the sidebar is its own (layout.test.ts), so the tag's is the tag.
  const tag = items.filter({ has: tab.getByText(operation.tags[0] ?? '', { exact: true }) });
  if (!(await entry.isVisible())) await tag.click();
  await entry.click();
  await tab.waitForURL((address) => address.hash.length > 1);
  return tab.locator(`[data-section-id="${new URL(tab.url()).hash.slice(1)}"]`);
}

/** The panel of the operation's code samples: the right panel with the language switcher. */
export function samplesPanel(tab: Page, section: Locator): Locator {
  return section
    .getByTestId('right-panel')
    .filter({ has: tab.getByRole('button', { name: LANGUAGES }) })
    .first();
}

/** The labels of the operation's samples, as its language switcher lists them. */
export async function sampleLabels(tab: Page, section: Locator): Promise<string[]> {
  const switcher = samplesPanel(tab, section).getByRole('button', { name: LANGUAGES });
  await switcher.click();
  const labels = await tab.getByRole('menuitem', { name: LANGUAGES }).allInnerTexts();
  // The menu closes on a second click, not on Escape.
  await switcher.click();
  return labels.map((label) => label.trim());
}

/** Picks the sample's language in the switcher (Redoc remembers the last pick) and gives the code shown. */
export async function showSample(tab: Page, section: Locator, label: string): Promise<string> {
  return (await sampleCode(tab, section, label)).innerText();
}

/** The code block of the sample with `label`, once picked in the switcher and shown. */
export async function sampleCode(tab: Page, section: Locator, label: string): Promise<Locator> {
  const panel = samplesPanel(tab, section);
  const switcher = panel.getByRole('button', { name: LANGUAGES });
  if ((await switcher.innerText()).trim() !== label) {
    await switcher.click();
    await tab.getByRole('menuitem', { name: label }).click();
  }
  const code = panel.getByTestId('source-code').first();
  await code.waitFor({ state: 'visible' });
  return code;
}

/** Links of the sidebar: each entry's, and those of the groups (a tag, or a heading with entries under it). */
const ENTRY = '[data-component-name="Menu/MenuItem"] > a';
const GROUP = `${ENTRY}:has([data-testid="menu-item-label"] > div > svg)`;

/** Redoc's link to a tag, and the start of the links of everything under it. */
export function tagLink(tag: string): string {
  return `/${tag.toLowerCase().replace(/\s+/g, '-')}`;
}

/** The sections of a group of the sidebar (a tag with its operations, or its headings), by the group's link. */
export function sectionsUnder(tab: Page, link: string): Locator {
  return tab.locator(`[data-section-id^="${link}"]`);
}

/**
 * Opens a group of the sidebar unless it is open. Redoc keeps one group open at a time, and puts the sections of
 * a group into the page only while it is open.
 */
export async function openGroup(tab: Page, link: string): Promise<void> {
  const group = tab.locator(`[data-component-name="Menu/MenuItem"]:has(> a[href="${link}"])`).first();
  const entries = group.getByTestId('menu-item-label').nth(1);
  if (!(await entries.isVisible())) await group.locator('> a').click();
  await entries.waitFor({ state: 'visible' });
}

/** Calls `visit` on the page as it opens, then once each group of the sidebar is open, with the group's link. */
export async function eachSidebarGroup(tab: Page, visit: (link?: string) => Promise<void>): Promise<void> {
  await visit();
  const opened = new Set<string>();
  for (;;) {
    const links = await tab.locator(GROUP).evaluateAll((all) => all.map((a) => a.getAttribute('href') ?? ''));
    const next = links.find((link) => !opened.has(link));
    if (next === undefined) return;
    opened.add(next);
    await openGroup(tab, next);
    await visit(next);
  }
}

/** The label of every entry of the sidebar, read group by group. */
export async function sidebarLabels(tab: Page): Promise<string[]> {
  const entries = new Map<string, string>();
  await eachSidebarGroup(tab, async () => {
    const shown = await tab.locator(ENTRY).evaluateAll((all) =>
      all.map((a, i) => {
        const href = a.getAttribute('href');
        // Two entries may share a link (Redoc links two equal headings alike): the nth of a link is one entry.
        const nth = all.slice(0, i).filter((other) => other.getAttribute('href') === href).length;
        return [`${nth} ${href}`, a.querySelector('[data-text]')?.textContent ?? ''] as const;
      }),
    );
    for (const [key, label] of shown) entries.set(key, label);
  });
  return [...entries.values()];
}

/**
 * Runs `measure` with the view as tall as a long page, its width unchanged: Redoc empties sections far from the
 * view, so only a view that holds them all keeps every section drawn at once. A page lays out the same at any
 * height.
 */
export async function inTallView<T>(tab: Page, measure: () => Promise<T>): Promise<T> {
  const view = tab.viewportSize()!;
  await tab.setViewportSize({ width: view.width, height: 20_000 });
  try {
    return await measure();
  } finally {
    await tab.setViewportSize(view);
  }
}

/**
 * Scrolls to each section in turn until Redoc has drawn it: a section stays an empty box until it comes near the
 * view.
 */
export async function drawEach(sections: Locator): Promise<void> {
  for (let i = 0; i < (await sections.count()); i++) {
    await sections.nth(i).evaluate((section) => section.scrollIntoView());
    await sections.nth(i).locator(':scope > *').first().waitFor({ state: 'visible' });
  }
}

/** One picture for the review: per operation, the page with its cURL sample beside its TypeScript sample; then the catalogue. */
export async function saveComposite(
  browser: Browser,
  operations: { operation: Buffer; typescript: Buffer }[],
  catalogue: Buffer[],
  path: string,
) {
  const img = (png: Buffer, width = '100%') =>
    `<img style="display:block;max-width:${width};border:1px solid #bbb" src="data:image/png;base64,${png.toString('base64')}">`;
  const row = (left: string, right: string) =>
    `<div style="display:flex;gap:16px;align-items:flex-start;margin-bottom:16px"><div style="flex:3">${left}</div><div style="flex:2">${right}</div></div>`;
  const sheet = await browser.newPage({ viewport: { width: 1800, height: 800 } });
  await sheet.setContent(
    `<body style="margin:8px">${operations.map((shot) => row(img(shot.operation), img(shot.typescript))).join('')}` +
      `<div style="display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start">${catalogue.map((png) => img(png, '880px')).join('')}</div></body>`,
  );
  mkdirSync(dirname(path), { recursive: true });
  await sheet.screenshot({ path, fullPage: true });
  await sheet.close();
}
