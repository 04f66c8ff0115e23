// What installing a package costs: its own folder and every package it needs, as npm laid them out in a
// node_modules (flat, as npm installs), each counted once.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isObject } from '../lib/json.ts';

export interface InstalledSize {
  name: string;
  /** Bytes of the package and its dependencies, files only. */
  bytes: number;
  /** The packages counted, itself first. */
  packages: string[];
}

export function installedSizes(nodeModules: string, packages: { name: string }[]): InstalledSize[] {
  return packages.map(({ name }) => {
    const closure = dependencyClosure(nodeModules, name);
    const bytes = closure.reduce((sum, dependency) => sum + folderBytes(join(nodeModules, dependency)), 0);
    return { name, bytes, packages: closure };
  });
}

function dependencyClosure(nodeModules: string, name: string): string[] {
  const seen = new Set<string>();
  const visit = (dependency: string) => {
    const manifest = join(nodeModules, dependency, 'package.json');
    if (seen.has(dependency) || !existsSync(manifest)) return;
    seen.add(dependency);
    const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
    const dependencies = isObject(parsed) && isObject(parsed.dependencies) ? parsed.dependencies : {};
    for (const next of Object.keys(dependencies)) visit(next);
  };
  visit(name);
  return [...seen];
}

/** Bytes of the files under `path`, or of the file itself. */
export function folderBytes(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, entry) => sum + folderBytes(join(path, entry)), 0);
}
