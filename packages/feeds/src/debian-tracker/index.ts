// Public API of the Debian security-tracker JSON source.
export type { TrackerDocument, TrackerPackage, TrackerIssue, TrackerRelease } from './tracker.types.js';
export { releaseVerdict, type ReleaseVerdict } from './tracker.status.js';
export { TrackerMapper, DEBIAN_TRACKER_SOURCE } from './tracker.mapper.js';
export { debianTrackerFormat, createDebianTrackerFormat, detectDebianTracker, type DebianTrackerFormatOptions } from './tracker.source.js';
export { E_TRACKER_INVALID } from './tracker.errors.js';
