import type { Kysely } from 'kysely';
import type { ColumnTypes, Engine } from '../shared/engine.js';

/** What every migration gets besides the connection: the engine and its column types. */
export interface MigrationContext {
  engine: Engine;
  types: ColumnTypes;
}

/** A forward-only migration. Never edit one that has landed: add a new one. */
export interface StoreMigration {
  up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void>;
}
