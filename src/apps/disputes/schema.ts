/**
 * Tables of the disputes application (SQLite and PostgreSQL through Kysely). Instants are
 * ISO-8601 UTC text (`toISOString`, so text order is time order) with the Asia/Shanghai local
 * day beside the receipt time (C18); lists and objects are JSON text. Parties' names, phones
 * and addresses are encrypted (AES-256-GCM, src/security/crypto) with a blind index of the
 * applicant's phone for counting repeat appeals.
 * - `disputes_appeals`: one row per appeal or dispute (`appeal_no` natural key), current state,
 *   assigned org, category and suggestion, risk, SLA due instants, milestone instants.
 * - `disputes_events`: the workflow events (append-only; key (appeal_id, seq)).
 * - `disputes_parties`, `disputes_sessions`, `disputes_agreements`, `disputes_followups`,
 *   `disputes_attachments`, `disputes_corrections` (category corrections for retraining),
 *   `disputes_projects` (land-requisition projects that appeals link to).
 */
import type { Generated, Kysely } from 'kysely';
import { types, type MigrationFactory } from '../../store/migrate.ts';

export interface AppealRow {
  id: Generated<number>; appeal_no: string; kind: string; channel: string; external_id: string | null; title: string; text: string;
  division_code: string; place: string | null; category: string; category_source: string; suggestion: string; dispute_type: string | null;
  routing_key: string; state: string; version: number; org_code: string | null; routing: string | null; project_code: string | null;
  risk_score: number; risk_level: string; risk: string; submitter_index: string | null;
  received_at: string; received_day: string; accepted_at: string | null; first_contact_at: string | null; resolved_at: string | null; closed_at: string | null;
  acceptance_due: string; first_contact_due: string; resolution_due: string | null; satisfaction: number | null; created_by: string; updated_at: string;
}
export interface EventRow { appeal_id: number; seq: number; transition: string; from_state: string | null; to_state: string; actor: string; role: string | null; at: string; reason: string | null; data: string | null }
export interface PartyRow { id: Generated<number>; appeal_id: number; seq: number; side: string; party_kind: string; name_enc: string; phone_enc: string | null; address_enc: string | null }
export interface SessionRow { id: Generated<number>; appeal_id: number; at: string; place: string; mediator: string; attendees: string; notes: string; recorded_by: string }
export interface AgreementRow { appeal_id: number; agreement_no: string; facts: string; terms: string; performance: string; copies: number; signed_at: string; mediator: string; org_code: string | null }
export interface FollowUpRow { id: Generated<number>; appeal_id: number; at: string; by_user: string; method: string; satisfaction: number; resolved: number; note: string | null }
export interface AttachmentRow { id: Generated<number>; appeal_id: number; name: string; mime: string; size: number; sha256: string; uploaded_at: string; uploaded_by: string }
export interface CorrectionRow { id: Generated<number>; appeal_id: number; from_category: string; to_category: string; by_user: string; at: string; note: string | null }
export interface ProjectRow { code: string; name: string; division_code: string; households: number; compensated_households: number; compensation_status: string; started_on: string | null; aliases: string; updated_at: string }

/** The tables as Kysely sees them. */
export interface DisputesTables {
  disputes_appeals: AppealRow;
  disputes_events: EventRow;
  disputes_parties: PartyRow;
  disputes_sessions: SessionRow;
  disputes_agreements: AgreementRow;
  disputes_followups: FollowUpRow;
  disputes_attachments: AttachmentRow;
  disputes_corrections: CorrectionRow;
  disputes_projects: ProjectRow;
}

