import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import tar from 'tar-stream';
import { DomainError } from '@patchloop/core';
import type { FeedSourceName } from '../feed-format.js';
import { sharedFeedsDir } from '../sync/shared-data.js';
import { writeSyncState } from '../sync/sync-state.js';
import { exportBundle, listCacheBundleInputs } from './bundle.export.js';
import { importBundle } from './bundle.import.js';
import { generateBundleKeys, readBundlePrivateKey, readBundlePublicKey } from './bundle.keys.js';
import type { BundleManifest } from './bundle.manifest.js';

const feeds = sharedFeedsDir();
const skip = feeds ? false : 'shared feed data not found (set PATCHLOOP_SHARED to the folder holding feeds/)';
if (skip) console.log(`# skipping bundle tests: ${skip}`);

interface TarEntry { header: tar.Header; data: Buffer }

async function readEntries(file: string): Promise<TarEntry[]> {
  const out: TarEntry[] = [];
  const extract = tar.extract();
  const walk = (async () => {
    for await (const entry of extract) {
      const chunks: Buffer[] = [];
      for await (const c of entry as AsyncIterable<Buffer>) chunks.push(c);
      out.push({ header: entry.header, data: Buffer.concat(chunks) });
    }
  })();
  await Promise.all([pipeline(createReadStream(file), createGunzip(), extract), walk]);
  return out;
}

async function writeEntries(file: string, entries: TarEntry[]): Promise<void> {
  const pack = tar.pack();
  const done = pipeline(pack, createGzip(), createWriteStream(file));
  for (const e of entries) pack.entry({ ...e.header, size: e.data.length }, e.data);
  pack.finalize();
  await done;
}

