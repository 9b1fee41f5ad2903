/**
 * Tables of the orgs registry (SQLite and PostgreSQL through Kysely). Lists (divisions served,
 * categories, qualifications) are JSON text; instants ISO-8601 UTC text.
 * - `orgs`: one row per organisation, natural key `code`.
 * - `org_members`: mediators, volunteers, lawyers of an org (replaced with the org).
 * - `org_served_divisions`: one row per (org, served division code), for routing look-ups.
 */
import type { Generated, Kysely } from 'kysely';
import { types, type MigrationFactory } from '../../store/migrate.ts';

export interface OrgRow { id: Generated<number>; code: string; name: string; kind: string; domain: string | null; uscc: string | null; division_code: string; divisions_served: string; categories: string; capacity: number; phone: string | null; address: string | null; active: number; updated_at: string }
export interface OrgMemberRow { id: Generated<number>; org_id: number; seq: number; name: string; role: string; qualifications: string; phone: string | null }
export interface OrgServedRow { org_id: number; division_code: string }

/** The tables as Kysely sees them. */
export interface OrgsTables {
  orgs: OrgRow;
  org_members: OrgMemberRow;
  org_served_divisions: OrgServedRow;
}

/** The platform's untyped Kysely seen through the registry tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function orgsDb(db: Kysely<any>): Kysely<OrgsTables> {
  return db as Kysely<OrgsTables>;
}

/** Migration 202611300400_orgs_tables. */
export const orgsMigrations: Readonly<Record<string, MigrationFactory>> = {
  '202611300400_orgs_tables': (dialect) => {
    const t = types(dialect);
    return {
      async up(db) {
        await db.schema
          .createTable('orgs')
          .addColumn('id', t.serial, (c) => c.primaryKey())
          .addColumn('code', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('domain', 'text')
          .addColumn('uscc', 'text')
          .addColumn('division_code', 'text', (c) => c.notNull())
          .addColumn('divisions_served', 'text', (c) => c.notNull())
          .addColumn('categories', 'text', (c) => c.notNull())
          .addColumn('capacity', 'integer', (c) => c.notNull())
          .addColumn('phone', 'text')
          .addColumn('address', 'text')
          .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('org_members')
          .addColumn('id', t.serial, (c) => c.primaryKey())
          .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('qualifications', 'text', (c) => c.notNull())
          .addColumn('phone', 'text')
          .execute();
        await db.schema
          .createTable('org_served_divisions')
          .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
          .addColumn('division_code', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('org_served_divisions_pk', ['org_id', 'division_code'])
          .execute();
        await db.schema.createIndex('org_members_org').on('org_members').columns(['org_id', 'seq']).execute();
        await db.schema.createIndex('org_served_division').on('org_served_divisions').columns(['division_code']).execute();
      },
      async down(db) {
        for (const table of ['org_served_divisions', 'org_members', 'orgs']) await db.schema.dropTable(table).execute();
      },
    };
  },
};
