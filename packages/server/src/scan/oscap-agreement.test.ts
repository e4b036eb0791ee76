/**
 * Oracle test: `scanInventory` against OpenSCAP (`oscap oval eval`, offline on a fake root) on a
 * 152-definition cut of Debian's bookworm OVAL and two dozen near-miss packages
 * (testdata/oscap-agreement/README.md). Every definition where the two disagree must be explained
 * by a known semantic difference (docs/oscap-comparison.md); the full-size run is
 * bench/oscap-compare.ts, whose model this file repeats in small (a package test cannot import bench/).
 */
import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { versionSchemes } from '@patchloop/core';
import { parseDpkgStatus } from '@patchloop/inventory';
import { openSqliteTestStore } from '@patchloop/store/testing';
import { importFeedPath } from '../feeds/feed-import.service.js';
import { scanInventory } from './scan.service.js';

const DATA = new URL('./testdata/oscap-agreement/', import.meta.url).pathname;
const OVAL = join(DATA, 'oval-subset.xml');
const NOW = '2026-11-26T12:00:00.000Z';

type Cls = 'both-true' | 'both-false' | 'unfixed-by-design' | 'binary-vs-source-name' | 'binary-version' | 'binnmu' | 'name-collision' | 'dpkg-state' | 'unexplained';
interface Def { id: string; advisoryId: string; source: string; fixed: string | null }
interface Pkg { name: string; version: string; sourceName: string; sourceVersion: string; state: string; eflag: string }

/** Like core's skipOracle (not exported to other packages): under PATCHLOOP_REQUIRE_ORACLES=1 a missing oscap fails. */
function oscapMissing(t: TestContext): boolean {
  if (spawnSync('oscap', ['--version'], { stdio: 'ignore' }).status === 0) return false;
  if (process.env.PATCHLOOP_REQUIRE_ORACLES === '1') throw new Error('PATCHLOOP_REQUIRE_ORACLES=1 but the oracle cannot run: oscap (openscap-scanner) is not installed');
  t.skip('oscap (openscap-scanner) is not installed');
  return true;
}

describe('scan agrees with OpenSCAP on Debian OVAL, up to explained differences', () => {
  it('near-miss packages: every difference has a known cause', async (t) => {
    if (oscapMissing(t)) return;
    const counts = await compareOn(join(DATA, 'status'));
    assert.deepEqual(counts.unexplained, [], 'differences no semantic explains');
    assert.ok(counts.byClass['both-true']! >= 5, `both true: ${counts.byClass['both-true']}`);
    for (const cls of ['unfixed-by-design', 'binary-vs-source-name', 'binary-version', 'name-collision', 'dpkg-state'] as const) {
      assert.ok((counts.byClass[cls] ?? 0) > 0, `the fixture exercises ${cls}: ${JSON.stringify(counts.byClass)}`);
    }
  });

  it('two installed sources with definitions sharing one CVE id are both reported', async (t) => {
    if (oscapMissing(t)) return;
    const counts = await compareOn(join(DATA, 'status-shared-cve'));
    assert.deepEqual(counts.unexplained, []);
  });
});

async function compareOn(statusPath: string): Promise<{ byClass: Partial<Record<Cls, number>>; unexplained: string[] }> {
  const statusText = readFileSync(statusPath, 'utf8');
  const oscap = runOscapOffline(statusText);
  const reported = await runPatchloop(statusText, statusPath);
  const pkgs = parseStanzas(statusText);
  const byClass: Partial<Record<Cls, number>> = {};
  const unexplained: string[] = [];
  for (const d of readDefinitions()) {
    const cls = classify(d, oscap.get(d.id), reported.get(`${d.advisoryId} ${d.source}`) ?? 'none', pkgs);
    byClass[cls] = (byClass[cls] ?? 0) + 1;
    if (cls === 'unexplained') unexplained.push(`${d.advisoryId} ${d.source} fixed ${d.fixed ?? '0'}: oscap ${oscap.get(d.id)}, patchloop ${reported.get(`${d.advisoryId} ${d.source}`) ?? 'none'}`);
  }
  return { byClass, unexplained };
}

const less = (a: string, b: string) => versionSchemes.dpkg.compare(a, b) < 0;
const aptCurrent = (p: Pkg) => p.state !== 'not-installed' && p.state !== 'config-files';
const plInstalled = (p: Pkg) => p.state === 'installed' && p.eflag === 'ok';

/** Each tool's semantics predicts its verdict; a difference gets the class of the semantic causing it. */
function classify(d: Def, oscap: string | undefined, pl: string, pkgs: readonly Pkg[]): Cls {
  const sameName = pkgs.filter((p) => p.name === d.source && aptCurrent(p));
  const oscapHit = d.fixed === null ? undefined : sameName.find((p) => less(p.version, d.fixed!));
  const ofSource = pkgs.filter((p) => p.sourceName === d.source && plInstalled(p));
  const plModel = ofSource.length === 0 ? 'none' : d.fixed === null ? 'unfixed' : ofSource.some((p) => less(p.sourceVersion, d.fixed!)) ? 'affected' : 'none';
  if (oscap !== (oscapHit ? 'true' : 'false') || pl !== plModel) return 'unexplained';
  if (pl === 'unfixed') return 'unfixed-by-design';
  if ((oscap === 'true') === (pl === 'affected')) return oscap === 'true' ? 'both-true' : 'both-false';
  const witness = oscapHit ?? sameName[0];
  if (!witness) return 'binary-vs-source-name';
  if (!plInstalled(witness)) return 'dpkg-state';
  if (witness.sourceName !== d.source) return 'name-collision';
  return witness.version.startsWith(`${witness.sourceVersion}+b`) ? 'binnmu' : 'binary-version';
}

