/**
 * Tables of the leads application (issue 3), on SQLite and PostgreSQL through Kysely. Instants
 * are ISO-8601 UTC text on both dialects (one code path; these tables are small), lists and
 * explanations JSON text.
 *
 * - `leads_cases`, `leads_case_members`: registered cases (案件) and who works on them.
 * - `leads_persons`, `leads_person_phones`: derived subjects of the tag rules (one row per sender
 *   ID number, keyed `id:<blind index>`; phones each sender used, with the first parcel), rebuilt
 *   from `parcels` at every rule run; never hold a plaintext identifier.
 * - `leads_rule_runs`: every rule run (dry or not) with its counts.
 * - `leads_tags`: tags with rule id + version, conditions, evidence rows and expiry, per case.
 * - `leads_leads`: one lead per (case, person): score, contributions, review status.
 * - `leads_reviews`: append-only review decisions with reason and the rules that were live.
 * - `leads_models`: the logistic model fitted to a case's decisions.
 */
import type { Generated, Kysely } from 'kysely';
import { types, type MigrationFactory } from '../../store/migrate.ts';

export interface LeadsCaseRow { id: Generated<number>; case_no: string; legal_basis: string; purpose: string; owner: string; opened_at: string; opened_by: string; closed_at: string | null; closed_by: string | null; close_reason: string | null }
export interface LeadsMemberRow { id: Generated<number>; case_id: number; username: string; added_at: string; added_by: string }
export interface LeadsPersonRow { person_key: string }
export interface LeadsPersonPhoneRow { id: Generated<number>; person_key: string; phone_key: string; parcel_id: number; name: string }
export interface LeadsRunRow { id: Generated<number>; case_id: number; run_by: string; at: string; dry_run: number; as_of: string; results: string }
export interface LeadsTagRow { id: Generated<number>; case_id: number; run_id: number; person_key: string; rule_id: string; rule_version: number; fired_at: string; expires_at: string; conditions: string; evidence: string }
export interface LeadsLeadRow { id: Generated<number>; case_id: number; person_key: string; score: number; model: string; contributions: string; status: string; scored_at: string; decided_at: string | null; decided_by: string | null; reason: string | null }
export interface LeadsReviewRow { id: Generated<number>; lead_id: number; case_id: number; decision: string; reason: string; reviewer: string; at: string; rules: string; score: number }
export interface LeadsModelRow { case_id: number; intercept: number; weights: string; decisions: number; loss: number; grad_norm: number; l2: number; iterations: number; fitted_at: string; fitted_by: string }

/** The tables as Kysely sees them. */
export interface LeadsTables {
  leads_cases: LeadsCaseRow;
  leads_case_members: LeadsMemberRow;
  leads_persons: LeadsPersonRow;
  leads_person_phones: LeadsPersonPhoneRow;
  leads_rule_runs: LeadsRunRow;
  leads_tags: LeadsTagRow;
  leads_leads: LeadsLeadRow;
  leads_reviews: LeadsReviewRow;
  leads_models: LeadsModelRow;
}

