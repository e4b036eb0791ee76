import { readFileSync, statSync } from 'node:fs';

/** Where the bundles live, relative to the cli package root, and their manifest. */
export const BUNDLE_DIR = 'dist/bundled/';
export const BUNDLE_MANIFEST = `${BUNDLE_DIR}manifest.json`;

/**
 * Written next to the bundles: the entry files and the modification time of every workspace
 * package's .tsbuildinfo when the bundles were made. `tsc -b` rewrites a .tsbuildinfo whenever it
 * emits, so a differing time means the bundles are older than the compiled code.
 */
export interface BundleManifest {
  /** The whole CLI, ES modules with a chunk per dynamic import. */
  entry: string;
  /** `patchloop scan` alone, one CommonJS file run with a code cache (cached-script.ts). */
  scanEntry?: string;
  builds: Record<string, number>;
}

/** The bundle entries, as URLs. */
export interface FreshBundle {
  main: URL;
  scan?: URL;
}

/**
 * The bundles when they are as new as the compiled packages; otherwise undefined (the caller runs
 * dist/ instead). Never throws: a missing or unreadable manifest means no bundle.
 *
 * @example
 * const entry = freshBundle(new URL('../', import.meta.url))?.main ?? new URL('../dist/main.js', import.meta.url);
 */
export function freshBundle(cliRoot: URL, { read = readText, mtimeOf = mtimeMs }: { read?: (url: URL) => string; mtimeOf?: (url: URL) => number } = {}): FreshBundle | undefined {
  try {
    const manifest = JSON.parse(read(new URL(BUNDLE_MANIFEST, cliRoot))) as BundleManifest;
    const builds = Object.entries(manifest.builds);
    if (builds.length === 0) return undefined;
    for (const [file, mtime] of builds) if (mtimeOf(new URL(file, cliRoot)) !== mtime) return undefined;
    const dir = new URL(BUNDLE_DIR, cliRoot);
    return { main: new URL(manifest.entry, dir), ...(manifest.scanEntry ? { scan: new URL(manifest.scanEntry, dir) } : {}) };
  } catch {
    return undefined;
  }
}

function readText(url: URL): string {
  return readFileSync(url, 'utf8');
}

function mtimeMs(url: URL): number {
  return statSync(url).mtimeMs;
}
