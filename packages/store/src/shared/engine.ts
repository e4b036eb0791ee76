export type Engine = 'sqlite' | 'postgres';

/**
 * Column types that differ between engines; migrations ask for these instead of spelling SQL types.
 * Booleans are integer 0/1 on both engines (better-sqlite3 cannot bind JS booleans).
 */
export interface ColumnTypes {
  timestamp: 'text' | 'timestamptz';
  json: 'text' | 'jsonb';
}

export function columnTypesFor(engine: Engine): ColumnTypes {
  return engine === 'sqlite' ? { timestamp: 'text', json: 'text' } : { timestamp: 'timestamptz', json: 'jsonb' };
}
