// Test-only helpers shared by the matcher tests.
import type { Advisory, AffectedPackage, RangeEvent } from '../../advisory/advisory.js';
import type { InstalledPackage } from '../../inventory/asset.js';
import { AdvisoryIndex } from '../advisory-index.js';
import type { Finding } from '../finding.js';
import { matchInventory } from '../match-inventory.js';
import { testSchemeFor } from './schemes.js';

/** An index of `advisories` over the test schemes. */
export function indexOf(advisories: readonly Advisory[]): AdvisoryIndex {
  const index = new AdvisoryIndex({ schemeFor: testSchemeFor });
  index.upsert(advisories);
  return index;
}

/** Findings of one host against `advisories`. */
export function match(advisories: readonly Advisory[], packages: readonly InstalledPackage[], assetId = 'host-1'): Finding[] {
  return matchInventory(packages, indexOf(advisories), { assetId });
}

/** "<package> <advisory> <status>[ fixed=<v>]" per finding: compact table expectations. */
export function summarize(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.package.name}${f.package.arch ? ':' + f.package.arch : ''} ${f.advisoryId} ${f.status}${f.fixedVersion ? ' fixed=' + f.fixedVersion : ''}`);
}

/** A Debian-style affected entry naming a source package with one ECOSYSTEM range. */
export function debSource(name: string, events: RangeEvent[], extra: Partial<AffectedPackage> = {}): AffectedPackage {
  return { ecosystem: 'Debian:12', name, packageKind: 'source', ranges: events.length ? [{ type: 'ECOSYSTEM', events }] : [], versions: [], ...extra };
}

/** A Debian 12 installed binary package (amd64). */
export function debPackage(name: string, version: string, extra: Partial<InstalledPackage> = {}): InstalledPackage {
  return { ecosystem: 'Debian:12', name, version, arch: 'amd64', ...extra };
}
