// `npm run pack`: the three packages users install, each described by the package.json in the folder that holds
// its code, built into a staging folder (the checkout stays as it is) and packed into packages/ (gitignored). The
// client is built ESM with one bundled .d.ts and openapi-fetch as its only dependency; the CLI and the mock are
// each one bundled file (esbuild) with no dependency at run time, with the bundled document (and the mock the
// docs page) beside their code in dist/.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { generateDtsBundle } from 'dts-bundle-generator';
import { build, type Plugin } from 'esbuild';
import { BUNDLE_PATH } from '../lib/contract.ts';
import { isEntryPoint } from '../lib/entry-point.ts';
import { isObject } from '../lib/json.ts';
import { bundledPackages, thirdPartyNotices } from './third-party.ts';
import { DOCS_OUTPUT } from './build-docs.ts';

const ROOT = resolve(import.meta.dirname, '..');
export const PACKED_DIR = resolve(ROOT, 'packages');

export interface KitPackage {
  /** The folder that holds its code and its package.json. */
  folder: string;
  /** Data files copied beside the built code: [from, to inside dist/]. */
  data: [string, string][];
  build(dist: string): Promise<void>;
}

/**
 * Faker with its English locale only, where Prism's generator asks for the whole package: every locale is 4 MB of
 * the mock's bundle, parsed as it starts and again by Prism's thread (mocks/prism-thread.ts), and Prism never sets
 * a locale but English, Faker's default. The same instance, as Prism reads it (`require(…).default`).
 */
const englishFaker: Plugin = {
  name: 'english-faker',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^@faker-js\/faker$/ }, ({ resolveDir }) => ({
      path: '@faker-js/faker',
      namespace: 'english-faker',
      pluginData: resolveDir,
    }));
    esbuild.onLoad({ filter: /.*/, namespace: 'english-faker' }, ({ pluginData }) => ({
      contents: "import faker from '@faker-js/faker/locale/en'; export default faker; export { faker };",
      resolveDir: pluginData as string,
    }));
  },
};

/**
 * A Node program in one file: its dependencies inlined (their notices in THIRD-PARTY-LICENSES.txt beside it), its
 * data found beside it (lib/layout.ts).
 */
async function program(entry: string, outfile: string): Promise<void> {
  const { metafile } = await build({
    entryPoints: [resolve(ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    metafile: true,
    // Several of Prism's dependencies ship an ESM build beside a UMD one that requires its own files at run time.
    mainFields: ['module', 'main'],
    define: { KIT_BUILT: 'true' },
    // The bundled CommonJS code calls require(); ESM has none of its own.
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as kitRequire } from 'node:module';\nconst require = kitRequire(import.meta.url);",
    },
    plugins: [englishFaker],
    logLevel: 'warning',
  });
  const notices = thirdPartyNotices(bundledPackages(metafile, ROOT));
  writeFileSync(join(dirname(outfile), 'THIRD-PARTY-LICENSES.txt'), notices);
}

export const PACKAGES: KitPackage[] = [
  {
    folder: 'client',
    data: [[BUNDLE_PATH, 'openapi.yaml']],
    async build(dist) {
      // For browsers, Node and bundlers alike: ESM, no Node built-in, openapi-fetch left to the installer.
      await build({
        entryPoints: [resolve(ROOT, 'client/index.ts')],
        outfile: join(dist, 'index.js'),
        bundle: true,
        platform: 'neutral',
        format: 'esm',
        target: 'es2022',
        external: ['openapi-fetch'],
        logLevel: 'warning',
      });
      // One declaration file with the document's types inlined, so that no consumer needs a compiler flag.
      const [declarations] = generateDtsBundle(
        [{ filePath: resolve(ROOT, 'client/index.ts'), output: { noBanner: true } }],
        {
          preferredConfigPath: resolve(ROOT, 'tsconfig.json'),
        },
      );
      writeFileSync(join(dist, 'index.d.ts'), declarations ?? '');
    },
  },
  {
    folder: 'conformance',
    data: [
      [BUNDLE_PATH, 'openapi.yaml'],
      [resolve(ROOT, 'conformance/report/report.schema.json'), 'report.schema.json'],
    ],
    build: (dist) => program('conformance/cli/cli.ts', join(dist, 'cli.js')),
  },
  {
    folder: 'mocks',
    data: [
      [BUNDLE_PATH, 'openapi.yaml'],
      [DOCS_OUTPUT, 'docs/index.html'],
    ],
    build: (dist) => program('mocks/cli.ts', join(dist, 'cli.js')),
  },
];

/** The package whose code is in `folder`. */
export function packageIn(folder: string): KitPackage {
  const kit = PACKAGES.find((candidate) => candidate.folder === folder);
  if (!kit) throw new Error(`no package in ${folder}/`);
  return kit;
}

/** Writes the package as npm packs it into `stage`: its package.json (and README), and dist/ built. */
export async function stagePackage(kit: KitPackage, stage: string): Promise<void> {
  rmSync(stage, { recursive: true, force: true });
  const dist = join(stage, 'dist');
  mkdirSync(dist, { recursive: true });
  for (const file of ['package.json', 'README.md']) {
    if (existsSync(resolve(ROOT, kit.folder, file))) copyFileSync(resolve(ROOT, kit.folder, file), join(stage, file));
  }
  await kit.build(dist);
  for (const [from, to] of kit.data) {
    mkdirSync(dirname(join(dist, to)), { recursive: true });
    copyFileSync(from, join(dist, to));
  }
}

/** Builds and packs each package into `outDir` (its older tarballs removed); the tarballs' paths. */
export async function packPackages(outDir = PACKED_DIR, packages = PACKAGES): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  for (const name of readdirSync(outDir).filter((file) => file.endsWith('.tgz'))) rmSync(join(outDir, name));
  const staging = mkdtempSync(join(tmpdir(), 'kit-packages-'));
  try {
    const tarballs = [];
    for (const kit of packages) {
      const stage = join(staging, kit.folder);
      await stagePackage(kit, stage);
      const output = execFileSync('npm', ['pack', '--json', '--pack-destination', outDir], {
        cwd: stage,
        encoding: 'utf8',
      });
      // npm pack --json: [{ filename, files, … }], one entry for the one package packed.
      const packed: unknown = JSON.parse(output);
      const filename = Array.isArray(packed) && isObject(packed[0]) ? packed[0].filename : undefined;
      if (typeof filename !== 'string') throw new Error(`npm pack said nothing of a tarball: ${output}`);
      tarballs.push(join(outDir, filename));
    }
    return tarballs;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

if (isEntryPoint(import.meta.url)) {
  const started = performance.now();
  for (const tarball of await packPackages()) console.log(`packed ${tarball}`);
  console.log(`in ${Math.round(performance.now() - started)} ms`);
}
