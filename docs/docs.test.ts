// The built docs as a reviewer gets them: built into a temp folder, served by the mock at /docs, opened in Debian's
// Chromium with every request to another host blocked (the page must work offline). What must be visible is
// read from the document. The code samples are also run, against the mock, as an integrator would run them.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isObject, loadContract, type JsonObject } from '../lib/contract.ts';
import { startMockServer, type RunningMock } from '../mocks/server.ts';
import { buildDocs, CATALOGUE_TAG, codeSamples } from '../scripts/build-docs.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const hasCurl = spawnSync('curl', ['--version']).status === 0;
if (!hasChromium)
  console.warn(
    `docs test: browser checks skipped, no Chromium at ${CHROMIUM} (apt-get install chromium; .ci/run does)`,
  );
if (!hasCurl) console.warn('docs test: the cURL sample is not run, curl is not installed');

const contract = loadContract();
const [operation] = contract.operations;
if (!operation) throw new Error('the document has no operation to show');
const [curlSample, tsSample] = codeSamples(contract, operation);
const requestExamples = Object.keys(
  ((contract.resolve(operation.raw.requestBody as JsonObject).content as JsonObject)['application/json'] as JsonObject)
    .examples as JsonObject,
);
const errors = [...contract.operations.flatMap((op) => op.responses), ...contract.routeErrors]
  .filter((r) => Number(r.status) >= 400)
  .flatMap((r) => r.examples.filter((ex) => ex.errorCase && isObject(ex.value)).map((ex) => ex.value as JsonObject));

const work = mkdtempSync(join(tmpdir(), 'docs-test-'));
const page = join(work, 'index.html');
let docsHost: RunningMock;
let url: string;
let buildMs: number;

beforeAll(async () => {
  const started = performance.now();
  buildDocs(page);
  buildMs = Math.round(performance.now() - started);
  // Served as `npm start` serves it: by the mock, at /docs.
  docsHost = await startMockServer({ token: 'docs-token', channelKey: 'DocsChannel1', port: 0, docsPath: page });
  url = `${docsHost.url}/docs`;
}, 60_000);

