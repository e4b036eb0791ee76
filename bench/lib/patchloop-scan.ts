import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { pairKey, type PatchloopPairs, type PatchloopVerdict } from './oscap-agreement.js';

export const PATCHLOOP_BIN = new URL('../../packages/cli/bin/patchloop.js', import.meta.url).pathname;

/** The fields of `patchloop scan --json` findings this harness reads. */
export interface ScanJsonFinding {
  vulnerabilityId: string;
  advisoryIds: string[];
  status: string;
  package: { name: string; version: string; sourceName?: string; sourceVersion?: string };
}

/** `node packages/cli/bin/patchloop.js scan --json --db DB [--dpkg-status F --ecosystem Debian:12]`, timed. */
export function runPatchloopScan({ db, dpkgStatus, ecosystem = 'Debian:12' }: { db: string; dpkgStatus?: string; ecosystem?: string }): { seconds: number; findings: ScanJsonFinding[] } {
  const args = [PATCHLOOP_BIN, 'scan', '--json', '--db', db, ...(dpkgStatus ? ['--dpkg-status', dpkgStatus, '--ecosystem', ecosystem] : [])];
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`patchloop scan exited ${r.status}: ${r.stderr}`);
  return { seconds, findings: (JSON.parse(r.stdout) as { findings: ScanJsonFinding[] }).findings };
}

/** Findings -> (advisory id, source package) -> 'affected' | 'unfixed' (affected wins). */
export function findingsToPairs(findings: readonly { advisoryIds: readonly string[]; status: string; package: { name: string; sourceName?: string } }[]): PatchloopPairs {
  const out = new Map<string, PatchloopVerdict>();
  for (const f of findings) {
    const verdict: PatchloopVerdict = f.status === 'unfixed' ? 'unfixed' : f.status === 'affected' ? 'affected' : 'none';
    if (verdict === 'none') continue;
    for (const id of f.advisoryIds) {
      const key = pairKey(id, f.package.sourceName ?? f.package.name);
      if (out.get(key) !== 'affected') out.set(key, verdict);
    }
  }
  return out;
}
