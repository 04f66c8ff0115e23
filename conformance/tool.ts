// The suite's own name and version, for reports: a vendor must know which suite judged their server. The version
// is the package's (the package build inlines it).
import manifest from './package.json' with { type: 'json' };

export const TOOL = { name: 'movilitas-conformance', version: manifest.version };
