// Public API of the matcher. Wired into packages/core/src/index.ts by the package owner.
export { AdvisoryIndex, type ReadonlyAdvisoryIndex } from './advisory-index.js';
export type { SchemeLookup } from './compiled-range.js';
export type { Finding, FindingDelta, FindingStatus, MatchExplanation, MatchRule } from './finding.js';
export { findingKeyOf } from './finding-key.js';
export { diffFindings, isEmptyDelta } from './finding-delta.js';
export type { FleetEvaluation } from './fleet-evaluation.js';
export { FleetMatcher } from './fleet-matcher.js';
export { advisoryUid, vulnerabilityIdsOf, type AdvisoryRef } from './indexed-advisory.js';
export { matchInventory } from './match-inventory.js';
export { binaryKeyOf, normalizePackageName, sourceKeyOf, type MatchKey } from './match-key.js';
export { InstalledGroups, plainFixedVersionOf } from './match-hint.js';
