import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script, constants } from 'node:vm';

/** A CommonJS bundle run with a V8 code cache beside it (`<file>.cache`). */
export interface CachedScript {
  exports: Record<string, unknown>;
  /** True when the cache was read and accepted (nothing was compiled from source up front). */
  cacheUsed: boolean;
  /** Writes the cache (what has been compiled so far) unless an accepted one was read. Never throws. */
  saveCache(): void;
}

/**
 * Runs a CommonJS file the way require() does, but compiles it with the code cache V8 wrote on an
 * earlier run, so the functions a command needs are not parsed and compiled again (Node 20 has no
 * compile cache for ES modules; ADR 0010). A missing, stale or rejected cache only costs the compile.
 *
 * @example
 * const scan = runCachedScript('/app/dist/bundled/scan.cjs');
 * await (scan.exports.main as (argv: string[]) => Promise<void>)(process.argv);
 * scan.saveCache();
 */
export function runCachedScript(file: string): CachedScript {
  const cacheFile = `${file}.cache`;
  const cachedData = readOptional(cacheFile);
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} as Record<string, unknown> };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  const cacheUsed = cachedData !== undefined && !script.cachedDataRejected;
  return { exports: module.exports, cacheUsed, saveCache: () => { if (!cacheUsed) writeQuietly(cacheFile, script.createCachedData()); } };
}

function readOptional(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Write then rename, so a concurrent run reads the old cache or the new one; a read-only install keeps none. */
function writeQuietly(file: string, data: Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch {
    // no cache: the next run compiles from source, as without one
  }
}
