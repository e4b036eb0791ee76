// Public API of the CISA KEV source.
export { kevFeed, readKevFile, detectKev } from './kev.source.js';
export { parseKevCatalog, kevDataDate, type ParseKevCatalogOptions } from './kev.parser.js';
export { kevVulnerabilityToIntel, kevVulnerabilityToKevEntry, type KevMappingContext } from './kev.mapper.js';
export { E_KEV_INVALID } from './kev.errors.js';
export { KEV_SCHEMA } from './kev.schema.js';
export type { KevCatalog, KevVulnerability } from './kev.types.js';
