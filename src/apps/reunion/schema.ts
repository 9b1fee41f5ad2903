/**
 * Tables of the reunion application, on SQLite and PostgreSQL through Kysely. Instants are
 * ISO-8601 UTC text on both dialects (one code path, as in evidence); partial dates, marks,
 * relatives, consent flags, PFIF records and candidate explanations are JSON text.
 *
 * - `reunion_posts`: family (家寻宝贝) and child (宝贝寻家) posts; `contacts_enc` is XChaCha20-Poly1305
 *   (src/security/crypto) under the key 'reunion/contacts'; `search_names` / `search_place`
 *   hold only what the poster consented to publish (the public search reads nothing else).
 * - `reunion_events`: the verification workflow's steps per post (append-only; unique seq).
 * - `reunion_photos`: photo bytes with metadata already stripped.
 * - `reunion_candidates`: ranked candidates of a post with the field-by-field explanation and
 *   the human review state.
 * - `reunion_tips`: tips from the public, pending until moderated.
 * - `reunion_subscribers`, `reunion_alerts`, `reunion_alert_deliveries`: alert recipients and the
 *   alert log.
 * - `reunion_pfif_notes`: PFIF notes imported with persons (exported again).
 */
import type { Generated, Kysely } from 'kysely';
import { types, type MigrationFactory } from '../../store/migrate.ts';

export interface PostRow {
  id: string; kind: string; status: string; sex: string | null;
  name: string | null; name_unknown: number; nickname: string | null; former_name: string | null;
  birth_date: string | null; birth_year: number | null; loss_date: string | null; loss_year: number | null; lost_at: string | null;
  loss_division: string | null; loss_place_text: string | null; height_cm: number | null;
  marks_text: string; marks_json: string; dialect: string | null; memories: string; relatives_json: string;
  dna_status: string; police_case_no: string | null; contacts_enc: string | null; consent_json: string;
  posted_on: string; search_names: string; search_place: string; pfif_record_id: string | null; pfif_json: string | null;
  created_at: string; updated_at: string; created_by: string;
}
export interface EventRow { id: Generated<number>; post_id: string; seq: number; transition: string; from_state: string | null; to_state: string; actor: string; role: string | null; at: string; reason: string | null; data: string | null }
export interface PhotoRow { id: Generated<number>; post_id: string; mime: string; data: Uint8Array; sha256: string; bytes: number; removed: string; created_at: string; created_by: string }
export interface CandidateRow {
  id: Generated<number>; post_id: string; child_post_id: string; family_post_id: string; rank: number; weight: number; probability: number;
  decision: string; fields_json: string; review: string; reviewed_by: string | null; reviewed_at: string | null; family_notified_at: string | null;
  run_at: string; run_by: string;
}
export interface TipRow { id: Generated<number>; post_id: string; text: string; contact_enc: string | null; status: string; submitted_at: string; moderated_by: string | null; moderated_at: string | null; moderation_reason: string | null }
export interface SubscriberRow { id: Generated<number>; name: string; channel: string; address_enc: string; division_code: string; lat: number | null; lon: number | null; active: number; created_at: string }
export interface AlertRow { id: Generated<number>; post_id: string; sent_at: string; elapsed_minutes: number; radius_km: number; origin_code: string; origin_lat: number; origin_lon: number; recipients: number; actor: string; role: string | null }
export interface DeliveryRow { id: Generated<number>; alert_id: number; post_id: string; subscriber_id: number; distance_km: number; channel: string; status: string; detail: string | null; at: string }
export interface PfifNoteRow { note_record_id: string; person_record_id: string; json: string }

/** The tables as Kysely sees them. */
export interface ReunionTables {
  reunion_posts: PostRow;
  reunion_events: EventRow;
  reunion_photos: PhotoRow;
  reunion_candidates: CandidateRow;
  reunion_tips: TipRow;
  reunion_subscribers: SubscriberRow;
  reunion_alerts: AlertRow;
  reunion_alert_deliveries: DeliveryRow;
  reunion_pfif_notes: PfifNoteRow;
}

