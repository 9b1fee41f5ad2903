/**
 * Tables of the security module and their migrations (SQLite and PostgreSQL through Kysely):
 * users, sessions, audit_log (hash-chained, append-only) and audit_head (HMAC of the chain's
 * head, so deleting the newest entries is detectable).
 *
 * Audit fields that enter the hash (`at`, `record_ids`, `detail`) are stored as text on both
 * dialects: the verifier re-hashes exactly the bytes that were hashed on append (a jsonb or
 * timestamptz column would re-format them).
 */
import type { Generated, Kysely } from 'kysely';
import type { DialectName } from '../store/database.ts';
import { types, type MigrationFactory } from '../store/migrate.ts';

/** Table users. */
export interface UserRow {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: string;
  outlet: string | null;
  password_hash: string;
  created_at: string | Date;
  /** 0 active, 1 disabled (an integer on both dialects). */
  disabled: number;
}

/** Table sessions. */
export interface SessionRow {
  /** hex SHA-256 of the 32-byte cookie token; the token itself is never stored. */
  token_hash: string;
  user_id: number;
  created_at: string | Date;
  expires_at: string | Date;
  last_seen_at: string | Date;
}

/** Table audit_log (append-only; see audit.ts for the chain). */
export interface AuditRow {
  seq: number;
  /** ISO-8601 UTC instant with milliseconds, as hashed. */
  at: string;
  actor: string;
  role: string | null;
  action: string;
  purpose: string | null;
  legal_basis: string | null;
  record_kind: string | null;
  /** Canonical JSON array of record ids (strings), as hashed. */
  record_ids: string;
  outcome: 'allowed' | 'refused';
  /** Canonical JSON object, as hashed. */
  detail: string;
  prev_hash: string;
  hash: string;
}

/** Table audit_head: the signed head of the chain, one row. */
export interface AuditHeadRow {
  /** Always 1: one row. */
  id: number;
  seq: number;
  hash: string;
  /** hex HMAC-SHA256(ctx.secret, `${seq}:${hash}`). */
  mac: string;
}

/** The tables this module owns, for `Kysely<SecurityTables>` views of the shared database. */
export interface SecurityTables {
  users: UserRow;
  sessions: SessionRow;
  audit_log: AuditRow;
  audit_head: AuditHeadRow;
}

/** The shared untyped database seen through this module's table types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function securityDb(db: Kysely<any>): Kysely<SecurityTables> {
  return db as Kysely<SecurityTables>;
}

/** Instants read back from either dialect (text on SQLite, Date from timestamptz) as ISO text. */
export function isoOf(value: string | Date): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

/** Migrations of the security module, on SQLite and PostgreSQL. */
export const securityMigrations: Readonly<Record<string, MigrationFactory>> = {
  '202611300100_security_users_sessions': (dialect: DialectName) => ({
    up: async (db) => {
      const t = types(dialect);
      await db.schema
        .createTable('users')
        .addColumn('id', t.serial, (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('outlet', 'text')
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', t.bigint, (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('expires_at', t.timestamp, (c) => c.notNull())
        .addColumn('last_seen_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user_id').on('sessions').column('user_id').execute();
      await db.schema.createIndex('sessions_expires_at').on('sessions').column('expires_at').execute();
    },
  }),
  '202611300101_security_audit_log': (dialect: DialectName) => ({
    up: async (db) => {
      const t = types(dialect);
      await db.schema
        .createTable('audit_log')
        .addColumn('seq', t.bigint, (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('role', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text')
        .addColumn('legal_basis', 'text')
        .addColumn('record_kind', 'text')
        .addColumn('record_ids', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('audit_head')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('seq', t.bigint, (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('mac', 'text', (c) => c.notNull())
        .execute();
    },
  }),
};
