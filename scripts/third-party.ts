// The notices a bundle owes the packages inlined into it: for each package esbuild read a file of (its metafile),
// the name, version and licence from its package.json, and its licence file's text, as MIT, ISC, BSD and Apache
// ask of anyone who ships their code.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { Metafile } from 'esbuild';
import { isObject } from '../lib/json.ts';

/** The folders of the packages under node_modules that the bundle's inputs come from, each once, sorted. */
export function bundledPackages(metafile: Metafile, root: string): string[] {
  const folders = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    const path = resolve(root, input);
    const at = path.lastIndexOf(`${sep}node_modules${sep}`);
    if (at < 0) continue;
    const [first, second] = path.slice(at + 14).split(sep);
    folders.add(join(path.slice(0, at + 14), first!.startsWith('@') ? `${first}${sep}${second}` : first!));
  }
  return [...folders].sort();
}

/** One text with every bundled package's notice. */
export function thirdPartyNotices(folders: string[]): string {
  return folders
    .map((folder) => {
      const manifest: unknown = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
      const field = (name: string) => (isObject(manifest) && typeof manifest[name] === 'string' ? manifest[name] : '');
      const licenceFile = readdirSync(folder).find((file) => /^(licen[cs]e|copying)(\.\w+)?$/i.test(file));
      const text = licenceFile
        ? readFileSync(join(folder, licenceFile), 'utf8').trim()
        : '(no licence file in the package)';
      return `${field('name')}@${field('version')} (${field('license') || 'licence not stated'})\n\n${text}\n`;
    })
    .join(`\n${'-'.repeat(80)}\n\n`);
}
