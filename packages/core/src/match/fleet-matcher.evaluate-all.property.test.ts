import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Advisory } from '../advisory/advisory.js';
import type { InstalledPackage } from '../inventory/asset.js';
import { FleetMatcher } from './fleet-matcher.js';
import { advisoryUid } from './indexed-advisory.js';
import { matchInventory } from './match-inventory.js';
import { advisory, HOSTS, installed, versionOf } from './testing/fleet-arbitraries.js';
import { applyDelta, modelFindings, type FindingModel } from './testing/delta-model.js';
import { indexOf } from './testing/match-helpers.js';
import { testSchemeFor } from './testing/schemes.js';

const RUNS = Number(process.env.FC_RUNS ?? 1000);
const inventory = fc.array(installed, { maxLength: 10 });

describe('FleetMatcher.evaluateAll equals matchInventory per host', () => {
  it('counts of a loaded random fleet, each key evaluated once', () => {
    fc.assert(
      fc.property(fc.array(advisory, { maxLength: 6 }), fc.array(inventory, { minLength: 1, maxLength: 8 }), (advisories, hosts) => {
        const fleet = new FleetMatcher({ schemeFor: testSchemeFor });
        fleet.upsertAdvisories(advisories);
        hosts.forEach((packages, h) => fleet.loadInventory(`h${h}`, packages));
        const summary = fleet.evaluateAll();
        const index = indexOf(latest(advisories));
        const expected = hosts.map((packages, h) => matchInventory(packages, index, { assetId: `h${h}` }));
        expected.forEach((findings, h) => assert.equal(fleet.findingCountOf(`h${h}`), findings.length, `count of h${h}`));
        expected.forEach((findings, h) => assert.deepStrictEqual(fleet.findingsForAsset(`h${h}`), findings, `findings of h${h}`));
        assert.equal(summary.findings, expected.reduce((n, f) => n + f.length, 0));
        assert.equal(summary.assets, hosts.length);
        assert.equal(summary.keys, fleet.stats().keys);
      }),
      { numRuns: RUNS },
    );
  });

  type Op =
    | { kind: 'apply' | 'load'; host: string; packages: InstalledPackage[] }
    | { kind: 'edit'; host: string; drop: number[]; add: InstalledPackage[]; bump: Bump[] }
    | { kind: 'upsert' | 'remove-advisories'; advisories: Advisory[] }
    | { kind: 'remove-asset' | 'count'; host: string }
    | { kind: 'evaluate-all' };

  /** Another version of the package at `at`: replacing it (an upgrade) or beside it (two versions on one slot). */
  interface Bump {
    at: number;
    version: string;
    keep: boolean;
  }
  const bump: fc.Arbitrary<Bump> = fc.record({ at: fc.nat(9), version: fc.oneof(versionOf('Debian:12'), versionOf('npm')), keep: fc.boolean() });
  const host = fc.constantFrom(...HOSTS);
  const op: fc.Arbitrary<Op> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constantFrom('apply' as const, 'load' as const), host, packages: inventory }) },
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), host, drop: fc.array(fc.nat(9), { maxLength: 2 }), add: fc.array(installed, { maxLength: 2 }), bump: fc.array(bump, { maxLength: 3 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('upsert' as const, 'remove-advisories' as const), advisories: fc.array(advisory, { minLength: 1, maxLength: 3 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('remove-asset' as const, 'count' as const), host }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'evaluate-all' as const }) },
  );

  it('incremental deltas and counts stay exact across loads, full evaluations and changes', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 16 }), (ops) => {
        const fleet = new FleetMatcher({ schemeFor: testSchemeFor });
        const advisories = new Map<string, Advisory>();
        const hosts = new Map<string, InstalledPackage[]>();
        const model: FindingModel = new Map();
        const expectedOf = (h: string) => matchInventory(hosts.get(h) ?? [], indexOf([...advisories.values()]), { assetId: h });
        for (const o of ops) {
          switch (o.kind) {
            case 'apply':
              hosts.set(o.host, o.packages);
              applyDelta(model, fleet.applyInventory(o.host, o.packages));
              break;
            case 'edit': {
              // A few packages removed and added: what incremental applyInventory is for.
              const packages = edited(hosts.get(o.host) ?? [], o.drop, o.add, o.bump);
              hosts.set(o.host, packages);
              applyDelta(model, fleet.applyInventory(o.host, packages));
              break;
            }
            case 'load':
              // Bulk loading reports no delta: the persisted findings are reconciled to the current ones.
              hosts.set(o.host, o.packages);
              fleet.loadInventory(o.host, o.packages);
              model.set(o.host, new Map(expectedOf(o.host).map((f) => [f.key, f])));
              break;
            case 'upsert':
              for (const a of o.advisories) advisories.set(advisoryUid(a), a);
              fleet.upsertAdvisories(o.advisories).forEach((d) => applyDelta(model, d));
              break;
            case 'remove-advisories':
              for (const a of o.advisories) advisories.delete(advisoryUid(a));
              fleet.removeAdvisories(o.advisories).forEach((d) => applyDelta(model, d));
              break;
            case 'remove-asset':
              hosts.delete(o.host);
              applyDelta(model, fleet.removeAsset(o.host));
              break;
            case 'count':
              assert.equal(fleet.findingCountOf(o.host), expectedOf(o.host).length, `count of ${o.host}`);
              break;
            case 'evaluate-all':
              assert.equal(fleet.evaluateAll().findings, [...hosts.keys()].reduce((n, h) => n + expectedOf(h).length, 0));
              break;
          }
          for (const h of HOSTS) {
            const expected = expectedOf(h);
            assert.deepStrictEqual(fleet.findingsForAsset(h), expected, `fleet state of ${h}`);
            assert.deepStrictEqual(modelFindings(model, h), expected, `deltas of ${h}`);
          }
        }
        for (const h of HOSTS) assert.equal(fleet.findingCountOf(h), expectedOf(h).length, `final count of ${h}`);
      }),
      { numRuns: RUNS },
    );
  });
});

function edited(packages: readonly InstalledPackage[], drop: readonly number[], add: readonly InstalledPackage[], bumps: readonly { at: number; version: string; keep: boolean }[]): InstalledPackage[] {
  const out = packages.filter((_, i) => !drop.includes(i));
  for (const { at, version, keep } of bumps) {
    const old = out[at % Math.max(1, out.length)];
    if (!old) continue;
    const next = { ...old, version, ...(old.sourceVersion === undefined ? {} : { sourceVersion: version }) };
    if (keep) out.push(next);
    else out[out.indexOf(old)] = next;
  }
  return [...out, ...add];
}

/** The last version of each advisory (upsert replaces by source and id). */
function latest(advisories: readonly Advisory[]): Advisory[] {
  return [...new Map(advisories.map((a) => [advisoryUid(a), a])).values()];
}