/** The platform's untyped Kysely seen through the reunion tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function reunionDb(db: Kysely<any>): Kysely<ReunionTables> {
  return db as Kysely<ReunionTables>;
}

/** Migration 202611300400_reunion_tables. */
export const reunionMigrations: Readonly<Record<string, MigrationFactory>> = {
  '202611300400_reunion_tables': (dialect) => {
    const t = types(dialect);
    return {
      async up(db) {
        let posts = db.schema.createTable('reunion_posts').addColumn('id', 'text', (c) => c.primaryKey());
        for (const [col, type, notNull] of [
          ['kind', 'text', true], ['status', 'text', true], ['sex', 'text', false], ['name', 'text', false], ['name_unknown', 'integer', true],
          ['nickname', 'text', false], ['former_name', 'text', false], ['birth_date', 'text', false], ['birth_year', 'integer', false],
          ['loss_date', 'text', false], ['loss_year', 'integer', false], ['lost_at', 'text', false], ['loss_division', 'text', false],
          ['loss_place_text', 'text', false], ['height_cm', t.real, false], ['marks_text', 'text', true], ['marks_json', 'text', true],
          ['dialect', 'text', false], ['memories', 'text', true], ['relatives_json', 'text', true], ['dna_status', 'text', true],
          ['police_case_no', 'text', false], ['contacts_enc', 'text', false], ['consent_json', 'text', true], ['posted_on', 'text', true],
          ['search_names', 'text', true], ['search_place', 'text', true], ['pfif_record_id', 'text', false], ['pfif_json', 'text', false],
          ['created_at', 'text', true], ['updated_at', 'text', true], ['created_by', 'text', true],
        ] as const) posts = posts.addColumn(col, type, (c) => (notNull ? c.notNull() : c));
        await posts.execute();
        await db.schema.createIndex('reunion_posts_kind_status').on('reunion_posts').columns(['kind', 'status']).execute();
        await db.schema.createIndex('reunion_posts_loss_year').on('reunion_posts').column('loss_year').execute();
        await db.schema.createIndex('reunion_posts_pfif').on('reunion_posts').column('pfif_record_id').unique().execute();
        await db.schema
          .createTable('reunion_events')
          .addColumn('id', t.serial, (c) => c.primaryKey())
          .addColumn('post_id', 'text', (c) => c.notNull().references('reunion_posts.id').onDelete('cascade'))
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('transition', 'text', (c) => c.notNull())
          .addColumn('from_state', 'text')
          .addColumn('to_state', 'text', (c) => c.notNull())
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('role', 'text')
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('reason', 'text')
          .addColumn('data', 'text')
          .addUniqueConstraint('reunion_events_post_seq', ['post_id', 'seq'])
          .execute();
        await db.schema
          .createTable('reunion_photos')
          .addColumn('id', t.serial, (c) => c.primaryKey())
          .addColumn('post_id', 'text', (c) => c.notNull().references('reunion_posts.id').onDelete('cascade'))
          .addColumn('mime', 'text', (c) => c.notNull())
          .addColumn('data', t.blob, (c) => c.notNull())
          .addColumn('sha256', 'text', (c) => c.notNull())
          .addColumn('bytes', 'integer', (c) => c.notNull())
          .addColumn('removed', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('reunion_candidates')
          .addColumn('id', t.serial, (c) => c.primaryKey())
          .addColumn('post_id', 'text', (c) => c.notNull().references('reunion_posts.id').onDelete('cascade'))
          .addColumn('child_post_id', 'text', (c) => c.notNull())
          .addColumn('family_post_id', 'text', (c) => c.notNull())
          .addColumn('rank', 'integer', (c) => c.notNull())
          .addColumn('weight', t.real, (c) => c.notNull())
          .addColumn('probability', t.real, (c) => c.notNull())
          .addColumn('decision', 'text', (c) => c.notNull())
          .addColumn('fields_json', 'text', (c) => c.notNull())
          .addColumn('review', 'text', (c) => c.notNull())
          .addColumn('reviewed_by', 'text')
          .addColumn('reviewed_at', 'text')
          .addColumn('family_notified_at', 'text')
          .addColumn('run_at', 'text', (c) => c.notNull())
          .addColumn('run_by', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('reunion_candidates_post').on('reunion_candidates').column('post_id').execute();
        await db.schema
          .createTable('reunion_tips')
          .addColumn('id', t.serial, (c) => c.primaryKey())
          .addColumn('post_id', 'text', (c) => c.notNull().references('reunion_posts.id').onDelete('cascade'))
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('contact_enc', 'text')
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('submitted_at', 'text', (c) => c.notNull())
          .addColumn('moderated_by', 'text')
          .addColumn('moderated_at', 'text')
          .addColumn('moderation_reason', 'text')
          .execute();
        await db.schema.createIndex('reunion_tips_post_status').on('reunion_tips').columns(['post_id', 'status']).execute();
        await db.schema
          .createTable('reunion_subscribers')
          .addColumn('id', t.serial, (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('channel', 'text', (c) => c.notNull())
          .addColumn('address_enc', 'text', (c) => c.notNull())
          .addColumn('division_code', 'text', (c) => c.notNull())
          .addColumn('lat', t.real)
          .addColumn('lon', t.real)
          .addColumn('active', 'integer', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('reunion_alerts')
          .addColumn('id', t.serial, (c) => c.primaryKey())
          .addColumn('post_id', 'text', (c) => c.notNull().references('reunion_posts.id').onDelete('cascade'))
          .addColumn('sent_at', 'text', (c) => c.notNull())
          .addColumn('elapsed_minutes', t.real, (c) => c.notNull())
          .addColumn('radius_km', 'integer', (c) => c.notNull())
          .addColumn('origin_code', 'text', (c) => c.notNull())
          .addColumn('origin_lat', t.real, (c) => c.notNull())
          .addColumn('origin_lon', t.real, (c) => c.notNull())
          .addColumn('recipients', 'integer', (c) => c.notNull())
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('role', 'text')
          .execute();
        await db.schema
          .createTable('reunion_alert_deliveries')
          .addColumn('id', t.serial, (c) => c.primaryKey())
          .addColumn('alert_id', 'integer', (c) => c.notNull().references('reunion_alerts.id').onDelete('cascade'))
          .addColumn('post_id', 'text', (c) => c.notNull())
          .addColumn('subscriber_id', 'integer', (c) => c.notNull())
          .addColumn('distance_km', t.real, (c) => c.notNull())
          .addColumn('channel', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('detail', 'text')
          .addColumn('at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('reunion_deliveries_post').on('reunion_alert_deliveries').columns(['post_id', 'subscriber_id']).execute();
        await db.schema
          .createTable('reunion_pfif_notes')
          .addColumn('note_record_id', 'text', (c) => c.primaryKey())
          .addColumn('person_record_id', 'text', (c) => c.notNull())
          .addColumn('json', 'text', (c) => c.notNull())
          .execute();
      },
      async down(db) {
        for (const table of ['reunion_pfif_notes', 'reunion_alert_deliveries', 'reunion_alerts', 'reunion_subscribers', 'reunion_tips', 'reunion_candidates', 'reunion_photos', 'reunion_events', 'reunion_posts']) {
          await db.schema.dropTable(table).ifExists().execute();
        }
      },
    };
  },
};
