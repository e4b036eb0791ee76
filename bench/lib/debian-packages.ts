import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';

/** One binary package as listed by an apt Packages index or a dpkg status file. */
export interface DebPackage {
  name: string;
  version: string;
  arch: string;
  sourceName: string;
  sourceVersion: string;
}

/**
 * Real Debian bookworm packages for benchmarks: the apt Packages indexes on this machine
 * (after `apt-get update`), else this host's dpkg status. Returns [] when neither exists.
 */
export function loadRealDebianPackages(): { packages: DebPackage[]; origin: string } {
  const lists = '/var/lib/apt/lists';
  const index = existsSync(lists) ? readdirSync(lists).find((f) => /_dists_bookworm_main_binary-amd64_Packages(\.lz4)?$/.test(f)) : undefined;
  if (index) {
    const text = execFileSync('/usr/lib/apt/apt-helper', ['cat-file', `${lists}/${index}`], { maxBuffer: 512 * 1024 * 1024 }).toString('utf8');
    return { packages: parseStanzas(text), origin: `apt index ${index}` };
  }
  if (existsSync('/var/lib/dpkg/status')) return { packages: parseStanzas(readFileSync('/var/lib/dpkg/status', 'utf8')), origin: '/var/lib/dpkg/status' };
  return { packages: [], origin: 'none' };
}

function parseStanzas(text: string): DebPackage[] {
  const out: DebPackage[] = [];
  for (const stanza of text.split(/\n\n+/)) {
    const f = fields(stanza);
    if (!f.Package || !f.Version) continue;
    const m = /^(\S+)(?:\s+\((.+)\))?$/.exec(f.Source ?? '');
    out.push({ name: f.Package, version: f.Version, arch: f.Architecture ?? 'amd64', sourceName: m?.[1] ?? f.Package, sourceVersion: m?.[2] ?? f.Version });
  }
  return out;
}

function fields(stanza: string): Record<string, string> {
  const f: Record<string, string> = {};
  for (const line of stanza.split('\n')) {
    const m = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    if (m) f[m[1]!] = m[2]!;
  }
  return f;
}
