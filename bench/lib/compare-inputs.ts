import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PATCHLOOP_BIN } from './patchloop-scan.js';

export const DEFAULT_OVAL_BZ2 = '/work/shared/feeds/debian/oval/oval-definitions-bookworm.xml.bz2';

/** `--name value` from argv, else the default. */
export function argOf(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : def;
}

/** A fresh work dir under /tmp unless --work DIR is given. */
export function workDir(prefix: string): string {
  return process.argv.includes('--work') ? argOf('work', '') : mkdtempSync(join(tmpdir(), prefix));
}

/** The OVAL XML decompressed into the work dir (oscap reads plain XML; Patchloop reads either). */
export function decompressOval(bz2: string, dir: string): string {
  const out = join(dir, 'oval.xml');
  if (!existsSync(out)) execFileSync('sh', ['-c', 'bzip2 -dc "$1" > "$2"', 'sh', bz2, out]);
  return out;
}

/** A SQLite store holding only the debian-oval feed (imported through the CLI), unless it exists. */
export function storeWithOval(db: string, ovalPath: string): string {
  if (!existsSync(db)) execFileSync(process.execPath, [PATCHLOOP_BIN, 'feeds', 'import', ovalPath, '--source', 'debian-oval', '--db', db], { stdio: ['ignore', 'ignore', 'inherit'] });
  return db;
}

/** This host's dpkg status text. */
export function hostStatusText(): string {
  return readFileSync('/var/lib/dpkg/status', 'utf8');
}
