import { sql, type DatabaseIntrospector, type DatabaseMetadata, type Kysely, type SchemaMetadata, type TableMetadata } from 'kysely';

/**
 * What Kysely's Migrator asks of an introspector (does the schema exist, does the migration table
 * exist), answered from the catalog alone. Kysely's own PostgreSQL introspector reads every
 * column of every table in the database through name-resolving functions
 * (has_schema_privilege(name), pg_get_serial_sequence(name)); when another session drops a schema
 * during that read, the read fails with "schema ... does not exist", and so did a migration
 * (seen in CI: tests migrate their own schemas while others drop theirs). These queries resolve no
 * names, so concurrent DDL elsewhere cannot fail them. Columns are not listed: nothing here
 * uses them.
 */
export class CatalogIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<unknown>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<{ name: string }>`select nspname as name from pg_catalog.pg_namespace`.execute(this.db);
    return rows.map((r) => ({ name: r.name }));
  }

  async getTables(): Promise<TableMetadata[]> {
    const { rows } = await sql<{ name: string; schema: string; kind: string }>`
      select c.relname as name, ns.nspname as schema, c.relkind as kind
      from pg_catalog.pg_class c join pg_catalog.pg_namespace ns on ns.oid = c.relnamespace
      where c.relkind in ('r', 'v', 'p') and ns.nspname !~ '^pg_' and ns.nspname <> 'information_schema'
      order by ns.nspname, c.relname`.execute(this.db);
    return rows.map((r) => ({ name: r.name, schema: r.schema, isView: r.kind === 'v', columns: [] }));
  }

  async getMetadata(): Promise<DatabaseMetadata> {
    return { tables: await this.getTables() };
  }
}
