import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Advisory } from '../advisory/advisory.js';
import type { InstalledPackage } from '../inventory/asset.js';
import { FleetMatcher } from './fleet-matcher.js';
import { advisoryUid } from './indexed-advisory.js';
import { advisory, HOSTS, installed } from './testing/fleet-arbitraries.js';
import { applyDelta, modelFindings, type FindingModel } from './testing/delta-model.js';
import { indexOf } from './testing/match-helpers.js';
import { testSchemeFor } from './testing/schemes.js';
import { matchInventory } from './match-inventory.js';

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