describe('signed offline bundles (real KEV and EPSS files from a sync cache)', { skip }, () => {
  let dir: string;
  let cacheDir: string;
  let good: string;
  let privateKey: KeyObject;
  let publicKey: KeyObject;
  const imported: { source: FeedSourceName; path: string; origin: string; bytes: Buffer }[] = [];
  const importPath = async (source: FeedSourceName, path: string, origin: string): Promise<void> => {
    imported.push({ source, path, origin, bytes: (await stat(path)).isFile() ? await readFile(path) : Buffer.alloc(0) });
  };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'patchloop-bundle-test-'));
    cacheDir = join(dir, 'cache');
    await mkdir(join(cacheDir, 'kev'), { recursive: true });
    await mkdir(join(cacheDir, 'epss'), { recursive: true });
    await copyFile(join(feeds!, 'kev/known_exploited_vulnerabilities.json'), join(cacheDir, 'kev/known_exploited_vulnerabilities.json'));
    await copyFile(join(feeds!, 'epss/epss_scores-2025-04-15.csv.gz'), join(cacheDir, 'epss/epss_scores-current.csv.gz'));
    await writeFile(join(cacheDir, 'kev/.known_exploited_vulnerabilities.json.1234.part'), 'interrupted download');
    await writeSyncState(cacheDir, 'kev', { version: 1, imported: true, files: { 'https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json': { relPath: 'known_exploited_vulnerabilities.json' } } });
    await generateBundleKeys({ privatePath: join(dir, 'bundle.key'), publicPath: join(dir, 'bundle.pub') });
    privateKey = await readBundlePrivateKey(join(dir, 'bundle.key'));
    publicKey = await readBundlePublicKey(join(dir, 'bundle.pub'));
    good = join(dir, 'good.tar.gz');
    await exportBundle({ out: good, privateKey, inputs: await listCacheBundleInputs(cacheDir), createdAt: '2026-08-07T12:00:00.000Z' });
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  it('keygen writes the private key with mode 0600 and refuses to overwrite it', async () => {
    assert.equal((await stat(join(dir, 'bundle.key'))).mode & 0o777, 0o600);
    await assert.rejects(generateBundleKeys({ privatePath: join(dir, 'bundle.key'), publicPath: join(dir, 'other.pub') }), (e: unknown) => e instanceof DomainError && e.code === 'E_BUNDLE_KEY_EXISTS');
  });

  it('export: manifest.json, manifest.sig first; per file source, path, size, sha256, origin; dot files skipped', async () => {
    const entries = await readEntries(good);
    assert.deepEqual(entries.map((e) => e.header.name), ['manifest.json', 'manifest.sig', 'files/kev/known_exploited_vulnerabilities.json', 'files/epss/epss_scores-current.csv.gz']);
    const manifest = JSON.parse(entries[0]!.data.toString('utf8')) as BundleManifest;
    assert.equal(manifest.format, 'patchloop-feed-bundle/1');
    const kev = manifest.files[0]!;
    assert.equal(kev.origin, 'https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json');
    assert.equal(kev.size, (await stat(join(feeds!, 'kev/known_exploited_vulnerabilities.json'))).size);
    assert.match(manifest.files[1]!.origin, /^file:.*epss_scores-current\.csv\.gz$/);
  });

  it('round trip: every source is imported from byte-identical files with origin bundle:<file>#<path>', async () => {
    imported.length = 0;
    const results = await importBundle({ file: good, publicKey, importPath });
    assert.deepEqual(results.map((r) => [r.source, r.status]), [['kev', 'imported'], ['epss', 'imported']]);
    assert.deepEqual(imported.map((i) => i.origin), [`bundle:${good}#files/kev/known_exploited_vulnerabilities.json`, `bundle:${good}#files/epss/epss_scores-current.csv.gz`]);
    assert.ok(imported[0]!.bytes.equals(await readFile(join(feeds!, 'kev/known_exploited_vulnerabilities.json'))));
    assert.ok(imported[1]!.bytes.equals(await readFile(join(feeds!, 'epss/epss_scores-2025-04-15.csv.gz'))));
    assert.equal(existsSync(imported[0]!.path), false, 'the temporary extraction directory is removed');
  });

  const tamper: { name: string; code: string; mutate: (entries: TarEntry[]) => TarEntry[] }[] = [
    {
      name: 'file content changed (same size): hash mismatch',
      code: 'E_BUNDLE_INVALID',
      mutate: (es) => es.map((e) => (e.header.name.startsWith('files/kev/') ? { ...e, data: Buffer.from(e.data.toString('latin1').replace('CVE-2026-8037', 'CVE-2026-9999'), 'latin1') } : e)),
    },
    {
      name: 'manifest changed after signing: signature invalid',
      code: 'E_BUNDLE_SIGNATURE_INVALID',
      mutate: (es) => es.map((e) => (e.header.name === 'manifest.json' ? { ...e, data: Buffer.from(e.data.toString('utf8').replace('"size": ', '"size": 1')) } : e)),
    },
    { name: 'signature missing', code: 'E_BUNDLE_SIGNATURE_INVALID', mutate: (es) => es.filter((e) => e.header.name !== 'manifest.sig') },
    { name: 'signature garbage', code: 'E_BUNDLE_SIGNATURE_INVALID', mutate: (es) => es.map((e) => (e.header.name === 'manifest.sig' ? { ...e, data: Buffer.from('bm90IGEgc2lnbmF0dXJl') } : e)) },
    { name: 'a "../evil" entry next to the signed files', code: 'E_BUNDLE_INVALID', mutate: (es) => [...es, { header: { ...es[2]!.header, name: '../evil' }, data: Buffer.from('owned') }] },
    { name: 'an extra file not in the manifest', code: 'E_BUNDLE_INVALID', mutate: (es) => [...es, { header: { ...es[2]!.header, name: 'files/kev/extra.json' }, data: Buffer.from('{}') }] },
    { name: 'a symlink entry', code: 'E_BUNDLE_INVALID', mutate: (es) => [...es, { header: { ...es[2]!.header, name: 'files/kev/link', type: 'symlink', linkname: '/etc/passwd', size: 0 }, data: Buffer.alloc(0) }] },
    { name: 'a listed file missing', code: 'E_BUNDLE_INVALID', mutate: (es) => es.filter((e) => !e.header.name.startsWith('files/epss/')) },
  ];
  for (const t of tamper) {
    it(`refused, nothing imported: ${t.name}`, async () => {
      const bad = join(dir, `${t.name.replace(/\W+/g, '-')}.tar.gz`);
      await writeEntries(bad, t.mutate(await readEntries(good)));
      imported.length = 0;
      const tempRoot = await mkdtemp(join(dir, 'extract-'));
      await assert.rejects(importBundle({ file: bad, publicKey, importPath, tempRoot }), (e: unknown) => e instanceof DomainError && e.code === t.code);
      assert.deepEqual(imported, []);
      assert.deepEqual(await readdir(tempRoot), [], 'no extraction directory is left');
      assert.equal(existsSync(join(tempRoot, '..', 'evil')), false);
    });
  }

  it('a manifest signed by the trusted key that lists "../evil" is refused as unsafe', async () => {
    const es = await readEntries(good);
    const manifest = JSON.parse(es[0]!.data.toString('utf8')) as BundleManifest;
    manifest.files.push({ source: 'kev', path: '../evil', size: 5, sha256: 'a'.repeat(64), origin: 'x' });
    const bytes = Buffer.from(JSON.stringify(manifest));
    const bad = join(dir, 'signed-evil.tar.gz');
    await writeEntries(bad, [{ ...es[0]!, data: bytes }, { ...es[1]!, data: Buffer.from(sign(null, bytes, privateKey).toString('base64')) }, ...es.slice(2)]);
    imported.length = 0;
    await assert.rejects(importBundle({ file: bad, publicKey, importPath }), (e: unknown) => e instanceof DomainError && e.code === 'E_BUNDLE_INVALID' && /unsafe path/.test(e.message));
    assert.deepEqual(imported, []);
  });

  it('a bundle checked against a different trusted key: signature invalid, nothing imported', async () => {
    const other = generateKeyPairSync('ed25519').publicKey;
    imported.length = 0;
    await assert.rejects(importBundle({ file: good, publicKey: other, importPath }), (e: unknown) => e instanceof DomainError && e.code === 'E_BUNDLE_SIGNATURE_INVALID');
    assert.deepEqual(imported, []);
  });
});
