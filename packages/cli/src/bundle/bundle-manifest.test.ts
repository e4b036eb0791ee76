import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BUNDLE_MANIFEST, freshBundle, type BundleManifest } from './bundle-manifest.js';

const ROOT = new URL('file:///repo/packages/cli/');
const MANIFEST: BundleManifest = { entry: 'main.js', scanEntry: 'scan.cjs', builds: { '../core/dist/.tsbuildinfo': 100, '../cli/dist/.tsbuildinfo': 200 } };

function fs(manifest: unknown, mtimes: Record<string, number>) {
  return {
    read: (url: URL) => {
      if (url.href !== new URL(BUNDLE_MANIFEST, ROOT).href || manifest === undefined) throw new Error('ENOENT');
      return typeof manifest === 'string' ? manifest : JSON.stringify(manifest);
    },
    mtimeOf: (url: URL) => {
      const t = mtimes[url.href];
      if (t === undefined) throw new Error('ENOENT');
      return t;
    },
  };
}

const at = (rel: string) => new URL(rel, ROOT).href;
const current = { [at('../core/dist/.tsbuildinfo')]: 100, [at('../cli/dist/.tsbuildinfo')]: 200 };

describe('freshBundle', () => {
  const cases: [string, unknown, Record<string, number>, boolean][] = [
    ['as new as every package build: the bundles', MANIFEST, current, true],
    ['a package rebuilt since: none', MANIFEST, { ...current, [at('../cli/dist/.tsbuildinfo')]: 201 }, false],
    ['a package build missing: none', MANIFEST, { [at('../core/dist/.tsbuildinfo')]: 100 }, false],
    ['no manifest: none', undefined, current, false],
    ['an unreadable manifest: none', '{not json', current, false],
    ['a manifest without builds: none', { ...MANIFEST, builds: {} }, current, false],
  ];
  for (const [name, manifest, mtimes, fresh] of cases) {
    it(name, () => {
      const got = freshBundle(ROOT, fs(manifest, mtimes));
      assert.deepEqual(got && { main: got.main.href, scan: got.scan?.href }, fresh ? { main: 'file:///repo/packages/cli/dist/bundled/main.js', scan: 'file:///repo/packages/cli/dist/bundled/scan.cjs' } : undefined);
    });
  }

  it('a manifest without a scan bundle: the CLI bundle only', () => {
    const { scanEntry: _scan, ...noScan } = MANIFEST;
    assert.equal(freshBundle(ROOT, fs(noScan, current))?.scan, undefined);
  });
});
