// The built docs as a reviewer gets them: built into a temp folder, served by the mock at /docs, opened in Debian's
// Chromium with every request to another host blocked (the page must work offline). What must be visible is
// read from the document. The code samples are also run, against the mock, as an integrator would run them: for
// the contract and for the fixture document, which must build with no code change.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_PATH, isObject, loadContract, type Contract, type Operation } from '../lib/contract.ts';
import { credentialsOf, type Secrets } from '../lib/credentials.ts';
import { startMockServer, type RunningMock } from '../mocks/server.ts';
import { buildDocs, DOCS_OUTPUT } from '../scripts/build-docs.ts';
import { CATALOGUE_TAG, errorCatalogue, errorResponses } from '../scripts/docs/catalogue.ts';
import {
  codeSamples,
  printedOnSuccess,
  runOrder,
  sampleRequests,
  samplesAt,
  serverName,
} from '../scripts/docs/samples.ts';
import {
  hasChromium,
  launchChromium,
  openFromSidebar,
  openOffline,
  samplesPanel,
  saveComposite,
  sectionsUnder,
  showSample,
  tagLink,
} from './browser.ts';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURE = resolve(ROOT, 'test/fixtures/kinds.openapi.yaml');
const hasCurl = spawnSync('curl', ['--version']).status === 0;
if (!hasCurl) console.warn('docs test: the cURL samples are not run, curl is not installed');

