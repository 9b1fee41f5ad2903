/**
 * Queries of the disputes application (no domain logic). Rows come back as the schema's row
 * types; the services turn them into views.
 */
import { sql, type Insertable, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../../store/database.ts';
import { disputesDb, type AppealRow, type DisputesTables, type EventRow, type PartyRow } from './schema.ts';
import { OPEN_STATES } from './workflow.ts';

export type Appeal = Selectable<AppealRow>;
type Trx = Transaction<DisputesTables>;

/** Insert an appeal with its parties and events in the caller's transaction; returns the id. */
export async function insertAppeal(trx: Trx, row: Insertable<AppealRow>, parties: readonly Omit<PartyRow, 'id' | 'appeal_id'>[], events: readonly Omit<EventRow, 'appeal_id'>[]): Promise<number> {
  const r = await trx.insertInto('disputes_appeals').values(row).returning('id').executeTakeFirstOrThrow();
  const id = Number(r.id);
  if (parties.length) await trx.insertInto('disputes_parties').values(parties.map((p) => ({ ...p, appeal_id: id }))).execute();
  if (events.length) await trx.insertInto('disputes_events').values(events.map((e) => ({ ...e, appeal_id: id }))).execute();
  return id;
}

/** The appeal row by number, or undefined. */
export function findAppeal(database: Database, appealNo: string): Promise<Appeal | undefined> {
  return disputesDb(database.db).selectFrom('disputes_appeals').selectAll().where('appeal_no', '=', appealNo).executeTakeFirst();
}

/** The appeal row by (channel, external id), e.g. an Open311 service_request_id. */
export function findByExternalId(database: Database, channel: string, externalId: string): Promise<Appeal | undefined> {
  return disputesDb(database.db).selectFrom('disputes_appeals').selectAll().where('channel', '=', channel).where('external_id', '=', externalId).executeTakeFirst();
}

/** Events of an appeal in seq order. */
export function appealEvents(database: Database | Trx, appealId: number): Promise<Selectable<EventRow>[]> {
  const db = 'db' in database ? disputesDb(database.db) : database;
  return db.selectFrom('disputes_events').selectAll().where('appeal_id', '=', appealId).orderBy('seq').execute();
}

/**
 * Append one event and update the appeal row, only if its version is still `expectedVersion`
 * (optimistic concurrency). Returns false when someone else moved the appeal first.
 */
export async function appendEvent(trx: Trx, appealId: number, expectedVersion: number, event: Omit<EventRow, 'appeal_id'>, patch: Partial<Insertable<AppealRow>>): Promise<boolean> {
  const r = await trx.updateTable('disputes_appeals').set({ ...patch, version: expectedVersion + 1 }).where('id', '=', appealId).where('version', '=', expectedVersion).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await trx.insertInto('disputes_events').values({ ...event, appeal_id: appealId }).execute();
  return true;
}

/** Filters of listAppealRows (all optional); `from`/`to` are local days (received_day), inclusive. */
export interface AppealFilter {
  readonly state?: string;
  readonly category?: string;
  readonly divisionCode?: string;
  readonly orgCode?: string;
  readonly channel?: string;
  readonly kind?: string;
  readonly projectCode?: string;
  readonly from?: string;
  readonly to?: string;
  readonly q?: string;
  /** Only appeals with a milestone breached or open past its due time at `now` (ISO instant). */
  readonly overdueAt?: string;
  readonly limit?: number;
  readonly offset?: number;
}

/** Appeals matching the filter, newest first, and the total count. */
export async function listAppealRows(database: Database, f: AppealFilter): Promise<{ total: number; rows: Appeal[] }> {
  const db = disputesDb(database.db);
  let q = db.selectFrom('disputes_appeals');
  if (f.state) q = q.where('state', '=', f.state);
  if (f.category) q = q.where((eb) => eb.or([eb('category', '=', f.category!), eb('category', 'like', `${f.category}/%`)]));
  if (f.divisionCode) q = f.divisionCode.endsWith('00') ? q.where('division_code', 'like', `${f.divisionCode.endsWith('0000') ? f.divisionCode.slice(0, 2) : f.divisionCode.slice(0, 4)}%`) : q.where('division_code', '=', f.divisionCode);
  if (f.orgCode) q = q.where('org_code', '=', f.orgCode);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.projectCode) q = q.where('project_code', '=', f.projectCode);
  if (f.from) q = q.where('received_day', '>=', f.from);
  if (f.to) q = q.where('received_day', '<=', f.to);
  if (f.q) q = q.where((eb) => eb.or([eb('title', 'like', `%${f.q}%`), eb('text', 'like', `%${f.q}%`), eb('appeal_no', '=', f.q!)]));
  if (f.overdueAt) q = q.where(overdueSql(f.overdueAt));
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('received_at', 'desc').orderBy('id', 'desc').limit(f.limit ?? 50).offset(f.offset ?? 0).execute();
  return { total: Number(total.n), rows };
}

/**
 * The SLA test of appealView.slaVerdicts in SQL (ISO-8601 UTC text compares as time on both
 * dialects): a milestone is late when completed after its due instant, or not completed and due
 * before `now`. Completion: acceptance = accepted_at, else closed_at (declined); first contact =
 * first_contact_at, else closed_at of a declined case; resolution = resolved_at, else closed_at
 * of a closed case; no resolution due = no target.
 */
function overdueSql(now: string) {
  return sql<boolean>`(
    (coalesce(accepted_at, closed_at) is null and acceptance_due < ${now}) or coalesce(accepted_at, closed_at) > acceptance_due
    or (coalesce(first_contact_at, case when accepted_at is null then closed_at end) is null and first_contact_due < ${now})
    or coalesce(first_contact_at, case when accepted_at is null then closed_at end) > first_contact_due
    or (resolution_due is not null and (
      (coalesce(resolved_at, case when state = 'closed' then closed_at end) is null and resolution_due < ${now})
      or coalesce(resolved_at, case when state = 'closed' then closed_at end) > resolution_due)))`;
}

/** Open cases (received, accepted, mediating) per org code. */
export async function orgLoads(database: Database): Promise<Map<string, number>> {
  const rows = await disputesDb(database.db)
    .selectFrom('disputes_appeals')
    .select(['org_code', (eb) => eb.fn.countAll<number>().as('n')])
    .where('state', 'in', [...OPEN_STATES])
    .where('org_code', 'is not', null)
    .groupBy('org_code')
    .execute();
  return new Map(rows.map((r) => [r.org_code!, Number(r.n)]));
}

/** Earlier appeals by the same submitter (blind index) received before `before`. */
export async function previousAppealCount(database: Database, submitterIndex: string, before: string): Promise<number> {
  const r = await disputesDb(database.db).selectFrom('disputes_appeals').select((eb) => eb.fn.countAll<number>().as('n')).where('submitter_index', '=', submitterIndex).where('received_at', '<', before).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The next number in a yearly series, e.g. nextSerial(db, 'A2026') → 'A2026000042' (count + 1, zero-padded). */
export async function nextAppealNo(database: Database | Trx, prefix: string): Promise<string> {
  const db = 'db' in database ? disputesDb(database.db) : database;
  const r = await db.selectFrom('disputes_appeals').select(sql<string>`max(appeal_no)`.as('m')).where('appeal_no', 'like', `${prefix}%`).executeTakeFirst();
  const last = r?.m ? Number(r.m.slice(prefix.length)) : 0;
  return `${prefix}${String(last + 1).padStart(6, '0')}`;
}
