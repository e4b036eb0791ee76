import { createRequire } from 'node:module';
import type * as CvssLibrary from 'ae-cvss-calculator';

let library: typeof CvssLibrary | undefined;

/**
 * ae-cvss-calculator, loaded on first use. Evaluating the library costs tens of milliseconds at
 * start-up, which a `patchloop scan` with no CVSS vector to score would pay for nothing (issue 5).
 * Loading a module is not I/O in the domain sense: the result depends on the vector only.
 */
export function cvssLibrary(): typeof CvssLibrary {
  return (library ??= createRequire(import.meta.url)('ae-cvss-calculator') as typeof CvssLibrary);
}
