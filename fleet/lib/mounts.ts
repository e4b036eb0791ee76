// Mount bookkeeping: find, unmount and safely remove directories that may hold mounts.
import { readFileSync, rmSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { runSync } from './exec.ts';

function unescapeMountPath(p: string): string {
  return p.replace(/\\([0-7]{3})/g, (_m, oct: string) => String.fromCharCode(parseInt(oct, 8)));
}

/** Mount points (in this process's mount namespace) at or below `dir`, deepest first. */
export function mountsUnder(dir: string): string[] {
  const base = resolve(dir);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const out: string[] = [];
  for (const line of readFileSync('/proc/self/mountinfo', 'utf8').split('\n')) {
    const target = line.split(' ')[4];
    if (!target) continue;
    const p = unescapeMountPath(target);
    if (p === base || p.startsWith(prefix)) out.push(p);
  }
  // Deepest first; a path mounted more than once appears once per mount.
  return out.sort((a, b) => b.length - a.length);
}

export function isMountPoint(dir: string): boolean {
  const base = resolve(dir);
  return mountsUnder(base).includes(base);
}

/** Unmounts everything at or below `dir` (lazily as a last resort). Returns what is still mounted. */
export function unmountAllUnder(dir: string): string[] {
  for (let attempt = 0; attempt < 3; attempt++) {
    const mounts = mountsUnder(dir);
    if (mounts.length === 0) return [];
    for (const m of mounts) {
      const r = runSync('umount', [m]);
      if (r.code !== 0) runSync('umount', ['-l', m]);
    }
  }
  return mountsUnder(dir);
}

/**
 * Removes a directory tree only when nothing is mounted below it, and never crosses a file system
 * boundary (so a forgotten bind mount of /dev or the repository can never be emptied).
 */
export function safeRemove(dir: string): void {
  if (!existsSync(dir)) return;
  const left = unmountAllUnder(dir);
  if (left.length > 0) throw new Error(`refusing to remove ${dir}: still mounted: ${left.join(', ')}`);
  const r = runSync('rm', ['-rf', '--one-file-system', '--', dir]);
  if (r.code !== 0 && existsSync(dir)) {
    // rm may fail on odd permissions; fall back to node (still no mounts below, checked above).
    rmSync(dir, { recursive: true, force: true });
  }
}
