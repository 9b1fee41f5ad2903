/**
 * Migrations: each module exports `migrations: Record<string, Migration>` from its `schema.ts`;
 * the platform assembly (src/platform.ts) gathers them and runs them here with Kysely's
 * Migrator. Names are `YYYYMMDDHHMM_<module>_<what>` so that name order is creation order
 * across modules. A migration must run on both SQLite and PostgreSQL (use Kysely's schema
 * builder; where types differ use `types(dialect)` from this file).
 */
import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import type { Database, DialectName } from './database.ts';

export type { Migration };

/** Dialect-correct column types for the few places they differ. */
export function types(dialect: DialectName) {
  return {
    /** Auto-increment primary key column type. */
    serial: dialect === 'postgres' ? ('bigserial' as const) : ('integer' as const),
    /** Instants: ISO-8601 text in SQLite, timestamptz in PostgreSQL. Store UTC. */
    timestamp: dialect === 'postgres' ? ('timestamptz' as const) : ('text' as const),
    json: dialect === 'postgres' ? ('jsonb' as const) : ('text' as const),
    bigint: 'bigint' as const,
    real: dialect === 'postgres' ? ('double precision' as const) : ('real' as const),
    blob: dialect === 'postgres' ? ('bytea' as const) : ('blob' as const),
  };
}

/** A migration factory receives the dialect so it can choose types. */
export type MigrationFactory = (dialect: DialectName) => Migration;

/**
 * Run every pending migration in name order.
 * @returns Kysely's result set; throws the migration error after reporting which one failed.
 */
export async function migrateToLatest(database: Database, factories: Record<string, MigrationFactory>): Promise<MigrationResultSet> {
  const migrations: Record<string, Migration> = {};
  for (const [name, f] of Object.entries(factories)) migrations[name] = f(database.dialect);
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const err = result.error instanceof Error ? result.error : new Error(String(result.error));
    err.message = `migration ${failed?.migrationName ?? '?'} failed: ${err.message}`;
    throw err;
  }
  return result;
}
