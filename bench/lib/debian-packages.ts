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

/**
 * The packages of a fully patched bookworm host's apt sources: bookworm main, overlaid by
 * bookworm-updates and bookworm-security (same name and arch: the later suite wins, as apt
 * would install it). Falls back to `loadRealDebianPackages` when the security index is missing.
 */
export function loadPatchedBookwormPackages(): { packages: DebPackage[]; origin: string } {
  const lists = '/var/lib/apt/lists';
  const files = existsSync(lists) ? readdirSync(lists) : [];
  const find = (suite: string) => files.find((f) => new RegExp(`_dists_${suite}_main_binary-amd64_Packages(\\.lz4)?$`).test(f));
  const suites = [find('bookworm'), find('bookworm-updates'), find('bookworm-security')];
  if (!suites[0] || !suites[2]) return loadRealDebianPackages();
  const byName = new Map<string, DebPackage>();
  for (const file of suites) {
    if (!file) continue;
    const bytes = execFileSync('/usr/lib/apt/apt-helper', ['cat-file', `${lists}/${file}`], { maxBuffer: 512 * 1024 * 1024 });
    for (const p of scanStanzas(bytes)) byName.set(`${p.name}:${p.arch}`, p);
  }
  return { packages: [...byName.values()], origin: suites.filter(Boolean).join(' + ') };
}

const WANTED = ['Package', 'Version', 'Architecture', 'Source'];

/**
 * Like `parseStanzas`, reading the index bytes line by line and decoding only the four fields
 * used: a 100 MB index never becomes one string (that transient would set the benchmark's peak RSS).
 */
function scanStanzas(bytes: Buffer): DebPackage[] {
  const out: DebPackage[] = [];
  let f: Record<string, string> = {};
  const flush = () => {
    if (f.Package && f.Version) out.push(toDebPackage(f));
    f = {};
  };
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(10, start);
    if (end < 0) end = bytes.length;
    if (end === start) flush();
    else if (bytes[start] !== 32 && bytes[start] !== 9) {
      const colon = bytes.indexOf(58, start);
      const name = colon > start && colon < end ? bytes.toString('latin1', start, colon) : '';
      if (WANTED.includes(name)) f[name] = bytes.toString('utf8', colon + 1, end).trim();
    }
    start = end + 1;
  }
  flush();
  return out;
}

function toDebPackage(f: Record<string, string>): DebPackage {
  const m = /^(\S+)(?:\s+\((.+)\))?$/.exec(f.Source ?? '');
  return { name: f.Package!, version: f.Version!, arch: f.Architecture ?? 'amd64', sourceName: m?.[1] ?? f.Package!, sourceVersion: m?.[2] ?? f.Version! };
}

function parseStanzas(text: string): DebPackage[] {
  const out: DebPackage[] = [];
  for (const stanza of text.split(/\n\n+/)) {
    const f = fields(stanza);
    if (!f.Package || !f.Version) continue;
    out.push(toDebPackage(f));
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
