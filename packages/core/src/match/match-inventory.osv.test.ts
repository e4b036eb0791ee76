import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { InstalledPackage } from '../inventory/asset.js';
import { osvRecordToAdvisory } from './testing/osv-record.js';
import { match, summarize } from './testing/match-helpers.js';

/** Real OSV records (copied from ../shared/feeds/osv: fixtures, linter-testdata, go-vulndb-all.zip). */
function record(file: string) {
  return osvRecordToAdvisory(JSON.parse(readFileSync(new URL(`./testdata/${file}`, import.meta.url), 'utf8')));
}

interface Case {
  name: string;
  file: string;
  packages: InstalledPackage[];
  want: string[];
}

const deb7 = (name: string, version: string): InstalledPackage => ({ ecosystem: 'Debian:7', name, version, arch: 'amd64' });
const go = (name: string, version: string): InstalledPackage => ({ ecosystem: 'Go', name, version });
const pypi = (name: string, version: string): InstalledPackage => ({ ecosystem: 'PyPI', name, version });

const cases: Case[] = [
  { name: 'DSA-3029-1: wheezy nginx before the fix', file: 'DSA-3029-1.json', packages: [deb7('nginx', '1.2.1-2.2+wheezy2')], want: ['nginx:amd64 DSA-3029-1 affected fixed=1.2.1-2.2+wheezy3'] },
  {
    name: 'DSA-3029-1: binaries of source nginx are matched via the source',
    file: 'DSA-3029-1.json',
    packages: [{ ...deb7('nginx-common', '1.2.1-2.2+wheezy2'), sourceName: 'nginx', arch: 'all' }],
    want: ['nginx-common:all DSA-3029-1 affected fixed=1.2.1-2.2+wheezy3'],
  },
  { name: 'DSA-3029-1: the fixed version', file: 'DSA-3029-1.json', packages: [deb7('nginx', '1.2.1-2.2+wheezy3')], want: [] },
  { name: 'DSA-3029-1: Debian:8 is another release', file: 'DSA-3029-1.json', packages: [{ ...deb7('nginx', '1.2.1-2.2+wheezy2'), ecosystem: 'Debian:8' }], want: [] },
  {
    name: 'GO-2022-0969: stdlib and golang.org/x/net (pseudo-version fix)',
    file: 'GO-2022-0969.json',
    packages: [go('stdlib', '1.19.0'), go('golang.org/x/net', 'v0.0.0-20220826154423-83b083e8dc8b'), go('golang.org/x/text', 'v0.3.7')],
    want: ['golang.org/x/net GO-2022-0969 affected fixed=0.0.0-20220906165146-f3363e06e74c', 'stdlib GO-2022-0969 affected fixed=1.19.1'],
  },
  { name: 'GO-2022-0969: fixed versions', file: 'GO-2022-0969.json', packages: [go('stdlib', '1.18.6'), go('golang.org/x/net', 'v0.0.0-20220906165146-f3363e06e74c')], want: [] },
  { name: 'GO-2024-2963: 1.22 prerelease is affected', file: 'GO-2024-2963.json', packages: [go('stdlib', '1.22.0-rc.2')], want: ['stdlib GO-2024-2963 affected fixed=1.22.5'] },
  { name: 'GO-2024-2963: 1.21.12 is fixed', file: 'GO-2024-2963.json', packages: [go('stdlib', '1.21.12')], want: [] },
  { name: 'PYSEC-2023-74: ECOSYSTEM range with GIT range ignored', file: 'PYSEC-2023-74.json', packages: [pypi('requests', '2.30.0')], want: ['requests PYSEC-2023-74 affected fixed=2.31.0'] },
  { name: 'PYSEC-2023-74: fixed', file: 'PYSEC-2023-74.json', packages: [pypi('requests', '2.31.0')], want: [] },
  { name: 'PYSEC-2023-74: below introduced', file: 'PYSEC-2023-74.json', packages: [pypi('requests', '2.2.1')], want: [] },
  { name: 'GHSA-9v2f: versions list with an invalid entry, name in normal form', file: 'GHSA-9v2f-6vcg-3hgv.json', packages: [pypi('gradio', '4.36.1')], want: ['gradio GHSA-9v2f-6vcg-3hgv affected'] },
  { name: 'GHSA-9v2f: unlisted version', file: 'GHSA-9v2f-6vcg-3hgv.json', packages: [pypi('gradio', '4.37.0')], want: [] },
  { name: 'CVE-2023-41045: GIT-only record without package matches nothing', file: 'CVE-2023-41045.json', packages: [go('graylog2-server', '5.0.0')], want: [] },
  { name: 'nointroduced-CVE-2023-41045: invalid record does not crash', file: 'nointroduced-CVE-2023-41045.json', packages: [go('graylog2-server', '5.0.0')], want: [] },
  {
    name: 'CVE-2018-5407: Alpine openssl per release (apk)',
    file: 'CVE-2018-5407.json',
    packages: [{ ecosystem: 'Alpine:v3.8', name: 'libcrypto1.0', version: '1.0.2p-r0', sourceName: 'openssl' }, { ecosystem: 'Alpine:v3.7', name: 'openssl', version: '1.0.2q-r0' }],
    want: ['libcrypto1.0 CVE-2018-5407 affected fixed=1.0.2q-r0'],
  },
];

describe('matchInventory: real OSV records', () => {
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(summarize(match([record(c.file)], c.packages)), c.want));
  }

  it('DSA-3029-1 explanation names the record, entry, events and comparison', () => {
    const [finding] = match([record('DSA-3029-1.json')], [deb7('nginx', '1.2.1-2.2+wheezy2')]);
    assert.deepEqual(finding?.vulnerabilityIds, ['CVE-2014-3616', 'DSA-3029-1']);
    assert.deepEqual(finding?.explanation.events, [{ introduced: '0' }, { fixed: '1.2.1-2.2+wheezy3' }]);
    assert.ok(finding?.explanation.comparisons.includes('installed 1.2.1-2.2+wheezy2 < fixed 1.2.1-2.2+wheezy3 (dpkg)'));
  });
});
