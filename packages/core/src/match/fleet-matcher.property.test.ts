import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Advisory, AffectedPackage, DistroStatus, RangeEvent, VersionRange } from '../advisory/advisory.js';
import type { InstalledPackage } from '../inventory/asset.js';
import { FleetMatcher } from './fleet-matcher.js';
import { advisoryUid } from './indexed-advisory.js';
import { advisoryOf } from './testing/osv-record.js';
import { applyDelta, modelFindings, type FindingModel } from './testing/delta-model.js';
import { indexOf } from './testing/match-helpers.js';
import { testSchemeFor } from './testing/schemes.js';
import { matchInventory } from './match-inventory.js';

// A small universe so random fleets and advisories collide often. Versions include invalid ones.
const ECOSYSTEMS = ['Debian:12', 'Debian:11', 'npm'] as const;
const NAMES = ['a', 'src1', 'src2'];
const DEB_VERSIONS = ['0', '1.0-1', '1.0-2', '1:0.9-1', '1.0-1~bpo12+1', '1.0-1+b1', '1.0-1+deb12u1', '2.0-1', 'bad version'];
const NPM_VERSIONS = ['0', '1.0.0', '1.2.0', '2.0.0-rc.1', '2.0.0', '1.x'];
const STATUSES: (DistroStatus | undefined)[] = [undefined, undefined, 'fixed', 'unfixed', 'no-dsa', 'not-affected', 'end-of-life'];
const HOSTS = ['h1', 'h2', 'h3', 'h4'];
const IDS = ['ADV-1', 'ADV-2', 'ADV-3', 'ADV-4', 'ADV-5'];

const versionOf = (eco: string) => fc.constantFrom(...(eco === 'npm' ? NPM_VERSIONS : DEB_VERSIONS));

const installed: fc.Arbitrary<InstalledPackage> = fc.constantFrom(...ECOSYSTEMS).chain((ecosystem) =>
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

const advisory: fc.Arbitrary<Advisory> = fc
  .record({ id: fc.constantFrom(...IDS), source: fc.constantFrom('osv', 'debian-oval'), affected: fc.array(affected, { minLength: 1, maxLength: 3 }), aliases: fc.subarray(['CVE-2024-1', 'CVE-2024-2', 'GHSA-x']), withdrawn: fc.boolean() })
  .map(({ id, source, affected, aliases, withdrawn }) => advisoryOf(id, affected, { source, aliases, ...(withdrawn ? { withdrawn: '2024-01-01T00:00:00Z' } : {}) }));

type Op =
  | { kind: 'inventory'; host: string; packages: InstalledPackage[] }
  | { kind: 'upsert'; advisories: Advisory[] }
  | { kind: 'remove-advisories'; advisories: Advisory[] }
  | { kind: 'remove-asset'; host: string };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('inventory' as const), host: fc.constantFrom(...HOSTS), packages: fc.array(installed, { maxLength: 10 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('upsert' as const), advisories: fc.array(advisory, { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove-advisories' as const), advisories: fc.array(advisory, { minLength: 1, maxLength: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove-asset' as const), host: fc.constantFrom(...HOSTS) }) },
);

/** The reference: current advisories and inventories, matched from scratch per host. */
interface World {
  advisories: Map<string, Advisory>;
  hosts: Map<string, InstalledPackage[]>;
}

function run(fleet: FleetMatcher, world: World, model: FindingModel, o: Op): void {
  switch (o.kind) {
    case 'inventory':
      world.hosts.set(o.host, o.packages);
      return applyDelta(model, fleet.applyInventory(o.host, o.packages));
    case 'upsert':
      for (const a of o.advisories) world.advisories.set(advisoryUid(a), a);
      return fleet.upsertAdvisories(o.advisories).forEach((d) => applyDelta(model, d));
    case 'remove-advisories':
      for (const a of o.advisories) world.advisories.delete(advisoryUid(a));
      return fleet.removeAdvisories(o.advisories.map((a) => ({ source: a.source, id: a.id }))).forEach((d) => applyDelta(model, d));
    case 'remove-asset':
      world.hosts.delete(o.host);
      return applyDelta(model, fleet.removeAsset(o.host));
  }
}

/** Fleet state and the delta-built model both equal a from-scratch per-host match. */
function check(fleet: FleetMatcher, world: World, model: FindingModel): void {
  const index = indexOf([...world.advisories.values()]);
  for (const host of HOSTS) {
    const expected = matchInventory(world.hosts.get(host) ?? [], index, { assetId: host });
    assert.deepStrictEqual(fleet.findingsForAsset(host), expected, `fleet state of ${host}`);
    assert.deepStrictEqual(modelFindings(model, host), expected, `deltas of ${host}`);
  }
}

describe('FleetMatcher equals matchInventory per host', () => {
  it('after every random inventory change, advisory upsert/removal and asset removal', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 16 }), (ops) => {
        const fleet = new FleetMatcher({ schemeFor: testSchemeFor });
        const world: World = { advisories: new Map(), hosts: new Map() };
        const model: FindingModel = new Map();
        for (const o of ops) {
          run(fleet, world, model, o);
          check(fleet, world, model);
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });
});
