import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AffectedPackage, RangeEvent } from '../advisory/advisory.js';
import type { InstalledPackage } from '../inventory/asset.js';
import { InstalledGroups, plainFixedVersionOf } from './match-hint.js';
import { debPackage, debSource, match } from './testing/match-helpers.js';
import { advisoryOf } from './testing/osv-record.js';
import { testSchemeFor } from './testing/schemes.js';

const OPENSSL = { ecosystem: 'Debian:12', kind: 'source' as const, name: 'openssl' };
const plain = (fixed: string, extra: Partial<AffectedPackage> = {}) => debSource('openssl', [{ introduced: '0' }, { fixed }], extra);

describe('plainFixedVersionOf', () => {
  const cases: [string, AffectedPackage[], string | undefined][] = [
    ['introduced 0, fixed X: X', [plain('3.0.15-1~deb12u1')], '3.0.15-1~deb12u1'],
    ['any status: still X (no verdict at or above X whatever the status)', [plain('3.0.15-1', { status: 'no-dsa' })], '3.0.15-1'],
    ['unfixed (no fixed event): none', [debSource('openssl', [{ introduced: '0' }], { status: 'unfixed' })], undefined],
    ['introduced later than 0: none', [debSource('openssl', [{ introduced: '1.0' }, { fixed: '2.0' }])], undefined],
    ['a versions list: none', [plain('2.0', { versions: ['1.5'] })], undefined],
    ['two ranges: none', [{ ...plain('2.0'), ranges: [...plain('2.0').ranges, ...plain('3.0').ranges] }], undefined],
    ['a limit event: none', [debSource('openssl', [{ introduced: '0' }, { fixed: '2.0' }, { limit: '3.0' }] as RangeEvent[])], undefined],
    ['a SEMVER range: none', [{ ...plain('2.0'), ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '2.0.0' }] }] }], undefined],
    ['two entries for the group: none', [plain('2.0'), plain('3.0')], undefined],
    ['another group\'s entry does not count', [plain('2.0'), debSource('curl', [{ introduced: '0' }])], '2.0'],
    ['no entry for the group: none', [debSource('curl', [{ introduced: '0' }, { fixed: '1.0' }])], undefined],
  ];
  for (const [name, affected, want] of cases) it(name, () => assert.equal(plainFixedVersionOf(advisoryOf('CVE-1', affected), OPENSSL), want));
});

describe('InstalledGroups.rulesOut', () => {
  const libssl = (version: string, source = 'openssl', sourceVersion?: string): InstalledPackage => debPackage('libssl3', version, { sourceName: source, ...(sourceVersion ? { sourceVersion } : {}) });
  const cases: [string, InstalledPackage[], string, boolean][] = [
    ['every installed version above X: ruled out', [libssl('3.0.15-1')], '3.0.11-1', true],
    ['installed equal to X: ruled out (fixed in X)', [libssl('3.0.11-1')], '3.0.11-1', true],
    ['installed below X: kept', [libssl('3.0.9-1')], '3.0.11-1', false],
    ['one of two versions below X: kept', [libssl('3.0.15-1'), debPackage('openssl', '3.0.9-1')], '3.0.11-1', false],
    ['a binNMU: the source version decides', [libssl('3.0.11-1+b1', 'openssl', '3.0.11-1')], '3.0.11-1', true],
    ['an unparsable installed version: kept', [libssl('not a version!')], '3.0.11-1', false],
    ['an unparsable fixed version: kept', [libssl('3.0.15-1')], '3:', false],
    ['nothing installed in the group: kept', [debPackage('bash', '5.2-1')], '3.0.11-1', false],
  ];
  for (const [name, packages, fixedBelow, want] of cases) {
    it(name, () => {
      assert.equal(new InstalledGroups(packages, testSchemeFor).rulesOut({ ...OPENSSL, fixedBelow }), want);
      // The matcher agrees: an advisory ruled out gives no finding on these packages.
      if (want) assert.deepEqual(match([advisoryOf('CVE-1', [plain(fixedBelow)])], packages), []);
    });
  }

  it('an ecosystem without a version scheme: kept', () => {
    const pkg: InstalledPackage = { ecosystem: 'Nowhere:1', name: 'x', version: '1' };
    assert.equal(new InstalledGroups([pkg], testSchemeFor).rulesOut({ ecosystem: 'Nowhere:1', kind: 'source', name: 'x', fixedBelow: '0.5' }), false);
  });
});
