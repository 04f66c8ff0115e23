// The suite's own name and version, for reports and usage: a vendor must know which suite judged their server.
// Both are the package's (its bin and version; the package build inlines them).
import manifest from '../package.json' with { type: 'json' };

const [bin] = Object.keys(manifest.bin);

export const TOOL = { name: bin ?? manifest.name, version: manifest.version };
