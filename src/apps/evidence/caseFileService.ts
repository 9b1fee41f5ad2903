/**
 * The evidence service: create and read case files, attach evidence items, move a case to a
 * stage, produce the stage-gate report, and record overrides. Every read of a case file (it
 * holds personal data of suspects, victims and witnesses) and every override — accepted or
 * refused — is written to the hash-chained audit log (src/security/audit.ts).
 */
import { AppError } from '../../core/errors.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { appendAudit } from '../../security/audit.ts';
import { maskIdNumber } from '../../security/masking.ts';
import { EvidenceErrors as E } from './errors.ts';
import { findCaseFile, insertCaseFile, insertItemRow, insertOverride, listCaseRows, listOverrides, updateStage, type StoredCase } from './repository.ts';
import { stageGate, type StageGateReport } from './stageGate.ts';
import { loadStandards } from './standards.ts';
import type { CaseFile, EvidenceItem, Override, Stage } from './types.ts';

/** Minimum length of an override reason, in characters (code points, after trimming). */
export const MIN_OVERRIDE_REASON = 4;

/** Who is acting: username and role of the signed-in user (or 'cli:<user>'). */
export interface Actor {
  readonly username: string;
  readonly role: string | null;
}

/** A case file as the API presents it: ID numbers masked, the report and the override trail. */
export interface CaseFileView {
  readonly file: CaseFile;
  readonly report: StageGateReport;
  readonly overrides: readonly (Override & { stage: Stage })[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

function unknownCharges(charges: readonly string[]): string[] {
  const set = loadStandards();
  return charges.filter((c) => !set.charges.has(c));
}

function checkPersons(file: Pick<CaseFile, 'caseNo' | 'persons'>, items: readonly EvidenceItem[]): void {
  for (const i of items) {
    if (i.personKey && !file.persons.some((p) => p.key === i.personKey)) throw new AppError(E.EVIDENCE_PERSON_UNKNOWN, { item: i.key, person: i.personKey });
  }
}

async function stored(ctx: PlatformContext, caseNo: string): Promise<StoredCase> {
  const s = await findCaseFile(ctx.database, caseNo);
  if (!s) throw new AppError(E.EVIDENCE_CASE_NOT_FOUND, { caseNo });
  return s;
}

/**
 * Store a new case file.
 * @throws AppError EVIDENCE_CHARGE_UNKNOWN, EVIDENCE_PERSON_UNKNOWN (422), EVIDENCE_CASE_EXISTS (409)
 */
export async function createCaseFile(ctx: PlatformContext, file: CaseFile, actor: Actor): Promise<void> {
  const unknown = unknownCharges(file.charges);
  if (unknown.length > 0) throw new AppError(E.EVIDENCE_CHARGE_UNKNOWN, { charge: unknown.join(', ') });
  checkPersons(file, file.items);
  const keys = new Set<string>();
  for (const i of file.items) {
    if (keys.has(i.key)) throw new AppError(E.EVIDENCE_ITEM_EXISTS, { caseNo: file.caseNo, item: i.key });
    keys.add(i.key);
  }
  if (await findCaseFile(ctx.database, file.caseNo)) throw new AppError(E.EVIDENCE_CASE_EXISTS, { caseNo: file.caseNo });
  await insertCaseFile(ctx.database, file, actor.username, ctx.now().toISOString());
}

function present(s: StoredCase, overrides: (Override & { stage: Stage })[], stage: Stage): CaseFileView {
  const set = loadStandards();
  const report = stageGate(set, s.file, overrides, stage);
  const file: CaseFile = { ...s.file, persons: s.file.persons.map((p) => ({ ...p, idNumber: p.idNumber ? maskIdNumber(p.idNumber) : null })) };
  return { file, report, overrides, createdAt: s.createdAt, updatedAt: s.updatedAt };
}

/**
 * Read a case file with its report at `stage` (default: the case's stage) and its override
 * trail; audited as 'evidence.read' with the case number.
 * @throws AppError EVIDENCE_CASE_NOT_FOUND (404)
 */
export async function readCaseFile(ctx: PlatformContext, caseNo: string, actor: Actor, stage?: Stage): Promise<CaseFileView> {
  const s = await stored(ctx, caseNo);
  const overrides = await listOverrides(ctx.database, s.id);
  await appendAudit(ctx, { actor: actor.username, role: actor.role, action: 'evidence.read', purpose: '案件办理 case handling', legalBasis: caseNo, recordKind: 'evidence_case', recordIds: [caseNo], outcome: 'allowed' });
  return present(s, overrides, stage ?? s.file.stage);
}

/** Summaries of every case with its gate at the current stage (blocking and warning counts). */
export async function listCaseFiles(ctx: PlatformContext): Promise<{ caseNo: string; title: string; charges: string[]; stage: Stage; passed: boolean; blocking: number; warnings: number; updatedAt: string }[]> {
  const set = loadStandards();
  const out = [];
  for (const row of await listCaseRows(ctx.database)) {
    const s = (await findCaseFile(ctx.database, row.caseNo))!;
    const r = stageGate(set, s.file, await listOverrides(ctx.database, s.id));
    out.push({ ...row, passed: r.passed, blocking: r.blocking.length, warnings: r.warnings.length });
  }
  return out;
}

/**
 * Attach an evidence item to a case; returns the case view with the new report.
 * @throws AppError EVIDENCE_CASE_NOT_FOUND, EVIDENCE_ITEM_EXISTS (409), EVIDENCE_PERSON_UNKNOWN (422)
 */
export async function attachItem(ctx: PlatformContext, caseNo: string, item: EvidenceItem, actor: Actor): Promise<CaseFileView> {
  const s = await stored(ctx, caseNo);
  if (s.file.items.some((i) => i.key === item.key)) throw new AppError(E.EVIDENCE_ITEM_EXISTS, { caseNo, item: item.key });
  checkPersons(s.file, [item]);
  await insertItemRow(ctx.database, s.id, item, actor.username, ctx.now().toISOString());
  return readCaseFile(ctx, caseNo, actor);
}

/** Move a case to `stage`; returns the view with the report at the new stage. */
export async function moveToStage(ctx: PlatformContext, caseNo: string, stage: Stage, actor: Actor): Promise<CaseFileView> {
  const s = await stored(ctx, caseNo);
  await updateStage(ctx.database, s.id, stage, ctx.now().toISOString());
  return readCaseFile(ctx, caseNo, actor);
}

/**
 * Override one finding of the current report with a recorded reason. The reason must have at
 * least MIN_OVERRIDE_REASON characters; the finding must be in the report at `stage` (default:
 * the case's stage) and its rule overridable (CPL art. 55 findings and missing conditions are
 * not). Refusals and accepted overrides are both audited ('evidence.override').
 * @throws AppError EVIDENCE_OVERRIDE_REASON_REQUIRED (422), EVIDENCE_FINDING_NOT_FOUND (404),
 *   EVIDENCE_OVERRIDE_NOT_ALLOWED (422), EVIDENCE_CASE_NOT_FOUND (404)
 */
export async function overrideFinding(ctx: PlatformContext, caseNo: string, input: { findingKey: string; reason?: string | undefined; stage?: Stage | undefined }, actor: Actor): Promise<CaseFileView> {
  const s = await stored(ctx, caseNo);
  const stage = input.stage ?? s.file.stage;
  const reason = (input.reason ?? '').trim();
  const refuse = async (code: string, params: Record<string, string | number>): Promise<never> => {
    await appendAudit(ctx, { actor: actor.username, role: actor.role, action: 'evidence.override', legalBasis: caseNo, recordKind: 'evidence_case', recordIds: [caseNo], outcome: 'refused', detail: { reason: code, findingKey: input.findingKey } });
    throw new AppError(code, params);
  };
  if ([...reason].length < MIN_OVERRIDE_REASON) return refuse(E.EVIDENCE_OVERRIDE_REASON_REQUIRED, { min: MIN_OVERRIDE_REASON });
  const overrides = await listOverrides(ctx.database, s.id);
  const report = stageGate(loadStandards(), s.file, overrides, stage);
  const finding = [...report.blocking, ...report.warnings].find((f) => f.key === input.findingKey);
  if (!finding) return refuse(E.EVIDENCE_FINDING_NOT_FOUND, { key: input.findingKey });
  if (!finding.overridable) return refuse(E.EVIDENCE_OVERRIDE_NOT_ALLOWED, { ruleId: finding.ruleId, reason: finding.ruleId === 'GEN-CONFESSION-ONLY' ? '刑事诉讼法第五十五条' : '法定条件', reasonEn: finding.ruleId === 'GEN-CONFESSION-ONLY' ? 'CPL art. 55' : 'a statutory condition' });
  const entry = await appendAudit(ctx, {
    actor: actor.username, role: actor.role, action: 'evidence.override', legalBasis: caseNo, recordKind: 'evidence_case', recordIds: [caseNo], outcome: 'allowed',
    detail: { findingKey: finding.key, ruleId: finding.ruleId, stage, reason },
  });
  await insertOverride(ctx.database, s.id, { findingKey: finding.key, ruleId: finding.ruleId, stage, reason, officer: actor.username, at: ctx.now().toISOString(), auditSeq: entry.seq });
  return readCaseFile(ctx, caseNo, actor, stage);
}
