// The suite's own name and version, for reports: a vendor must know which suite judged their server.
import { createRequire } from 'node:module';

const manifest: unknown = createRequire(import.meta.url)('../package.json');
const version =
  typeof manifest === 'object' && manifest !== null && 'version' in manifest ? String(manifest.version) : 'unknown';

export const TOOL = { name: 'movilitas-conformance', version };
