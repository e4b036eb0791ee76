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
export { syncFeeds, type SyncFeedsOptions, type SourceSyncResult, type SourceSyncStatus } from './sync/sync.js';
export { listFeedFiles, feedSyncMode, mirrorUrl, DEFAULT_FEED_SELECTION, IMPORT_ONLY_REASONS, NVD_API_URL, type FeedFileLocation, type FeedSelection, type FeedSyncMode } from './sync/feed-urls.js';
export { fetchToFile, fetchText, DEFAULT_FETCH_TIMEOUT_MS, type FetchToFileOptions, type FetchToFileResult, type FetcherOptions, type HttpValidators, type FetchAttemptEvent } from './sync/fetcher.js';
export { DEFAULT_RETRY_POLICY, backoffDelayMs, parseRetryAfterMs, type RetryPolicy } from './sync/retry-policy.js';
export { E_FETCH_FAILED, E_FETCH_TIMEOUT, E_FETCH_HTTP_STATUS, E_FETCH_TRUNCATED, E_CHECKSUM_MISMATCH, E_CHECKSUM_UNAVAILABLE } from './sync/fetch.errors.js';
export { readSyncState, syncStatePath, type SourceSyncState, type SyncedFileState } from './sync/sync-state.js';
export { type NvdSyncOptions } from './sync/nvd-sync.js';
export { exportBundle, listCacheBundleInputs, type BundleInput, type ExportBundleOptions } from './bundle/bundle.export.js';
export { importBundle, verifyBundle, type ImportBundleOptions, type BundleSourceImport } from './bundle/bundle.import.js';
export { generateBundleKeys, readBundlePrivateKey, readBundlePublicKey } from './bundle/bundle.keys.js';
export { BUNDLE_FORMAT, type BundleManifest, type BundleFileEntry } from './bundle/bundle.manifest.js';
export { E_BUNDLE_SIGNATURE_INVALID, E_BUNDLE_INVALID, E_BUNDLE_KEY_INVALID, E_BUNDLE_KEY_EXISTS } from './bundle/bundle.errors.js';
export * as csaf from './csaf/index.js';
export * as ubuntuOval from './ubuntu-oval/index.js';
export * as osv from './osv/index.js';
export * as alpineSecdb from './alpine-secdb/index.js';
export * as debianDsa from './debian-dsa/index.js';
export * as debianTracker from './debian-tracker/index.js';
export * as vex from './vex/index.js';