const documents: [string, string][] = [
  ['the contract', BUNDLE_PATH],
  ['the fixture document', FIXTURE],
];
const work = mkdtempSync(join(tmpdir(), 'docs-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A value for each credential the document names, letters and digits only (every rule of both documents takes them). */
function secretsFor(contract: Contract): { secrets: Secrets; env: NodeJS.ProcessEnv } {
  const credentials = credentialsOf(contract);
  const secrets = Object.fromEntries(credentials.map((c) => [c.key, `Docs${c.key}42`]));
  const env = { ...process.env, ...Object.fromEntries(credentials.map((c) => [c.env, secrets[c.key]!])) };
  return { secrets, env };
}

/** Text as the page keeps it: Redoc embeds the document as JSON, with `<` escaped so it cannot close a script. */
function inPage(text: string): string {
  return JSON.stringify(text).replace(/</g, '\\u003c');
}

/** The mock's URL under the operation's own server prefix (`/v1` for authenticate, `/health` for getStatus). */
function mockBaseUrl(mock: RunningMock, operation: Operation): string {
  return `${mock.url}${operation.servers[0]?.pathPrefix ?? ''}`;
}

describe.each(documents)('npm run docs, for %s', (_, bundlePath) => {
  const contract = loadContract(bundlePath);
  const page = join(work, `${contract.title.replace(/\W+/g, '-')}.html`);
  let html: string;
  let buildMs: number;

  beforeAll(() => {
    const started = performance.now();
    buildDocs(page, bundlePath);
    buildMs = Math.round(performance.now() - started);
    html = readFileSync(page, 'utf8');
  }, 60_000);

  it('writes one self-contained page: Redoc inlined, no CDN, no telemetry', () => {
    console.log(`docs build (${contract.title}): ${buildMs} ms, ${Math.round(html.length / 1024)} KiB`);
    expect(html).not.toMatch(/<script[^>]+\bsrc=/);
    expect(html).not.toMatch(/<link[^>]+\bhref="https?:/);
    expect(html).toContain('"disableTelemetry":true');
  });

  it.each(contract.operations.map((op): [string, Operation] => [op.operationId, op]))(
    '%s: the page carries its cURL and TypeScript samples for each server, every URL filled',
    (_, operation) => {
      const samples = codeSamples(contract, operation);
      expect(samples).toHaveLength(2 * Math.max(1, operation.servers.length));
      // Redoc keeps the document, samples included, as JSON in the page.
      for (const sample of samples) expect(html.includes(inPage(sample.source)), sample.source).toBe(true);
      for (const sample of samples) {
        const urls = [...sample.source.matchAll(/^curl -X \S+ '([^']+)'/gm)].map(([, url]) => url!);
        const baseUrls = [...sample.source.matchAll(/^ {2}baseUrl: '([^']+)'/gm)].map(([, url]) => url!);
        if (sample.lang === 'bash') expect(urls).toHaveLength(sampleRequests(operation).length);
        else expect(baseUrls).toHaveLength(1);
        for (const url of [...urls, ...baseUrls]) {
          expect(url).toMatch(/^https?:\/\//);
          expect(url, 'a {placeholder} is left in the URL').not.toMatch(/\{[^}]*\}/);
        }
      }
    },
  );

  it('carries the error catalogue', () => {
    expect(html.includes(inPage(errorCatalogue(contract)))).toBe(true);
  });

  it.skipIf(!hasCurl)(
    'cURL samples, run in order against the mock: every request gets the documented success',
    async () => {
      const { secrets, env } = secretsFor(contract);
      const mock = await startMockServer({ credentials: secrets, port: 0, document: { contract, path: bundlePath } });
      try {
        const operations = runOrder(contract);
        const printed: Record<string, string[]> = {};
        for (const operation of operations) {
          const [curl] = samplesAt(contract, operation, mockBaseUrl(mock, operation));
          const names = sampleRequests(operation).map((r) => r.name);
          // Each command prints its status; `-e` stops at a command that could not run at all.
          const script = curl!.source.replace(/^curl /gm, `curl -sS -o /dev/null -w '%{http_code}\\n' `);
          const codes = (await run('bash', ['-e'], script, env)).trim().split('\n');
          printed[operation.operationId] = codes.map((code, i) => `${names[i]} ${code}`);
        }
        expect(printed).toEqual(Object.fromEntries(operations.map((op) => [op.operationId, printedOnSuccess(op)])));
      } finally {
        await mock.close();
      }
    },
  );
});

describe('the page in Chromium', () => {
  const contract = loadContract();
  const page = join(work, 'chromium.html');
  let docsHost: RunningMock;
  let url: string;
  let browser: Browser;
  let tab: Page;
  const outside: string[] = [];
  const pageErrors: string[] = [];
  const shots: { operation: Buffer; typescript: Buffer }[] = [];

  beforeAll(async () => {
    if (!hasChromium) return;
    buildDocs(page);
    // Served as `npm start` serves it: by the mock, at /docs.
    docsHost = await startMockServer({ credentials: secretsFor(contract).secrets, port: 0, docsPath: page });
    url = `${docsHost.url}/docs`;
    browser = await launchChromium();
    tab = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    // Shorter than the test's own timeout, so that a missing element is named rather than the test timing out.
    tab.setDefaultTimeout(10_000);
    tab.on('pageerror', (error) => pageErrors.push(error.message));
    await openOffline(tab, url, outside);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await docsHost?.close();
  });

  /** The samples as the mock at `host` must show them: a server on loopback (the mock's default) is that mock. */
  function samplesServedBy(operation: Operation, host: string) {
    const urls = operation.servers.map((server) => {
      const url = new URL(server.defaultUrl);
      if (url.hostname === '127.0.0.1') url.host = host;
      return url.href.replace(/\/$/, '');
    });
    return urls.flatMap((url) => samplesAt(contract, operation, url, urls.length > 1 ? serverName(url, urls) : ''));
  }

  it.skipIf(!hasChromium).each(contract.operations.map((op): [string, Operation] => [op.operationId, op]))(
    '%s: reached from the sidebar, each sample as built, those of the loopback server sent to this mock',
    async (_, operation) => {
      const section = await openFromSidebar(tab, operation);
      await section.getByRole('heading', { name: operation.summary }).first().waitFor({ state: 'visible' });
      const samples = samplesServedBy(operation, new URL(docsHost.url).host);
      expect(samples.some((sample) => sample.source.includes(docsHost.url))).toBe(operation.servers.length > 1);
      const [first, ...others] = samples;
      await expect(showSample(tab, section, first!.label), first!.label).resolves.toBe(first!.source);
      const operationShot = await tab.screenshot();
      for (const sample of others) {
        await expect(showSample(tab, section, sample.label), sample.label).resolves.toBe(sample.source);
      }
      shots.push({ operation: operationShot, typescript: await samplesPanel(tab, section).screenshot() });
    },
    30_000,
  );

  it.skipIf(!hasChromium)(
    'shows every error of the catalogue, saves the screenshot, and asks nothing of another host',
    async () => {
      await tab.getByTestId('menu-item-label').filter({ hasText: CATALOGUE_TAG }).first().click();
      // Redoc makes a section per heading of the catalogue's text, drawn once it scrolls into view; each is shot.
      const sections = sectionsUnder(tab, tagLink(CATALOGUE_TAG));
      const catalogueShots = [];
      for (let i = 0; i < (await sections.count()); i++) {
        // Scrolled by script, one at a time: Redoc draws a section only once it has been in view, replacing it.
        await sections.nth(i).evaluate((e) => e.scrollIntoView());
        const part = sections.nth(i).getByTestId('middle-panel');
        await part.waitFor({ state: 'visible' });
        catalogueShots.push(await part.screenshot());
      }
      const examples = errorResponses([
        ...contract.operations.flatMap((op) => op.responses),
        ...contract.routeErrors,
      ]).flatMap((r) => r.examples.filter((ex) => ex.errorCase));
      await expect(sections.locator('tbody tr').count()).resolves.toBe(examples.length);
      for (const { value } of examples) {
        if (!isObject(value)) continue;
        await tab
          .getByRole('cell', { name: String(value.message), exact: true })
          .first()
          .waitFor({ state: 'visible' });
        if (typeof value.code === 'string')
          await tab.getByRole('cell', { name: value.code, exact: true }).first().waitFor({ state: 'visible' });
      }

      expect(shots).toHaveLength(contract.operations.length);
      await saveComposite(browser, shots, catalogueShots, join(ROOT, 'test-output/docs.png'));
      expect(pageErrors).toEqual([]);
      expect(outside).toEqual([]);
    },
    60_000,
  );

  it.skipIf(!hasChromium)(
    'the committed docs/index.html, opened from disk with every network request blocked, shows each operation',
    async () => {
      const offline = await browser.newPage();
      const asked: string[] = [];
      const errors: string[] = [];
      await offline.route('**/*', (route) => {
        if (route.request().url().startsWith('file:')) return route.continue();
        asked.push(route.request().url());
        return route.abort();
      });
      offline.on('pageerror', (error) => errors.push(error.message));
      await offline.goto(pathToFileURL(DOCS_OUTPUT).href);
      for (const operation of contract.operations) {
        const section = await openFromSidebar(offline, operation);
        await section.getByRole('heading', { name: operation.summary }).first().waitFor({ state: 'visible' });
      }
      await offline.close();
      expect(errors).toEqual([]);
      expect(asked).toEqual([]);
    },
    30_000,
  );
});

/** Asynchronous: the mock answering the child runs in this process. */
function run(command: string, args: string[], input: string, env: NodeJS.ProcessEnv, cwd = ROOT): Promise<string> {
  return new Promise((done, fail) => {
    const child = execFile(command, args, { cwd, env }, (error, stdout, stderr) =>
      error ? fail(new Error(`${error.message}\n${stderr}`)) : done(stdout),
    );
    child.stdin?.end(input);
  });
}
