// Where the kit's data files are (the bundled document, the docs page): in a checkout, where the build writes
// them (generated/, docs/); in an installed package, beside its built code in dist/. The package build
// (scripts/packages.ts) defines KIT_BUILT; nothing else does.
import { fileURLToPath } from 'node:url';

declare const KIT_BUILT: boolean | undefined;

/** Whether this code runs from a built package. */
export const BUILT = typeof KIT_BUILT !== 'undefined' && KIT_BUILT;

/**
 * The path of a data file: `inCheckout` relative to the asking module in a checkout, `inPackage` relative to the
 * built code (dist/) of a package. Pass the asking module's `import.meta.url`.
 */
export function dataFile(moduleUrl: string, inCheckout: string, inPackage: string): string {
  return fileURLToPath(new URL(BUILT ? inPackage : inCheckout, moduleUrl));
}
