// Change control: what changed in the contract between two versions of the bundled document, and whether it
// breaks anyone, as api-smart-diff classifies it. `npm run diff -- <git ref or file> [<git ref or file>]`
// compares generated/openapi.yaml at that ref (or that file) with the current one; exit 1 on a breaking change.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { apiCompare, type Diff } from 'api-smart-diff';
import { parse } from 'yaml';
import { BUNDLE_PATH } from '../lib/contract.ts';
import { isObject, valueAtPointer, type Json, type JsonObject } from '../lib/json.ts';
import { isEntryPoint } from '../lib/entry-point.ts';

const ROOT = resolve(import.meta.dirname, '..');
export const RELEASED_DIR = resolve(ROOT, 'openapi/released');

export interface Comparison {
  breaking: Diff[];
  nonBreaking: Diff[];
  /** Descriptions, examples, extensions, deprecations: worth reading, neither breaking nor not. */
  other: Diff[];
}

export function compareDocuments(before: JsonObject, after: JsonObject): Comparison {
  const { diffs } = apiCompare(comparable(before), comparable(after));
  return {
    breaking: diffs.filter((d) => d.type === 'breaking'),
    nonBreaking: diffs.filter((d) => d.type === 'non-breaking'),
    other: diffs.filter((d) => d.type !== 'breaking' && d.type !== 'non-breaking'),
  };
}

/**
 * Every $ref replaced by what it names, then the components dropped: a change shows up once, where it takes
 * effect (`paths/...`). Left in, the same change also comes back under `components/...`, classified differently.
 * Security schemes stay: `security` names them without a $ref.
 */
export function comparable(document: JsonObject): JsonObject {
  const walk = (node: Json, trail: string[]): Json => {
    if (Array.isArray(node)) return node.map((item) => walk(item, trail));
    if (!isObject(node)) return node;
    const { $ref, ...rest } = node;
    const siblings = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, walk(value, trail)]));
    if (typeof $ref !== 'string') return siblings;
    if (trail.includes($ref)) return node; // a cycle: compared as the $ref itself
    const target = walk(valueAtPointer(document, $ref) as Json, [...trail, $ref]);
    return isObject(target) ? { ...target, ...siblings } : target;
  };
  const resolved = walk(document, []) as JsonObject;
  const components = resolved.components as JsonObject | undefined;
  const { components: _dropped, ...rest } = resolved;
  return components?.securitySchemes ? { ...rest, components: { securitySchemes: components.securitySchemes } } : rest;
}

/** The breaking changes `after` may not make: all of them unless its major version is above `before`'s. */
export function breakingWithoutMajor(
  before: JsonObject,
  after: JsonObject,
  comparison = compareDocuments(before, after),
): Diff[] {
  return majorOf(after) > majorOf(before) ? [] : comparison.breaking;
}

export function majorOf(document: JsonObject): number {
  const version = String((document.info as JsonObject | undefined)?.version ?? '');
  const major = /^(\d+)\./.exec(version)?.[1];
  if (major === undefined) throw new Error(`info.version "${version}" is not MAJOR.MINOR.PATCH`);
  return Number(major);
}

/** The newest `openapi-<version>.yaml` under openapi/released/, by version. */
export function latestReleased(dir = RELEASED_DIR): { version: string; path: string } {
  const released = readdirSync(dir)
    .map((file) => ({ file, version: /^openapi-(\d+\.\d+\.\d+)\.yaml$/.exec(file)?.[1] }))
    .filter((entry): entry is { file: string; version: string } => entry.version !== undefined)
    .sort((a, b) => compareVersions(b.version, a.version));
  const [latest] = released;
  if (!latest) throw new Error(`no openapi-<version>.yaml in ${dir}`);
  return { version: latest.version, path: join(dir, latest.file) };
}

function compareVersions(a: string, b: string): number {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) if (x![i] !== y![i]) return x![i]! - y![i]!;
  return 0;
}

/** A file when one exists at that path; otherwise generated/openapi.yaml as committed at that git ref. */
export function loadVersion(refOrFile: string): JsonObject {
  if (existsSync(refOrFile)) return parse(readFileSync(refOrFile, 'utf8')) as JsonObject;
  try {
    const text = execFileSync('git', ['show', `${refOrFile}:generated/openapi.yaml`], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return parse(text) as JsonObject;
  } catch (error) {
    const reason = (error as { stderr?: string }).stderr?.trim() || String(error);
    throw new Error(`"${refOrFile}" is neither a file nor a git ref with generated/openapi.yaml: ${reason}`);
  }
}

export function report(comparison: Comparison): string {
  const lines = (diffs: Diff[]) =>
    diffs.map((d) => `  - ${d.description?.trim() || `${d.action} ${d.type}`}\n      at ${d.path.join(' › ')}`);
  return [
    `Breaking changes: ${comparison.breaking.length}`,
    ...lines(comparison.breaking),
    `Non-breaking changes: ${comparison.nonBreaking.length}`,
    ...lines(comparison.nonBreaking),
    `Other changes (annotations, extensions, deprecations): ${comparison.other.length}`,
    ...lines(comparison.other),
  ].join('\n');
}

if (isEntryPoint(import.meta.url)) {
  const [from, to = BUNDLE_PATH] = process.argv.slice(2);
  if (!from) {
    console.error('usage: npm run diff -- <git ref or file> [<git ref or file>, default generated/openapi.yaml]');
    process.exit(2);
  }
  try {
    const before = loadVersion(from);
    const after = loadVersion(to);
    const comparison = compareDocuments(before, after);
    const version = (doc: JsonObject) => String((doc.info as JsonObject | undefined)?.version);
    console.log(
      `${from} (${version(before)}) → ${to === BUNDLE_PATH ? 'generated/openapi.yaml' : to} (${version(after)})\n`,
    );
    console.log(report(comparison));
    if (breakingWithoutMajor(before, after, comparison).length > 0) {
      console.log(`\nBreaking changes need a major version: info.version is ${version(after)}.`);
    }
    process.exitCode = comparison.breaking.length > 0 ? 1 : 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  }
}
