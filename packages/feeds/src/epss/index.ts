// Public API of the FIRST EPSS source.
export { epssFeed, readEpssFile, detectEpss } from './epss.source.js';
export { parseEpssCsv, splitEpssRow, type ParseEpssOptions } from './epss.parser.js';
export { epssRowToIntel, parseProbability, type EpssMappingContext } from './epss.mapper.js';
export { parseEpssHeaderLine, checkEpssColumnLine } from './epss.header.js';
export { E_EPSS_INVALID, E_LINE_TOO_LONG } from './epss.errors.js';
export { EPSS_COLUMNS, type EpssFileHeader, type EpssRow } from './epss.types.js';
