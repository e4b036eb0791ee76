// --- host inventory collectors (packages/inventory/src/host) ---
export type { PackageDbKind, PackageDbParseOptions, PackageDbParseResult, PackageDbLineParser, PackageDbFormat, SkippedPackage } from './host/package-db.js';
export { parseTextWith } from './host/package-db.js';
export { packageDbFormats } from './host/package-db.registry.js';
export { osPackagePurl, distroForEcosystem } from './host/distro-purl.js';
export type { OsPurlType, OsPurlParts } from './host/distro-purl.js';
export { parseDpkgStatus, createDpkgStatusParser, dpkgStatusFormat, E_DPKG_STATUS_INVALID } from './host/dpkg/dpkg-status.parser.js';
export type { DpkgStatus } from './host/dpkg/dpkg-status.parser.js';
export { parseRpmQa, createRpmQaParser, rpmQaFormat, parseRpmQaLine, parseSourceRpm, RPM_QA_QUERYFORMAT, E_RPM_QA_INVALID } from './host/rpm/rpm-qa.parser.js';
export type { RpmQaRow } from './host/rpm/rpm-qa.parser.js';
export { parseApkInstalled, createApkInstalledParser, apkInstalledFormat, E_APK_INSTALLED_INVALID } from './host/apk/apk-installed.parser.js';
export { parseOsRelease, parseOsInfo, osReleaseToOsInfo, ecosystemForOs, DEBIAN_RELEASE_BY_CODENAME, E_OS_RELEASE_INVALID } from './host/os-release/os-release.parser.js';
export type { OsReleaseFields } from './host/os-release/os-release.parser.js';
export { installedKernelReleases, kernelReleasesFromBootListing, compareKernelReleases, toKernelInfo } from './host/kernel/kernel.js';
export type { KernelPackageManager } from './host/kernel/kernel.js';
export { debianRebootStatus, needsRestartingRebootStatus } from './host/reboot/reboot-required.js';
export type { RebootStatus } from './host/reboot/reboot-required.js';
export { collectHostInventory, parseInventoryFile } from './host/collect-host.js';
export type { CollectHostOptions } from './host/collect-host.js';
// --- end host inventory collectors ---
export * from './application/index.js';
export { parseInventoryText, readInventoryFile, INVENTORY_FORMATS, MAX_INVENTORY_FILE_BYTES, type InventoryFormat, type InventoryTextOptions } from './inventory-text.js';
