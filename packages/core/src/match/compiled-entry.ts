import type { AffectedPackage, DistroStatus } from '../advisory/advisory.js';
import { compileRange, type CompiledRange, type SchemeLookup } from './compiled-range.js';
import type { IndexedAdvisory } from './indexed-advisory.js';
import { normalizePackageName, packageGroupId } from './match-key.js';

/**
 * How an affected entry's distro status decides matching:
 * - never: `not-affected` entries match nothing;
 * - any-version: unfixed / no-dsa / postponed / ignored / end-of-life / under-investigation entries
 *   without ranges or versions match every version (there is no fixed version to compare with);
 * - evaluate: OSV ranges and `versions` decide (`fixed`, no status, or a non-fixed status that still
 *   carries ranges: the ranges are honoured and the status is carried into the finding).
 */
export type EntryRule = 'never' | 'any-version' | 'evaluate';

/** The distro statuses that mean "affected, no fix (to be) shipped". */
export const OPEN_STATUSES: ReadonlySet<DistroStatus> = new Set<DistroStatus>(['unfixed', 'no-dsa', 'end-of-life', 'postponed', 'ignored', 'under-investigation']);

/** One `affected[]` entry of an advisory, compiled for matching. */
export interface CompiledEntry {
  readonly advisory: IndexedAdvisory;
  readonly affectedIndex: number;
  readonly affected: AffectedPackage;
  /** The (ecosystem, kind, name) group the entry is indexed under. */
  readonly groupId: string;
  readonly rule: EntryRule;
  readonly ranges: readonly CompiledRange[];
  readonly versions: ReadonlySet<string>;
}

/** Compiles every usable `affected[]` entry of an advisory (entries without ecosystem or name are skipped). */
export function compileEntries(advisory: IndexedAdvisory, schemeFor: SchemeLookup): CompiledEntry[] {
  const entries: CompiledEntry[] = [];
  advisory.advisory.affected.forEach((affected, affectedIndex) => {
    if (!affected.ecosystem || !affected.name) return;
    entries.push(compileEntry(advisory, affected, affectedIndex, schemeFor));
  });
  return entries;
}

/**
 * Ranges and versions are compiled on first use: an advisory naming several package groups is read
 * for the groups a host has, and its other entries are never evaluated (compileRange never throws,
 * so when it runs does not change any result).
 */
function compileEntry(advisory: IndexedAdvisory, affected: AffectedPackage, affectedIndex: number, schemeFor: SchemeLookup): CompiledEntry {
  const name = normalizePackageName(affected.ecosystem, affected.name);
  let ranges: readonly CompiledRange[] | undefined;
  let versions: ReadonlySet<string> | undefined;
  return {
    advisory,
    affectedIndex,
    affected,
    groupId: packageGroupId(affected.ecosystem, affected.packageKind, name),
    rule: ruleFor(affected),
    get ranges() {
      return (ranges ??= affected.ranges.map((r, i) => compileRange(r, i, affected.ecosystem, schemeFor)));
    },
    get versions() {
      return (versions ??= new Set(affected.versions));
    },
  };
}

function ruleFor(affected: AffectedPackage): EntryRule {
  if (affected.status === 'not-affected') return 'never';
  const open = affected.status !== undefined && OPEN_STATUSES.has(affected.status);
  return open && affected.ranges.length === 0 && affected.versions.length === 0 ? 'any-version' : 'evaluate';
}