/** The platform's untyped Kysely seen through the leads tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function leadsDb(db: Kysely<any>): Kysely<LeadsTables> {
  return db as Kysely<LeadsTables>;
}

/** Migration 202611300400_leads_tables. */
export const leadsMigrations: Readonly<Record<string, MigrationFactory>> = {
  '202611300400_leads_tables': (dialect) => {
    const t = types(dialect);
    return {
      async up(db) {
        await db.schema.createTable('leads_cases')
          .addColumn('id', t.serial, (c) => c.primaryKey())
          .addColumn('case_no', 'text', (c) => c.notNull().unique())
          .addColumn('legal_basis', 'text', (c) => c.notNull())
          .addColumn('purpose', 'text', (c) => c.notNull())
          .addColumn('owner', 'text', (c) => c.notNull())
          .addColumn('opened_at', 'text', (c) => c.notNull())
          .addColumn('opened_by', 'text', (c) => c.notNull())
          .addColumn('closed_at', 'text')
          .addColumn('closed_by', 'text')
          .addColumn('close_reason', 'text')
          .execute();
        await db.schema.createTable('leads_case_members')
          .addColumn('id', t.serial, (c) => c.primaryKey())
          .addColumn('case_id', 'integer', (c) => c.notNull().references('leads_cases.id').onDelete('cascade'))
          .addColumn('username', 'text', (c) => c.notNull())
          .addColumn('added_at', 'text', (c) => c.notNull())
          .addColumn('added_by', 'text', (c) => c.notNull())
          .addUniqueConstraint('leads_case_members_uq', ['case_id', 'username'])
          .execute();
        await db.schema.createTable('leads_persons').addColumn('person_key', 'text', (c) => c.primaryKey()).execute();
        await db.schema.createTable('leads_person_phones')
          .addColumn('id', t.serial, (c) => c.primaryKey())
          .addColumn('person_key', 'text', (c) => c.notNull())
          .addColumn('phone_key', 'text', (c) => c.notNull())
          .addColumn('parcel_id', 'bigint', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('leads_person_phones_phone').on('leads_person_phones').columns(['phone_key', 'person_key']).execute();
        await db.schema.createTable('leads_rule_runs')
          .addColumn('id', t.serial, (c) => c.primaryKey())
          .addColumn('case_id', 'integer', (c) => c.notNull().references('leads_cases.id').onDelete('cascade'))
          .addColumn('run_by', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('dry_run', 'integer', (c) => c.notNull())
          .addColumn('as_of', 'text', (c) => c.notNull())
          .addColumn('results', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createTable('leads_tags')
          .addColumn('id', t.serial, (c) => c.primaryKey())
          .addColumn('case_id', 'integer', (c) => c.notNull().references('leads_cases.id').onDelete('cascade'))
          .addColumn('run_id', 'integer', (c) => c.notNull())
          .addColumn('person_key', 'text', (c) => c.notNull())
          .addColumn('rule_id', 'text', (c) => c.notNull())
          .addColumn('rule_version', 'integer', (c) => c.notNull())
          .addColumn('fired_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('conditions', 'text', (c) => c.notNull())
          .addColumn('evidence', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('leads_tags_case_person').on('leads_tags').columns(['case_id', 'person_key', 'expires_at']).execute();
        await db.schema.createTable('leads_leads')
          .addColumn('id', t.serial, (c) => c.primaryKey())
          .addColumn('case_id', 'integer', (c) => c.notNull().references('leads_cases.id').onDelete('cascade'))
          .addColumn('person_key', 'text', (c) => c.notNull())
          .addColumn('score', t.real, (c) => c.notNull())
          .addColumn('model', 'text', (c) => c.notNull())
          .addColumn('contributions', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('scored_at', 'text', (c) => c.notNull())
          .addColumn('decided_at', 'text')
          .addColumn('decided_by', 'text')
          .addColumn('reason', 'text')
          .addUniqueConstraint('leads_leads_uq', ['case_id', 'person_key'])
          .execute();
        await db.schema.createTable('leads_reviews')
          .addColumn('id', t.serial, (c) => c.primaryKey())
          .addColumn('lead_id', 'integer', (c) => c.notNull().references('leads_leads.id').onDelete('cascade'))
          .addColumn('case_id', 'integer', (c) => c.notNull())
          .addColumn('decision', 'text', (c) => c.notNull())
          .addColumn('reason', 'text', (c) => c.notNull())
          .addColumn('reviewer', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('rules', 'text', (c) => c.notNull())
          .addColumn('score', t.real, (c) => c.notNull())
          .execute();
        await db.schema.createTable('leads_models')
          .addColumn('case_id', 'integer', (c) => c.primaryKey().references('leads_cases.id').onDelete('cascade'))
          .addColumn('intercept', t.real, (c) => c.notNull())
          .addColumn('weights', 'text', (c) => c.notNull())
          .addColumn('decisions', 'integer', (c) => c.notNull())
          .addColumn('loss', t.real, (c) => c.notNull())
          .addColumn('grad_norm', t.real, (c) => c.notNull())
          .addColumn('l2', t.real, (c) => c.notNull())
          .addColumn('iterations', 'integer', (c) => c.notNull())
          .addColumn('fitted_at', 'text', (c) => c.notNull())
          .addColumn('fitted_by', 'text', (c) => c.notNull())
          .execute();
      },
      async down(db) {
        for (const table of ['leads_models', 'leads_reviews', 'leads_leads', 'leads_tags', 'leads_rule_runs', 'leads_person_phones', 'leads_persons', 'leads_case_members', 'leads_cases']) await db.schema.dropTable(table).execute();
      },
    };
  },
  /**
   * The subjects' key without type affinity on SQLite (declared BLOB; it still holds the text
   * keys). The rules engine left-joins `leads_persons` to each aggregate CTE on `a.k = s.person_key`;
   * the CTE column has no affinity, so against a TEXT column SQLite applies TEXT affinity to the
   * CTE side and cannot build its automatic index: one scan of the CTE per subject. Measured on
   * 9,357 senders: 13.2 s with TEXT, 0.5 s with no affinity (plan: SEARCH … USING AUTOMATIC
   * COVERING INDEX). PostgreSQL keeps text (hash join). The table is derived data, rebuilt by
   * every rule run, so it is dropped and created again.
   */
  '202611300401_leads_persons_untyped': (dialect) => ({
    async up(db) {
      await db.schema.dropTable('leads_persons').execute();
      await db.schema.createTable('leads_persons').addColumn('person_key', dialect === 'sqlite' ? 'blob' : 'text', (c) => c.primaryKey()).execute();
    },
  }),
};
