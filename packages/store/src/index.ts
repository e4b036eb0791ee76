export * from './store.js';
export type { Engine } from './shared/engine.js';
export type { Page } from './shared/cursor.js';
export type { AssetInput, AssetPatch, AssetFilter, AssetRepository } from './assets/asset.repository.js';
export type { InventoryRepository, InventoryChangeSummary } from './inventory/inventory.repository.js';
export type { SoftwareEvent } from './inventory/software-events.js';
export { hashToken, type TokenRepository, type TokenRole, type ApiToken } from './tokens/token.repository.js';
export type { MigrationReport } from './migrations/migrate.js';
