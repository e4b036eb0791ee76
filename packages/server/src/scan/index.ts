// `patchloop scan` without the HTTP server or the feed importers: a light entry point for the CLI.
export { scanInventory, type ScanOptions } from './scan.service.js';
export { toScanFindings, type ScanReport, type ScanFinding } from './scan-report.js';