/** The platform's untyped Kysely seen through the disputes tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function disputesDb(db: Kysely<any>): Kysely<DisputesTables> {
  return db as Kysely<DisputesTables>;
}

/** Migration 202611300410_disputes_tables. */
export const disputesMigrations: Readonly<Record<string, MigrationFactory>> = {
  '202611300410_disputes_tables': (dialect) => {
    const t = types(dialect);
    return {
      async up(db) {
        let a = db.schema.createTable('disputes_appeals').addColumn('id', t.serial, (c) => c.primaryKey()).addColumn('appeal_no', 'text', (c) => c.notNull().unique());
        for (const col of ['kind', 'channel', 'title', 'text', 'division_code', 'category', 'category_source', 'suggestion', 'routing_key', 'state', 'risk_level', 'risk', 'received_at', 'received_day', 'acceptance_due', 'first_contact_due', 'created_by', 'updated_at']) a = a.addColumn(col, 'text', (c) => c.notNull());
        for (const col of ['external_id', 'place', 'dispute_type', 'org_code', 'routing', 'project_code', 'submitter_index', 'accepted_at', 'first_contact_at', 'resolved_at', 'closed_at', 'resolution_due']) a = a.addColumn(col, 'text');
        await a.addColumn('version', 'integer', (c) => c.notNull()).addColumn('risk_score', 'integer', (c) => c.notNull()).addColumn('satisfaction', 'integer').execute();
        for (const [name, cols] of [['received_day', ['received_day']], ['org_state', ['org_code', 'state']], ['category', ['category']], ['division', ['division_code']], ['submitter', ['submitter_index']], ['received_at', ['received_at']], ['external', ['channel', 'external_id']]] as const) {
          await db.schema.createIndex(`disputes_appeals_${name}`).on('disputes_appeals').columns([...cols]).execute();
        }
        await db.schema
          .createTable('disputes_events')
          .addColumn('appeal_id', 'integer', (c) => c.notNull().references('disputes_appeals.id').onDelete('cascade'))
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('transition', 'text', (c) => c.notNull())
          .addColumn('from_state', 'text')
          .addColumn('to_state', 'text', (c) => c.notNull())
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('role', 'text')
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('reason', 'text')
          .addColumn('data', 'text')
          .addPrimaryKeyConstraint('disputes_events_pk', ['appeal_id', 'seq'])
          .execute();
        const child = (name: string) => db.schema.createTable(name).addColumn('id', t.serial, (c) => c.primaryKey()).addColumn('appeal_id', 'integer', (c) => c.notNull().references('disputes_appeals.id').onDelete('cascade'));
        await child('disputes_parties').addColumn('seq', 'integer', (c) => c.notNull()).addColumn('side', 'text', (c) => c.notNull()).addColumn('party_kind', 'text', (c) => c.notNull()).addColumn('name_enc', 'text', (c) => c.notNull()).addColumn('phone_enc', 'text').addColumn('address_enc', 'text').execute();
        await child('disputes_sessions').addColumn('at', 'text', (c) => c.notNull()).addColumn('place', 'text', (c) => c.notNull()).addColumn('mediator', 'text', (c) => c.notNull()).addColumn('attendees', 'text', (c) => c.notNull()).addColumn('notes', 'text', (c) => c.notNull()).addColumn('recorded_by', 'text', (c) => c.notNull()).execute();
        await child('disputes_followups').addColumn('at', 'text', (c) => c.notNull()).addColumn('by_user', 'text', (c) => c.notNull()).addColumn('method', 'text', (c) => c.notNull()).addColumn('satisfaction', 'integer', (c) => c.notNull()).addColumn('resolved', 'integer', (c) => c.notNull()).addColumn('note', 'text').execute();
        await child('disputes_attachments').addColumn('name', 'text', (c) => c.notNull()).addColumn('mime', 'text', (c) => c.notNull()).addColumn('size', 'integer', (c) => c.notNull()).addColumn('sha256', 'text', (c) => c.notNull()).addColumn('uploaded_at', 'text', (c) => c.notNull()).addColumn('uploaded_by', 'text', (c) => c.notNull()).execute();
        await child('disputes_corrections').addColumn('from_category', 'text', (c) => c.notNull()).addColumn('to_category', 'text', (c) => c.notNull()).addColumn('by_user', 'text', (c) => c.notNull()).addColumn('at', 'text', (c) => c.notNull()).addColumn('note', 'text').execute();
        for (const name of ['disputes_parties', 'disputes_sessions', 'disputes_followups', 'disputes_attachments', 'disputes_corrections']) await db.schema.createIndex(`${name}_appeal`).on(name).columns(['appeal_id']).execute();
        await db.schema
          .createTable('disputes_agreements')
          .addColumn('appeal_id', 'integer', (c) => c.primaryKey().references('disputes_appeals.id').onDelete('cascade'))
          .addColumn('agreement_no', 'text', (c) => c.notNull().unique())
          .addColumn('facts', 'text', (c) => c.notNull())
          .addColumn('terms', 'text', (c) => c.notNull())
          .addColumn('performance', 'text', (c) => c.notNull())
          .addColumn('copies', 'integer', (c) => c.notNull())
          .addColumn('signed_at', 'text', (c) => c.notNull())
          .addColumn('mediator', 'text', (c) => c.notNull())
          .addColumn('org_code', 'text')
          .execute();
        await db.schema
          .createTable('disputes_projects')
          .addColumn('code', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('division_code', 'text', (c) => c.notNull())
          .addColumn('households', 'integer', (c) => c.notNull())
          .addColumn('compensated_households', 'integer', (c) => c.notNull())
          .addColumn('compensation_status', 'text', (c) => c.notNull())
          .addColumn('started_on', 'text')
          .addColumn('aliases', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
      },
      async down(db) {
        for (const table of ['disputes_projects', 'disputes_agreements', 'disputes_corrections', 'disputes_attachments', 'disputes_followups', 'disputes_sessions', 'disputes_parties', 'disputes_events', 'disputes_appeals']) await db.schema.dropTable(table).execute();
      },
    };
  },
};
