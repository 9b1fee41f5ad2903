/**
 * Tables of the Open311 endpoint, on SQLite and PostgreSQL through Kysely. Instants are ISO-8601
 * UTC text (`Date.toISOString()`, so text order is time order) on both dialects; the local day
 * of the endpoint's zone is stored beside the instant (case C18).
 *
 * - `open311_api_keys`: API keys of Open311 clients; only the SHA-256 of a key is stored.
 * - `open311_requests`: service requests received (or replayed) through the endpoint. The
 *   submitter's contact fields (email, phone, names, device and account ids) are one
 *   XChaCha20-Poly1305 encrypted JSON text (`submitter_enc`, src/security/crypto.ts); GeoReport v2 never returns them.
 */
import type { Generated, Kysely } from 'kysely';
import { types, type MigrationFactory } from '../../../store/migrate.ts';

export interface Open311ApiKeyRow { id: Generated<number>; key_hash: string; key_prefix: string; label: string; created_at: string; created_by: string; revoked_at: string | null }
export interface Open311RequestRow {
  id: Generated<number>;
  token: string;
  service_code: string;
  service_name: string;
  status: string;
  status_notes: string | null;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_at: string;
  local_day: string;
  updated_at: string;
  expected_at: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  lon: number | null;
  media_url: string | null;
  attributes: string;
  jurisdiction_id: string | null;
  api_key_id: number | null;
  submitter_enc: string | null;
  /** The id in the source system for replays and imports (unique; null for live requests). */
  external_id: string | null;
}

/** The tables as Kysely sees them. */
export interface Open311Tables {
  open311_api_keys: Open311ApiKeyRow;
  open311_requests: Open311RequestRow;
}

/** The platform's untyped Kysely seen through the Open311 tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function open311Db(db: Kysely<any>): Kysely<Open311Tables> {
  return db as Kysely<Open311Tables>;
}

/** Migrations 202611300500_open311_tables and 202611300510_open311_external_id. */
export const open311Migrations: Readonly<Record<string, MigrationFactory>> = {
  '202611300500_open311_tables': (dialect) => {
    const t = types(dialect);
    return {
      async up(db) {
        await db.schema
          .createTable('open311_api_keys')
          .addColumn('id', t.serial, (c) => c.primaryKey())
          .addColumn('key_hash', 'text', (c) => c.notNull().unique())
          .addColumn('key_prefix', 'text', (c) => c.notNull())
          .addColumn('label', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('revoked_at', 'text')
          .execute();
        await db.schema
          .createTable('open311_requests')
          .addColumn('id', t.serial, (c) => c.primaryKey())
          .addColumn('token', 'text', (c) => c.notNull().unique())
          .addColumn('service_code', 'text', (c) => c.notNull())
          .addColumn('service_name', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('status_notes', 'text')
          .addColumn('description', 'text')
          .addColumn('agency_responsible', 'text')
          .addColumn('service_notice', 'text')
          .addColumn('requested_at', 'text', (c) => c.notNull())
          .addColumn('local_day', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('expected_at', 'text')
          .addColumn('address', 'text')
          .addColumn('address_id', 'text')
          .addColumn('zipcode', 'text')
          .addColumn('lat', t.real)
          .addColumn('lon', t.real)
          .addColumn('media_url', 'text')
          .addColumn('attributes', 'text', (c) => c.notNull())
          .addColumn('jurisdiction_id', 'text')
          .addColumn('api_key_id', 'integer')
          .addColumn('submitter_enc', 'text')
          .execute();
        await db.schema.createIndex('open311_requests_requested').on('open311_requests').columns(['requested_at']).execute();
        await db.schema.createIndex('open311_requests_code').on('open311_requests').columns(['service_code', 'requested_at']).execute();
      },
      async down(db) {
        await db.schema.dropTable('open311_requests').execute();
        await db.schema.dropTable('open311_api_keys').execute();
      },
    };
  },
  '202611300510_open311_external_id': () => ({
    async up(db) {
      await db.schema.alterTable('open311_requests').addColumn('external_id', 'text').execute();
      await db.schema.createIndex('open311_requests_external').on('open311_requests').column('external_id').unique().execute();
    },
    async down(db) {
      await db.schema.dropIndex('open311_requests_external').execute();
      await db.schema.alterTable('open311_requests').dropColumn('external_id').execute();
    },
  }),
};
