/**
 * Cases (案件) of the leads application: open with case number, legal basis, purpose and owner;
 * members; close. A case is the registered purpose under which person-level work happens
 * (issue 3 item 1); its number is written as legal basis on every audit entry of that work.
 */
import { AppError } from '../../core/errors.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { appendAudit } from '../../security/audit.ts';
import { MIN_PURPOSE_LENGTH } from '../../security/policies.ts';
import { securityDb } from '../../security/schema.ts';
import { requireCase, requireRole, LEADS_RECORD_KIND, type Actor } from './access.ts';
import { LeadsErrors } from './errors.ts';
import { caseByNo, listCases, membersOf, type CaseRow } from './repository.ts';
import { leadsDb } from './schema.ts';

/** A case as the API shows it. */
export interface CaseView {
  readonly caseNo: string;
  readonly legalBasis: string;
  readonly purpose: string;
  readonly owner: string;
  readonly members: readonly string[];
  readonly openedAt: string;
  readonly openedBy: string;
  readonly closedAt: string | null;
  readonly closedBy: string | null;
  readonly closeReason: string | null;
  readonly open: boolean;
}

/** Input of openCase. */
export interface NewCase {
  readonly caseNo: string;
  readonly legalBasis: string;
  readonly purpose: string;
  readonly owner: string;
  readonly members?: readonly string[];
}

/** Number of the demo case opened on first start. */
export const DEMO_CASE_NO = 'LEADS-DEMO-2026-001';

async function view(ctx: PlatformContext, row: CaseRow): Promise<CaseView> {
  return {
    caseNo: row.case_no, legalBasis: row.legal_basis, purpose: row.purpose, owner: row.owner, members: await membersOf(ctx.database, Number(row.id)),
    openedAt: row.opened_at, openedBy: row.opened_by, closedAt: row.closed_at, closedBy: row.closed_by, closeReason: row.close_reason, open: row.closed_at === null,
  };
}

function required(value: string, field: string, fieldEn: string, min: number): string {
  const v = value.trim();
  if ([...v].length < min) throw new AppError(LeadsErrors.LEADS_CASE_FIELD_REQUIRED, { field, fieldEn, min });
  return v;
}

async function activeUser(ctx: PlatformContext, username: string): Promise<{ username: string; role: string }> {
  const name = username.trim().toLowerCase();
  const row = await securityDb(ctx.database.db).selectFrom('users').select(['username', 'role', 'disabled']).where('username', '=', name).executeTakeFirst();
  if (!row || Number(row.disabled) === 1) throw new AppError(LeadsErrors.LEADS_USER_UNKNOWN, { username: name });
  return row;
}

async function insertCase(ctx: PlatformContext, input: NewCase, openedBy: string): Promise<CaseRow> {
  const caseNo = required(input.caseNo, '案件编号', 'case number', 2);
  const legalBasis = required(input.legalBasis, '法律依据', 'legal basis', MIN_PURPOSE_LENGTH);
  const purpose = required(input.purpose, '用途', 'purpose', MIN_PURPOSE_LENGTH);
  const owner = input.owner.trim().toLowerCase();
  if (await caseByNo(ctx.database, caseNo)) throw new AppError(LeadsErrors.LEADS_CASE_EXISTS, { caseNo });
  const at = ctx.now().toISOString();
  const members = [...new Set([owner, ...(input.members ?? []).map((m) => m.trim().toLowerCase())])];
  return leadsDb(ctx.database.db).transaction().execute(async (trx) => {
    const row = await trx.insertInto('leads_cases')
      .values({ case_no: caseNo, legal_basis: legalBasis, purpose, owner, opened_at: at, opened_by: openedBy, closed_at: null, closed_by: null, close_reason: null })
      .returningAll().executeTakeFirstOrThrow();
    await trx.insertInto('leads_case_members').values(members.map((username) => ({ case_id: Number(row.id), username, added_at: at, added_by: openedBy }))).execute();
    return row;
  });
}

/**
 * Open a case. The owner must be an active investigator; members must be active accounts; the
 * owner is always a member. The opening is audited ('leads.case.open').
 * @throws AppError LEADS_ROLE_DENIED, LEADS_CASE_FIELD_REQUIRED (case number ≥ 2, legal basis and
 *   purpose ≥ 4 characters), LEADS_USER_UNKNOWN, LEADS_OWNER_ROLE, LEADS_CASE_EXISTS (409).
 */
export async function openCase(ctx: PlatformContext, actor: Actor, input: NewCase, via = 'api'): Promise<CaseView> {
  await requireRole(ctx, actor, 'leads.case.open', via);
  const owner = await activeUser(ctx, input.owner);
  if (owner.role !== 'investigator') throw new AppError(LeadsErrors.LEADS_OWNER_ROLE, { username: owner.username, role: owner.role });
  for (const m of input.members ?? []) await activeUser(ctx, m);
  const row = await insertCase(ctx, input, actor.username);
  await appendAudit(ctx, { actor: actor.username, role: actor.role, action: 'leads.case.open', purpose: row.purpose, legalBasis: row.case_no, recordKind: LEADS_RECORD_KIND, recordIds: [row.case_no], outcome: 'allowed', detail: { owner: row.owner, via } });
  return view(ctx, row);
}

