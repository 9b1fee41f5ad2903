/**
 * Queries of the leads application over its own tables (STYLE: repository = queries only). Rows
 * come back as stored; services turn them into views.
 */
import type { Selectable } from 'kysely';
import type { Database } from '../../store/database.ts';
import { leadsDb, type LeadsCaseRow, type LeadsLeadRow, type LeadsTagRow } from './schema.ts';

export type CaseRow = Selectable<LeadsCaseRow>;
export type TagRow = Selectable<LeadsTagRow>;
export type LeadRow = Selectable<LeadsLeadRow>;

/** The case with this number, or undefined. */
export async function caseByNo(d: Database, caseNo: string): Promise<CaseRow | undefined> {
  return leadsDb(d.db).selectFrom('leads_cases').selectAll().where('case_no', '=', caseNo).executeTakeFirst();
}

/** Usernames of the members of a case, in the order they were added. */
export async function membersOf(d: Database, caseId: number): Promise<string[]> {
  const rows = await leadsDb(d.db).selectFrom('leads_case_members').select('username').where('case_id', '=', caseId).orderBy('id').execute();
  return rows.map((r) => r.username);
}

/** True when `username` is a member of the case. */
export async function isMember(d: Database, caseId: number, username: string): Promise<boolean> {
  return Boolean(await leadsDb(d.db).selectFrom('leads_case_members').select('id').where('case_id', '=', caseId).where('username', '=', username).executeTakeFirst());
}

/** Cases, newest first; only those `username` is a member of unless `all`. */
export async function listCases(d: Database, username: string, all: boolean): Promise<CaseRow[]> {
  let q = leadsDb(d.db).selectFrom('leads_cases').selectAll().orderBy('id', 'desc');
  if (!all) q = q.where('id', 'in', leadsDb(d.db).selectFrom('leads_case_members').select('case_id').where('username', '=', username));
  return q.execute();
}

/** Tags of a case (optionally one person; optionally only those live at `liveAt`), by id. */
export async function tagsOf(d: Database, caseId: number, opts: { personKey?: string; liveAt?: string; personKeys?: readonly string[] } = {}): Promise<TagRow[]> {
  let q = leadsDb(d.db).selectFrom('leads_tags').selectAll().where('case_id', '=', caseId);
  if (opts.personKey !== undefined) q = q.where('person_key', '=', opts.personKey);
  if (opts.personKeys !== undefined) q = q.where('person_key', 'in', opts.personKeys.length ? [...opts.personKeys] : ['']);
  if (opts.liveAt !== undefined) q = q.where('expires_at', '>', opts.liveAt);
  return q.orderBy('id').execute();
}

/** One lead of a case, or undefined. */
export async function leadById(d: Database, caseId: number, leadId: number): Promise<LeadRow | undefined> {
  return leadsDb(d.db).selectFrom('leads_leads').selectAll().where('case_id', '=', caseId).where('id', '=', leadId).executeTakeFirst();
}
