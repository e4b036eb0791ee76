// Public API of the OSV source.
export type { OsvRecord, OsvAffected, OsvRange, OsvEvent, OsvSeverity, OsvPackage, OsvReference } from './osv.types.js';
export { OSV_SCHEMA } from './osv.schema.js';
export { validateOsvRecord, isOsvRecord, type OsvSchemaProblem } from './osv.validator.js';
export { osvRecordToAdvisory, packageKindOfEcosystem, OSV_SOURCE } from './osv.mapper.js';
export { parseOsvRecordText, type OsvRecordOutcome } from './osv.parser.js';
export { forEachZipEntry, type ZipLimits, type ZipEntryHandler } from './osv.archive.js';
export { osvFormat, createOsvFormat, detectOsv, parseOsvPath, type OsvFormatOptions } from './osv.source.js';
export { E_OSV_SCHEMA, E_OSV_JSON, E_OSV_UNMAPPABLE, E_OSV_INPUT, E_ZIP_INVALID, E_ARCHIVE_BOMB, E_INPUT_TOO_LARGE } from './osv.errors.js';