/** Definition -> id Patchloop reports (first CVE reference; a patch's title id), object (source) name, fix. */
function readDefinitions(): Def[] {
  const xml = readFileSync(OVAL, 'utf8');
  const grab = (re: RegExp) => new Map([...xml.matchAll(re)].map((m) => [m[1]!, m[2]!]));
  const objects = grab(/<dpkginfo_object id="([^"]+)"[^>]*>\s*<name>([^<]*)</g);
  const states = grab(/<dpkginfo_state id="([^"]+)"[^>]*>\s*<evr [^>]*>([^<]*)</g);
  const tests = new Map([...xml.matchAll(/<dpkginfo_test id="([^"]+)"[^>]*>\s*<object object_ref="([^"]+)"\/>\s*<state state_ref="([^"]+)"/g)].map((m) => [m[1]!, [m[2]!, m[3]!] as const]));
  return [...xml.matchAll(/<definition id="([^"]+)"[^>]*class="([^"]+)"[^>]*>([\s\S]*?)<\/definition>/g)].map((m) => {
    const [object, state] = tests.get([...m[3]!.matchAll(/test_ref="([^"]+)"/g)].map((r) => r[1]!).find((id) => tests.has(id))!)!;
    const titleId = /<title>(\S+)/.exec(m[3]!)![1]!;
    const fixed = states.get(state)!.replace(/^0:/, '');
    return { id: m[1]!, advisoryId: m[2] === 'patch' ? titleId : (/source="CVE" ref_id="([^"]+)"/.exec(m[3]!)?.[1] ?? titleId), source: objects.get(object)!, fixed: fixed === '0' ? null : fixed };
  });
}

function parseStanzas(text: string): Pkg[] {
  return text.split(/\n\s*\n/).filter((s) => s.trim()).map((s) => {
    const f = Object.fromEntries(s.split('\n').map((l) => /^([\w-]+):\s*(.*)$/.exec(l)).filter((m) => m).map((m) => [m![1]!, m![2]!]));
    const src = /^(\S+)(?:\s+\((.+)\))?$/.exec(f.Source ?? '');
    const [, eflag = '', state = ''] = (f.Status ?? '').split(' ');
    return { name: f.Package!, version: f.Version!, sourceName: src?.[1] ?? f.Package!, sourceVersion: src?.[2] ?? f.Version!, state, eflag };
  });
}

/**
 * oscap offline: OSCAP_PROBE_ROOT with etc/debian_version and var/lib/dpkg/status, plus what
 * libapt-pkg needs there (cputable, sources.list, state dirs) and an APT_CONFIG that names the
 * architecture and skips the host's apt.conf.d (see bench/lib/oscap-runner.ts for why).
 */
function runOscapOffline(statusText: string): Map<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'oscap-agreement-'));
  try {
    const root = join(dir, 'root');
    for (const d of ['etc/apt/sources.list.d', 'var/lib/dpkg/updates', 'var/lib/apt/lists/partial', 'var/cache/apt/archives/partial', 'usr/share/dpkg', 'apt.conf.d']) mkdirSync(join(d === 'apt.conf.d' ? dir : root, d), { recursive: true });
    writeFileSync(join(root, 'etc/debian_version'), '12.11\n');
    writeFileSync(join(root, 'etc/apt/sources.list'), '');
    writeFileSync(join(root, 'var/lib/dpkg/status'), statusText);
    for (const f of readdirSync('/usr/share/dpkg').filter((n) => n.endsWith('table'))) copyFileSync(join('/usr/share/dpkg', f), join(root, 'usr/share/dpkg', f));
    writeFileSync(join(dir, 'apt.conf'), `APT::Architecture "amd64";\nAPT::Architectures { "amd64"; };\nDir::Etc::parts "${dir}/apt.conf.d/";\nDir::Etc::main "${dir}/none.conf";\n`);
    const r = spawnSync('oscap', ['oval', 'eval', '--results', join(dir, 'results.xml'), OVAL], { env: { ...process.env, OSCAP_PROBE_ROOT: root, APT_CONFIG: join(dir, 'apt.conf') }, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /dpkginfo_init has failed/);
    return new Map([...readFileSync(join(dir, 'results.xml'), 'utf8').matchAll(/<definition definition_id="([^"]+)" result="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** scanInventory on a store holding only the OVAL subset -> "advisoryId source" -> 'affected' | 'unfixed'. */
async function runPatchloop(statusText: string, file: string): Promise<Map<string, string>> {
  const t = await openSqliteTestStore();
  try {
    await importFeedPath(t.store, OVAL, { source: 'debian-oval', at: NOW, fetchedAt: NOW });
    const { packages } = parseDpkgStatus(statusText, { ecosystem: 'Debian:12', file });
    const report = await scanInventory(t.store, { snapshot: { asset: { name: 'near-miss', kind: 'host', source: 'import:dpkg-status' }, packages, warnings: [] }, nowIso: NOW });
    const out = new Map<string, string>();
    for (const f of report.findings) {
      for (const id of f.advisoryIds) {
        const key = `${id} ${f.package.sourceName ?? f.package.name}`;
        if (out.get(key) !== 'affected') out.set(key, f.status);
      }
    }
    return out;
  } finally {
    await t.cleanup();
  }
}
