// Public API of @patchloop/feeds: one folder per source, each exporting its parser,
// mapper and file reader.
export * from './debian-oval/oval.types.js';
export { parseDebianOval, type ParseDebianOvalOptions } from './debian-oval/oval.parser.js';
export {
  ovalToAdvisories,
  ovalDefinitionToAdvisory,
  ovalEvrToVersion,
  DEBIAN_OVAL_SOURCE,
  type OvalMappingOptions,
  type OvalMappingResult,
  type OvalRejection,
} from './debian-oval/oval.mapper.js';
export { listOvalPackageChecks, type OvalPackageCheck } from './debian-oval/oval.package-checks.js';
export {
  readDebianOvalFile,
  openOvalInput,
  countOvalDocument,
  type DebianOvalCounts,
  type DebianOvalImport,
  type ReadDebianOvalFileOptions,
} from './debian-oval/oval.source.js';
export { debianReleaseFromName, debianReleaseFromPlatform } from './debian-oval/debian-release.js';
export { E_OVAL_INVALID, E_XML_DTD_FORBIDDEN, E_BZ2_INVALID } from './debian-oval/oval.errors.js';
export { canonicalJson, contentHash } from './shared/content-hash.js';
export * from './feed-format.js';
export { feedFormats, getFeedFormat, detectFeedFormat } from './registry.js';
export { openInput, detectCompression, readHead, type Compression } from './shared/open-input.js';
export { DEFAULT_INPUT_LIMITS, type InputLimits } from './shared/input-limits.js';
export { DEFAULT_FRESHNESS_MS, parseFreshness } from './freshness.js';
export * as kev from './kev/index.js';
export * as epss from './epss/index.js';
export * as nvd from './nvd/index.js';
export * as cve5 from './cve5/index.js';
