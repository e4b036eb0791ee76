import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Advisory, AffectedPackage } from '../advisory/advisory.js';
import type { InstalledPackage } from '../inventory/asset.js';
import { advisoryOf } from './testing/osv-record.js';
import { match, summarize } from './testing/match-helpers.js';

const npm = (name: string, version: string): InstalledPackage => ({ ecosystem: 'npm', name, version });
const entry = (extra: Partial<AffectedPackage>): AffectedPackage => ({ ecosystem: 'npm', name: 'lib', packageKind: 'binary', ranges: [], versions: [], ...extra });
const semverRange = (...events: AffectedPackage['ranges'][number]['events']) => ({ type: 'SEMVER' as const, events });
const gitRange = { type: 'GIT' as const, repo: 'https://example.org/lib.git', events: [{ introduced: '0' }, { fixed: 'a'.repeat(40) }] };

interface Case {
  name: string;
  advisories: Advisory[];
  packages: InstalledPackage[];
  want: string[];
}

const cases: Case[] = [
  {
    name: 'several ranges are OR-ed (second range matches)',
    advisories: [advisoryOf('GHSA-1', [entry({ ranges: [semverRange({ introduced: '0' }, { fixed: '1.0.0' }), semverRange({ introduced: '2.0.0' }, { fixed: '2.1.0' })] })])],
    packages: [npm('lib', '2.0.5'), npm('other', '2.0.5')],
    want: ['lib GHSA-1 affected fixed=2.1.0'],
  },
  { name: 'explicit versions only: listed', advisories: [advisoryOf('MAL-1', [entry({ versions: ['1.0.0'] })])], packages: [npm('lib', '1.0.0')], want: ['lib MAL-1 affected'] },
  { name: 'explicit versions only: not listed', advisories: [advisoryOf('MAL-1', [entry({ versions: ['1.0.0'] })])], packages: [npm('lib', '1.0.1')], want: [] },
  { name: 'GIT-only range: ignored without versions', advisories: [advisoryOf('OSV-1', [entry({ ranges: [gitRange] })])], packages: [npm('lib', '1.0.0')], want: [] },
  { name: 'GIT range with versions: the listed version matches', advisories: [advisoryOf('OSV-1', [entry({ ranges: [gitRange], versions: ['1.0.0'] })])], packages: [npm('lib', '1.0.0'), npm('lib', '1.0.1')], want: ['lib OSV-1 affected'] },
  { name: 'invalid fixed version in the feed: unevaluable', advisories: [advisoryOf('GHSA-2', [entry({ ranges: [semverRange({ introduced: '0' }, { fixed: '1.x' })] })])], packages: [npm('lib', '1.0.0')], want: ['lib GHSA-2 unevaluable'] },
  {
    name: 'invalid range but another range matches: affected',
    advisories: [advisoryOf('GHSA-3', [entry({ ranges: [semverRange({ introduced: '0' }, { fixed: '1.x' }), semverRange({ introduced: '0' }, { fixed: '2.0.0' })] })])],
    packages: [npm('lib', '1.0.0')],
    want: ['lib GHSA-3 affected fixed=2.0.0'],
  },
  { name: 'invalid range but the versions list matches: affected', advisories: [advisoryOf('GHSA-4', [entry({ ranges: [semverRange({ introduced: 'x' })], versions: ['1.0.0'] })])], packages: [npm('lib', '1.0.0')], want: ['lib GHSA-4 affected'] },
  { name: 'invalid installed version: unevaluable', advisories: [advisoryOf('GHSA-5', [entry({ ranges: [semverRange({ introduced: '0' }, { fixed: '2.0.0' })] })])], packages: [npm('lib', 'latest')], want: ['lib GHSA-5 unevaluable'] },
  {
    name: 'no scheme for the ecosystem: unevaluable',
    advisories: [advisoryOf('OSV-2', [entry({ ecosystem: 'Hex', ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }] })])],
    packages: [{ ecosystem: 'Hex', name: 'lib', version: '1.0.0' }],
    want: ['lib OSV-2 unevaluable'],
  },
  { name: 'withdrawn advisories do not match', advisories: [advisoryOf('GHSA-6', [entry({ ranges: [semverRange({ introduced: '0' })] })], { withdrawn: '2024-01-01T00:00:00Z' })], packages: [npm('lib', '1.0.0')], want: [] },
  {
    name: 'a name installed at two versions: one finding, the lower version kept',
    advisories: [advisoryOf('GHSA-7', [entry({ ranges: [semverRange({ introduced: '0' }, { fixed: '4.17.21' })] })])],
    packages: [npm('lib', '4.17.20'), npm('lib', '3.10.1'), npm('lib', '4.17.21')],
    want: ['lib GHSA-7 affected fixed=4.17.21'],
  },
  {
    name: 'two entries of one advisory: matched beats unevaluable',
    advisories: [advisoryOf('GHSA-8', [entry({ ranges: [semverRange({ introduced: 'bad' })] }), entry({ ranges: [semverRange({ introduced: '1.0.0' })] })])],
    packages: [npm('lib', '1.5.0')],
    want: ['lib GHSA-8 affected'],
  },
  {
    name: 'PyPI names compare in normal form',
    advisories: [advisoryOf('PYSEC-1', [entry({ ecosystem: 'PyPI', name: 'Zope.Interface', ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '5.0' }] }] })])],
    packages: [{ ecosystem: 'PyPI', name: 'zope-interface', version: '4.7.1' }],
    want: ['zope-interface PYSEC-1 affected fixed=5.0'],
  },
];

describe('matchInventory: OSV entry semantics', () => {
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(summarize(match(c.advisories, c.packages)), c.want));
  }

  it('an unevaluable finding carries the reason', () => {
    const [finding] = match([advisoryOf('GHSA-2', [entry({ ranges: [semverRange({ introduced: '0' }, { fixed: '1.x' })] })])], [npm('lib', '1.0.0')]);
    assert.equal(finding?.explanation.rule, 'unevaluable');
    assert.match(finding?.explanation.reason ?? '', /^range 0: fixed "1.x" is not a valid semver version/);
  });

  it('vulnerability ids: CVE first, then the advisory id and other aliases', () => {
    const [finding] = match([advisoryOf('GHSA-9', [entry({ versions: ['1.0.0'] })], { aliases: ['PYSEC-2', 'CVE-2024-2', 'CVE-2024-1'] })], [npm('lib', '1.0.0')]);
    assert.deepEqual(finding?.vulnerabilityIds, ['CVE-2024-2', 'CVE-2024-1', 'GHSA-9', 'PYSEC-2']);
  });

  it('the finding key is asset, advisory source and id, ecosystem, package name and arch', () => {
    const [finding] = match([advisoryOf('GHSA-9', [entry({ versions: ['1.0.0'] })])], [npm('lib', '1.0.0')], 'app-7');
    assert.equal(finding?.key, '["app-7","osv","GHSA-9","npm","lib",""]');
  });

  it('an invalid installed version does not throw and does not hide other packages', () => {
    const advisories = [advisoryOf('GHSA-10', [entry({ ranges: [semverRange({ introduced: '0' }, { fixed: '2.0.0' })] }), entry({ name: 'other', ranges: [semverRange({ introduced: '0' })] })])];
    assert.deepEqual(summarize(match(advisories, [npm('lib', ''), npm('other', '1.0.0')])), ['lib GHSA-10 unevaluable', 'other GHSA-10 affected']);
  });
});
