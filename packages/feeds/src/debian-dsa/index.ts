// Public API of the Debian DSA/DLA list source.
export type { DsaListEntry, DsaReleaseLine } from './dsa.types.js';
export { parseDsaList, DSA_HEADER, type ParsedDsaEntry } from './dsa.parser.js';
export { readLines } from './dsa.lines.js';
export { dsaEntryToAdvisory, isoDateOf, DEBIAN_DSA_SOURCE, type DsaMappingResult } from './dsa.mapper.js';
export { debianDsaFormat, createDebianDsaFormat, detectDebianDsa, type DebianDsaFormatOptions } from './dsa.source.js';
export { E_LINE_TOO_LONG, E_DSA_LIST_INVALID } from './dsa.errors.js';
