// The host collector alone (no SBOM/lockfile parsers and their schemas): what `patchloop scan`
// of this host needs, loaded in a fraction of the full package's start-up time.
export { collectHostInventory, type CollectHostOptions } from './host/collect-host.js';
export { ecosystemForOs, parseOsInfo } from './host/os-release/os-release.parser.js';
export { readPackageDbFile } from './host/package-db-file.js';
export type { PackageDbKind } from './host/package-db.js';
