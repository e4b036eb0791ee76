// Public API of the CycloneDX VEX parser.
export { parseCycloneDxVex, detectCycloneDxVex, type ParseCycloneDxVexOptions, type CycloneDxBomInput } from './cyclonedx-vex.parser.js';
export { cdxVulnerabilityToStatement, cdxProvenance, CDX_STATE_TO_STATUS, CDX_JUSTIFICATION_TO_VEX, type CdxMappingContext } from './cyclonedx-vex.mapper.js';
export { indexBom, parseBomLink, affectsToProduct, type BomIndex } from './cyclonedx-vex.refs.js';
export { checkCdxDocument, checkCdxVulnerability, CDX_ANALYSIS_STATES } from './cyclonedx-vex.checks.js';
export type { CdxDocument, CdxComponent, CdxVulnerability, CdxAffects, CdxAffectedVersion, CdxAnalysisState } from './cyclonedx-vex.types.js';
