/**
 * Tables of the evidence application, on SQLite and PostgreSQL through Kysely. Instants are
 * stored as ISO-8601 UTC text on both dialects (case files are small; one code path), lists
 * and objects (charges, topics, proves, formalities, facts) as JSON text.
 *
 * - `evidence_cases`: one row per case file; natural key `case_no`.
 * - `evidence_persons`: suspects, victims, witnesses; key (case_id, person_key).
 * - `evidence_items`: evidence items of the eight kinds; key (case_id, item_key).
 * - `evidence_custody`: chain-of-custody entries per item, in `seq` order.
 * - `evidence_overrides`: recorded overrides (finding key, rule, reason, officer, time, audit seq);
 *   append-only — the service never updates or deletes them.
 */
import type { Generated, Kysely } from 'kysely';
import { types, type MigrationFactory } from '../../store/migrate.ts';

export interface EvidenceCaseRow { id: Generated<number>; case_no: string; title: string; charges: string; stage: string; life_or_death: number; created_at: string; updated_at: string; created_by: string }
export interface EvidencePersonRow { id: Generated<number>; case_id: number; person_key: string; role: string; name: string; id_number: string | null; detained_at: string | null; facility_at: string | null; arrest_requested_at: string | null; roving: number }
export interface EvidenceItemRow { id: Generated<number>; case_id: number; item_key: string; kind: string; title: string; topics: string; proves: string; person_key: string | null; collector: string; collected_at: string; place: string; formalities: string; facts: string; created_at: string; created_by: string }
export interface EvidenceCustodyRow { id: Generated<number>; item_id: number; seq: number; at: string; action: string; from_holder: string; to_holder: string; note: string | null }
export interface EvidenceOverrideRow { id: Generated<number>; case_id: number; finding_key: string; rule_id: string; stage: string; reason: string; officer: string; at: string; audit_seq: number | null }

/** The tables as Kysely sees them. */
export interface EvidenceTables {
  evidence_cases: EvidenceCaseRow;
  evidence_persons: EvidencePersonRow;
  evidence_items: EvidenceItemRow;
  evidence_custody: EvidenceCustodyRow;
  evidence_overrides: EvidenceOverrideRow;
}

/** The platform's untyped Kysely seen through the evidence tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function evidenceDb(db: Kysely<any>): Kysely<EvidenceTables> {
  return db as Kysely<EvidenceTables>;
}

/** Migration 202611300300_evidence_tables. */
export const evidenceMigrations: Readonly<Record<string, MigrationFactory>> = {
  '202611300300_evidence_tables': (dialect) => {
    const t = types(dialect);
    return {
      async up(db) {
        await db.schema
          .createTable('evidence_cases')
          .addColumn('id', t.serial, (c) => c.primaryKey())
          .addColumn('case_no', 'text', (c) => c.notNull().unique())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('charges', 'text', (c) => c.notNull())
          .addColumn('stage', 'text', (c) => c.notNull())
          .addColumn('life_or_death', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('evidence_persons')
          .addColumn('id', t.serial, (c) => c.primaryKey())
          .addColumn('case_id', 'integer', (c) => c.notNull().references('evidence_cases.id').onDelete('cascade'))
          .addColumn('person_key', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('id_number', 'text')
          .addColumn('detained_at', 'text')
          .addColumn('facility_at', 'text')
          .addColumn('arrest_requested_at', 'text')
          .addColumn('roving', 'integer', (c) => c.notNull().defaultTo(0))
          .addUniqueConstraint('evidence_persons_key', ['case_id', 'person_key'])
          .execute();
        await db.schema
          .createTable('evidence_items')
          .addColumn('id', t.serial, (c) => c.primaryKey())
          .addColumn('case_id', 'integer', (c) => c.notNull().references('evidence_cases.id').onDelete('cascade'))
          .addColumn('item_key', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('topics', 'text', (c) => c.notNull())
          .addColumn('proves', 'text', (c) => c.notNull())
          .addColumn('person_key', 'text')
          .addColumn('collector', 'text', (c) => c.notNull())
          .addColumn('collected_at', 'text', (c) => c.notNull())
          .addColumn('place', 'text', (c) => c.notNull())
          .addColumn('formalities', 'text', (c) => c.notNull())
          .addColumn('facts', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addUniqueConstraint('evidence_items_key', ['case_id', 'item_key'])
          .execute();
        await db.schema
          .createTable('evidence_custody')
          .addColumn('id', t.serial, (c) => c.primaryKey())
          .addColumn('item_id', 'integer', (c) => c.notNull().references('evidence_items.id').onDelete('cascade'))
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('from_holder', 'text', (c) => c.notNull())
          .addColumn('to_holder', 'text', (c) => c.notNull())
          .addColumn('note', 'text')
          .addUniqueConstraint('evidence_custody_seq', ['item_id', 'seq'])
          .execute();
        await db.schema
          .createTable('evidence_overrides')
          .addColumn('id', t.serial, (c) => c.primaryKey())
          .addColumn('case_id', 'integer', (c) => c.notNull().references('evidence_cases.id').onDelete('cascade'))
          .addColumn('finding_key', 'text', (c) => c.notNull())
          .addColumn('rule_id', 'text', (c) => c.notNull())
          .addColumn('stage', 'text', (c) => c.notNull())
          .addColumn('reason', 'text', (c) => c.notNull())
          .addColumn('officer', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('audit_seq', 'bigint')
          .execute();
        await db.schema.createIndex('evidence_overrides_case').on('evidence_overrides').columns(['case_id', 'id']).execute();
      },
      async down(db) {
        for (const table of ['evidence_overrides', 'evidence_custody', 'evidence_items', 'evidence_persons', 'evidence_cases']) await db.schema.dropTable(table).execute();
      },
    };
  },
};