/** The cases the actor is a member of (administrators and the CLI operator: all), newest first. @throws AppError LEADS_ROLE_DENIED. */
export async function listCaseViews(ctx: PlatformContext, actor: Actor): Promise<CaseView[]> {
  await requireRole(ctx, actor, 'leads.case.read');
  const rows = await listCases(ctx.database, actor.username, actor.role === 'admin' || actor.role === 'operator');
  return Promise.all(rows.map((r) => view(ctx, r)));
}

/** One case (members; administrators). @throws the errors of requireCase. */
export async function readCase(ctx: PlatformContext, actor: Actor, caseNo: string): Promise<CaseView> {
  const access = await requireCase(ctx, actor, 'leads.case.read', caseNo);
  return view(ctx, access.case);
}

async function requireManager(ctx: PlatformContext, actor: Actor, caseNo: string) {
  const access = await requireCase(ctx, actor, 'leads.case.manage', caseNo);
  if (actor.role !== 'admin' && access.case.owner !== actor.username) {
    await appendAudit(ctx, { actor: actor.username, role: actor.role, action: 'leads.case.manage', legalBasis: caseNo, recordKind: LEADS_RECORD_KIND, recordIds: [caseNo], outcome: 'refused', detail: { reason: LeadsErrors.LEADS_NOT_CASE_MANAGER } });
    throw new AppError(LeadsErrors.LEADS_NOT_CASE_MANAGER, { caseNo });
  }
  return access;
}

/**
 * Add a member (the owner or an administrator; audited).
 * @throws AppError LEADS_NOT_CASE_MANAGER, LEADS_USER_UNKNOWN, LEADS_CASE_CLOSED and those of requireCase.
 */
export async function addMember(ctx: PlatformContext, actor: Actor, caseNo: string, username: string): Promise<CaseView> {
  const access = await requireManager(ctx, actor, caseNo);
  if (access.case.closed_at !== null) throw new AppError(LeadsErrors.LEADS_CASE_CLOSED, { caseNo });
  const user = await activeUser(ctx, username);
  const caseId = Number(access.case.id);
  const db = leadsDb(ctx.database.db);
  const exists = await db.selectFrom('leads_case_members').select('id').where('case_id', '=', caseId).where('username', '=', user.username).executeTakeFirst();
  if (!exists) await db.insertInto('leads_case_members').values({ case_id: caseId, username: user.username, added_at: ctx.now().toISOString(), added_by: actor.username }).execute();
  await appendAudit(ctx, { actor: actor.username, role: actor.role, action: 'leads.case.manage', legalBasis: caseNo, recordKind: LEADS_RECORD_KIND, recordIds: [caseNo], outcome: 'allowed', detail: { added: user.username } });
  return view(ctx, access.case);
}

/**
 * Close a case with a reason (≥ 4 characters); work in it is refused afterwards (audited).
 * @throws AppError LEADS_NOT_CASE_MANAGER, LEADS_REASON_REQUIRED, LEADS_CASE_CLOSED and those of requireCase.
 */
export async function closeCase(ctx: PlatformContext, actor: Actor, caseNo: string, reason: string): Promise<CaseView> {
  const access = await requireManager(ctx, actor, caseNo);
  if (access.case.closed_at !== null) throw new AppError(LeadsErrors.LEADS_CASE_CLOSED, { caseNo });
  if ([...reason.trim()].length < MIN_PURPOSE_LENGTH) throw new AppError(LeadsErrors.LEADS_REASON_REQUIRED, { min: MIN_PURPOSE_LENGTH });
  const row = await leadsDb(ctx.database.db).updateTable('leads_cases').set({ closed_at: ctx.now().toISOString(), closed_by: actor.username, close_reason: reason.trim() })
    .where('id', '=', Number(access.case.id)).returningAll().executeTakeFirstOrThrow();
  await appendAudit(ctx, { actor: actor.username, role: actor.role, action: 'leads.case.manage', legalBasis: caseNo, recordKind: LEADS_RECORD_KIND, recordIds: [caseNo], outcome: 'allowed', detail: { closed: true, reason: reason.trim() } });
  return view(ctx, row);
}

/**
 * First start: open the demo case (owner and member: the demo investigator account
 * 'investigator', created later in the same start) unless it exists. Cheap: two inserts.
 * @returns true when the case was opened now.
 */
export async function ensureDemoCase(ctx: PlatformContext): Promise<boolean> {
  if (await caseByNo(ctx.database, DEMO_CASE_NO)) return false;
  await insertCase(ctx, {
    caseNo: DEMO_CASE_NO,
    legalBasis: '《刑法》第一百二十八条、第一百五十一条；立案决定书 演示-2026-001',
    purpose: '演示：寄递渠道仿真枪制售网络研判 demo: imitation-gun network in parcel data',
    owner: 'investigator',
  }, 'system');
  return true;
}
