import type { DistroStatus, PackageKind, RangeEvent, RangeType } from '../advisory/advisory.js';
import type { InstalledPackage } from '../inventory/asset.js';
import type { MatchKey } from './match-key.js';

/**
 * What a finding says about the package:
 * - affected: the installed version is inside an affected range (or listed), a fix exists or may exist;
 * - unfixed / no-dsa / end-of-life / postponed / ignored / under-investigation: the distro status of the
 *   affected entry, carried as is (affected, with no fix shipped for that reason);
 * - unevaluable: a comparison the decision needed could not be made (invalid version in the feed or the
 *   inventory, no scheme for the ecosystem). Reported, never silently "not affected".
 */
export type FindingStatus = 'affected' | Exclude<DistroStatus, 'fixed' | 'not-affected'> | 'unevaluable';

/** Which rule produced the verdict. */
export type MatchRule = 'range' | 'versions' | 'distro-status' | 'unevaluable';

/** Why a finding exists: record, entry, rule, comparisons and package mapping. */
export interface MatchExplanation {
  readonly advisory: { readonly id: string; readonly source: string };
  readonly affected: { readonly index: number; readonly ecosystem: string; readonly name: string; readonly kind: PackageKind; readonly status?: DistroStatus };
  readonly rule: MatchRule;
  readonly rangeIndex?: number;
  readonly rangeType?: RangeType;
  /** The range events that decided the match (opening event, closing bound, limit). */
  readonly events: readonly RangeEvent[];
  /** The comparisons made, e.g. "installed 1.2-3 < fixed 1.2-4 (dpkg)". */
  readonly comparisons: readonly string[];
  /** How the installed package was mapped to the matched key. */
  readonly mapping: string;
  /** For unevaluable findings: what could not be compared and why. */
  readonly reason?: string;
  /** All of the above as one line. */
  readonly text: string;
}

/** One advisory applying to one installed package of one asset. */
export interface Finding {
  /** Stable identity, see `findingKeyOf`. */
  readonly key: string;
  readonly assetId: string;
  readonly advisoryId: string;
  readonly advisorySource: string;
  /** Advisory id and aliases, CVE ids first. */
  readonly vulnerabilityIds: readonly string[];
  readonly package: InstalledPackage;
  /** The key the package matched on (source or binary). */
  readonly matchedOn: MatchKey;
  /** The smallest fixed version above the installed one, when the matched range has one. */
  readonly fixedVersion?: string;
  readonly status: FindingStatus;
  readonly explanation: MatchExplanation;
}

/** Changes of one asset's findings. `changed` holds findings whose identity stayed but whose content moved (status, version, fixed version, explanation). */
export interface FindingDelta {
  readonly assetId: string;
  readonly opened: readonly Finding[];
  readonly closed: readonly Finding[];
  readonly changed: readonly Finding[];
}
