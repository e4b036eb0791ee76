// Test-only: maps an OSV JSON record onto the Advisory model so the matcher tests can replay real
// records. The production OSV parser belongs to packages/feeds/src/osv/ (core imports nothing of ours).
import type { Advisory, AffectedPackage, PackageKind, VersionRange } from '../../advisory/advisory.js';

interface OsvAffected {
  package?: { ecosystem: string; name: string; purl?: string };
  ranges?: { type: 'ECOSYSTEM' | 'SEMVER' | 'GIT'; repo?: string; events: VersionRange['events'] }[];
  versions?: string[];
}

interface OsvRecord {
  id: string;
  aliases?: string[] | null;
  summary?: string;
  withdrawn?: string;
  affected?: OsvAffected[] | null;
}

/** Distro ecosystems whose OSV records name source packages. */
const SOURCE_ECOSYSTEMS = ['Debian', 'Ubuntu', 'Alpine'];

function kindOf(ecosystem: string): PackageKind {
  return SOURCE_ECOSYSTEMS.includes(ecosystem.split(':', 1)[0] ?? '') ? 'source' : 'binary';
}

function toAffected(a: OsvAffected): AffectedPackage {
  const ecosystem = a.package?.ecosystem ?? '';
  return {
    ecosystem,
    name: a.package?.name ?? '',
    packageKind: kindOf(ecosystem),
    ranges: (a.ranges ?? []).map((r) => ({ type: r.type, events: r.events, ...(r.repo ? { repo: r.repo } : {}) })),
    versions: a.versions ?? [],
  };
}

/** An OSV record as an Advisory (source "osv"). */
export function osvRecordToAdvisory(record: OsvRecord): Advisory {
  return {
    id: record.id,
    aliases: record.aliases ?? [],
    source: 'osv',
    ...(record.withdrawn ? { withdrawn: record.withdrawn } : {}),
    affected: (record.affected ?? []).map(toAffected),
    severities: [],
    references: [],
    provenance: { feed: 'osv', recordId: record.id, fetchedAt: '2024-01-01T00:00:00Z', contentHash: '0'.repeat(64) },
  };
}

/** A minimal advisory for table tests. */
export function advisoryOf(id: string, affected: AffectedPackage[], extra: Partial<Advisory> = {}): Advisory {
  return { ...osvRecordToAdvisory({ id }), affected, ...extra };
}
