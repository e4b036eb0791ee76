// Public API of the Alpine secdb source.
export type { SecdbFile, SecdbPackageEntry } from './secdb.types.js';
export { splitSecdbItem, type SecdbItem } from './secdb.item.js';
export { SecdbMapper, ALPINE_SECDB_SOURCE } from './secdb.mapper.js';
export { alpineSecdbFormat, createAlpineSecdbFormat, detectAlpineSecdb, readSecdbFile, type AlpineSecdbFormatOptions } from './secdb.source.js';
export { E_SECDB_INVALID, E_SECDB_ITEM_INVALID, E_LINE_TOO_LONG, E_SECDB_INPUT } from './secdb.errors.js';