afterAll(async () => {
  await docsHost?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('npm run docs', () => {
  it('writes one self-contained page: Redoc inlined, no CDN, no telemetry', () => {
    const html = readFileSync(page, 'utf8');
    console.log(`docs build: ${buildMs} ms, ${Math.round(html.length / 1024)} KiB`);
    expect(html).not.toMatch(/<script[^>]+\bsrc=/);
    expect(html).not.toMatch(/<link[^>]+\bhref="https?:/);
    expect(html).toContain('"disableTelemetry":true');
  });
});

describe('the code samples, run against the mock', () => {
  const credentials = { token: 'docs-sample-token', channelKey: 'DocsSample42' };
  const success = operation.responses.find((r) => /^2\d\d$/.test(r.status))!.status;
  const env = { ...process.env, TOKEN: credentials.token, CHANNEL_KEY: credentials.channelKey };
  const prefix = new URL(String((contract.document.servers as JsonObject[])[0]!.url)).pathname;

  it(`TypeScript: every request example gets ${success}`, async () => {
    const mock = await startMockServer({ ...credentials, port: 0 });
    try {
      const [, sample] = codeSamples(contract, operation, `${mock.url}${prefix}`);
      // As the sample says: a file in the kit's root (an ESM package with client/ in it), run with tsx.
      const kit = join(work, 'kit');
      mkdirSync(kit);
      writeFileSync(join(kit, 'package.json'), '{ "type": "module" }');
      symlinkSync(join(ROOT, 'client'), join(kit, 'client'));
      writeFileSync(join(kit, 'sample.ts'), sample!.source);
      const out = await run(join(ROOT, 'node_modules/.bin/tsx'), ['sample.ts'], '', env, kit);
      for (const name of requestExamples) expect(out, out).toContain(`${name} ${success}`);
    } finally {
      await mock.close();
    }
  });

  it.skipIf(!hasCurl)(`cURL: every request example gets ${success}`, async () => {
    const mock = await startMockServer({ ...credentials, port: 0 });
    try {
      const [sample] = codeSamples(contract, operation, `${mock.url}${prefix}`);
      const out = await run(
        'bash',
        ['-e'],
        sample!.source.replace(/^curl /gm, `curl -sS -o /dev/null -w '%{http_code}\\n' `),
        env,
      );
      expect(out.trim().split('\n')).toEqual(requestExamples.map(() => success));
    } finally {
      await mock.close();
    }
  });
});

describe('the page in Chromium', () => {
  let browser: Browser;
  let tab: Page;
  const outside: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!hasChromium) return;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    tab = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await tab.route('**/*', (route) => {
      const request = route.request();
      if (request.url().startsWith(url)) return route.continue();
      outside.push(`${request.resourceType()} ${request.url()}`);
      return route.abort();
    });
    tab.on('pageerror', (error) => pageErrors.push(error.message));
    await tab.goto(url);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it.skipIf(!hasChromium)(
    'shows the operation and both code samples, then the error catalogue, and saves a screenshot',
    async () => {
      const sidebar = (text: string) => tab.getByText(text, { exact: true }).first().click();
      await sidebar(String((operation.raw.tags as string[])[0]));
      await sidebar(operation.summary);
      await tab.getByRole('heading', { name: operation.summary }).first().waitFor({ state: 'visible' });

      const line = (source: string, fragment: string) => source.split('\n').find((l) => l.includes(fragment))!;
      await tab.getByText(line(curlSample!.source, 'curl ')).first().waitFor({ state: 'visible' });
      const operationShot = await tab.screenshot();
      await tab.getByRole('button', { name: curlSample!.label }).click();
      await tab.getByRole('menuitem', { name: tsSample!.label }).click();
      await tab
        .getByText(line(tsSample!.source, `await client.${operation.operationId}(`))
        .first()
        .waitFor({ state: 'visible' });
      const tsShot = await tab.getByTestId('right-panel').filter({ hasText: tsSample!.label }).first().screenshot();

      await sidebar(CATALOGUE_TAG);
      for (const error of errors) {
        await tab
          .getByRole('cell', { name: String(error.message), exact: true })
          .first()
          .waitFor({ state: 'visible' });
        if (typeof error.code === 'string')
          await tab.getByRole('cell', { name: error.code, exact: true }).waitFor({ state: 'visible' });
      }
      // Redoc makes a section per heading of the catalogue's text; each is shot on its own, as it scrolls into view.
      const slug = `/${CATALOGUE_TAG.toLowerCase().replace(/\s+/g, '-')}`;
      const catalogueShots = [];
      for (const part of await tab.locator(`[data-section-id^="${slug}"] [data-testid="middle-panel"]`).all())
        catalogueShots.push(await part.screenshot());

      await saveComposite(browser, operationShot, tsShot, catalogueShots, join(ROOT, 'test-output/docs.png'));
      expect(pageErrors).toEqual([]);
      // Images may be asked for elsewhere (Redoc's "API docs by" badge is one) and are not needed; nothing else is.
      expect(outside.filter((request) => !request.startsWith('image '))).toEqual([]);
    },
    60_000,
  );
});

/** One picture for the review: the operation with its cURL sample, then the TypeScript sample beside the catalogue. */
async function saveComposite(browser: Browser, operation: Buffer, sample: Buffer, catalogue: Buffer[], path: string) {
  const img = (png: Buffer) =>
    `<img style="display:block;max-width:100%;border:1px solid #bbb" src="data:image/png;base64,${png.toString('base64')}">`;
  const sheet = await browser.newPage({ viewport: { width: 1440, height: 800 } });
  await sheet.setContent(
    `<body style="margin:8px">${img(operation)}<div style="display:flex;gap:16px;align-items:flex-start;margin-top:16px">` +
      `<div>${img(sample)}</div><div>${catalogue.map(img).join('')}</div></div></body>`,
  );
  mkdirSync(join(path, '..'), { recursive: true });
  await sheet.screenshot({ path, fullPage: true });
  await sheet.close();
}

/** Asynchronous: the mock answering the child runs in this process. */
function run(command: string, args: string[], input: string, env: NodeJS.ProcessEnv, cwd = ROOT): Promise<string> {
  return new Promise((done, fail) => {
    const child = execFile(command, args, { cwd, env }, (error, stdout, stderr) =>
      error ? fail(new Error(`${error.message}\n${stderr}`)) : done(stdout),
    );
    child.stdin?.end(input);
  });
}
