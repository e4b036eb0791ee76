// Application services without the HTTP layer: the CLI imports these without loading Fastify.
export { importFeedPath, type FeedImportOptions, type FeedImportReport } from './feeds/feed-import.service.js';
export { rematchAsset, rematchAdvisoryChanges, type RematchResult } from './detection/rematch.js';
export { hashInput } from './feeds/input-hash.js';
export { buildFeedStatus, type FeedStatusLine } from './feeds/feed-status.js';
export { scanInventory, type ScanOptions } from './scan/scan.service.js';
export { toScanFindings, type ScanReport, type ScanFinding } from './scan/scan-report.js';
export { ensureDemoFleet } from './demo/demo-fleet.service.js';
export { buildDemoFleet } from './demo/demo-fleet.js';
export { assessStoredFindings, storedToFinding, type AssessmentScope } from './assess/assessment.service.js';
export { recordLocalHost } from './bootstrap/local-host.js';
export { applyInventoryDelta, type InventoryDelta } from './agent-protocol/inventory-delta.js';
