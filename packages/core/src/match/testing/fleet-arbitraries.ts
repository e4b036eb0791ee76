// Test-only: fast-check arbitraries for the fleet matcher property tests.
import fc from 'fast-check';
import type { Advisory, AffectedPackage, DistroStatus, RangeEvent, VersionRange } from '../../advisory/advisory.js';
import type { InstalledPackage } from '../../inventory/asset.js';
import { advisoryOf } from './osv-record.js';

// A small universe so random fleets and advisories collide often. Versions include invalid ones.
const ECOSYSTEMS = ['Debian:12', 'Debian:11', 'npm'] as const;
const NAMES = ['a', 'src1', 'src2'];
const DEB_VERSIONS = ['0', '1.0-1', '1.0-2', '1:0.9-1', '1.0-1~bpo12+1', '1.0-1+b1', '1.0-1+deb12u1', '2.0-1', 'bad version'];
const NPM_VERSIONS = ['0', '1.0.0', '1.2.0', '2.0.0-rc.1', '2.0.0', '1.x'];
const STATUSES: (DistroStatus | undefined)[] = [undefined, undefined, 'fixed', 'unfixed', 'no-dsa', 'not-affected', 'end-of-life'];
export const HOSTS = ['h1', 'h2', 'h3', 'h4'];
const IDS = ['ADV-1', 'ADV-2', 'ADV-3', 'ADV-4', 'ADV-5'];

export const versionOf = (eco: string) => fc.constantFrom(...(eco === 'npm' ? NPM_VERSIONS : DEB_VERSIONS));

export const installed: fc.Arbitrary<InstalledPackage> = fc.constantFrom(...ECOSYSTEMS).chain((ecosystem) =>
  fc.record(
    { ecosystem: fc.constant(ecosystem), name: fc.constantFrom(...NAMES), version: versionOf(ecosystem), sourceName: fc.constantFrom(...NAMES), sourceVersion: versionOf(ecosystem), arch: fc.constantFrom('amd64', 'i386') },
    { requiredKeys: ['ecosystem', 'name', 'version'] },
  ).map((p) => ({ ...p })),
);

const event = (eco: string): fc.Arbitrary<RangeEvent> =>
  fc.oneof(
    versionOf(eco).map((v) => ({ introduced: v })),
    versionOf(eco).map((v) => ({ fixed: v })),
    versionOf(eco).map((v) => ({ last_affected: v })),
    fc.oneof(versionOf(eco), fc.constant('*')).map((v) => ({ limit: v })),
  );

const range = (eco: string): fc.Arbitrary<VersionRange> =>
  fc.record({ type: fc.constantFrom(...(eco === 'npm' ? (['SEMVER', 'ECOSYSTEM', 'GIT'] as const) : (['ECOSYSTEM', 'GIT'] as const))), events: fc.array(event(eco), { minLength: 1, maxLength: 4 }) });

const affected: fc.Arbitrary<AffectedPackage> = fc.constantFrom(...ECOSYSTEMS).chain((ecosystem) =>
  fc.record({
    ecosystem: fc.constant(ecosystem),
    name: fc.constantFrom(...NAMES),
    packageKind: fc.constantFrom('source' as const, 'binary' as const),
    ranges: fc.array(range(ecosystem), { maxLength: 2 }),
    versions: fc.array(versionOf(ecosystem), { maxLength: 2 }),
    status: fc.constantFrom(...STATUSES),
  }).map(({ status, ...rest }) => (status ? { ...rest, status } : rest)),
);

export const advisory: fc.Arbitrary<Advisory> = fc
  .record({ id: fc.constantFrom(...IDS), source: fc.constantFrom('osv', 'debian-oval'), affected: fc.array(affected, { minLength: 1, maxLength: 3 }), aliases: fc.subarray(['CVE-2024-1', 'CVE-2024-2', 'GHSA-x']), withdrawn: fc.boolean() })
  .map(({ id, source, affected, aliases, withdrawn }) => advisoryOf(id, affected, { source, aliases, ...(withdrawn ? { withdrawn: '2024-01-01T00:00:00Z' } : {}) }));
