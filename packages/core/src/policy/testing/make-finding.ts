import type { InstalledPackage } from '../../inventory/asset.js';
import type { Finding } from '../../match/finding.js';
import { findingKeyOf } from '../../match/finding-key.js';

/** What a test says about a finding; everything else gets a plain default. */
export interface FindingSpec {
  assetId?: string;
  advisoryId?: string;
  /** Vulnerability ids (CVE first); defaults to [advisoryId]. */
  ids?: string[];
  pkg: InstalledPackage;
  /** Match on the source package (distro) instead of the binary. */
  onSource?: boolean;
  fixedVersion?: string;
}

/** A Finding for policy tests, keyed like the matcher keys it. */
export function makeFinding({ assetId = 'host-1', advisoryId = 'CVE-2024-0001', ids, pkg, onSource = false, fixedVersion }: FindingSpec): Finding {
  const matchedOn = onSource
    ? { ecosystem: pkg.ecosystem, kind: 'source' as const, name: pkg.sourceName ?? pkg.name, version: pkg.sourceVersion ?? pkg.version }
    : { ecosystem: pkg.ecosystem, kind: 'binary' as const, name: pkg.name, version: pkg.version };
  return {
    key: findingKeyOf(assetId, { source: 'test', id: advisoryId }, pkg),
    assetId,
    advisoryId,
    advisorySource: 'test',
    vulnerabilityIds: ids ?? [advisoryId],
    package: pkg,
    matchedOn,
    fixedVersion,
    status: 'affected',
    explanation: {
      advisory: { id: advisoryId, source: 'test' },
      affected: { index: 0, ecosystem: pkg.ecosystem, name: matchedOn.name, kind: matchedOn.kind },
      rule: 'range',
      events: [],
      comparisons: [],
      mapping: 'test',
      text: 'test finding',
    },
  };
}
