/**
 * Queries of the evidence application (queries only, no rules): store and read whole case
 * files, add items, change the stage, append and list overrides. Rows never leave this file:
 * callers get CaseFile / Override values (types.ts).
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../store/database.ts';
import { evidenceDb, type EvidenceItemRow, type EvidenceTables } from './schema.ts';
import type { CaseFile, CasePerson, EvidenceItem, Override, Stage } from './types.ts';

const json = (v: unknown) => JSON.stringify(v);
const num = (v: unknown) => Number(v);

/** A stored case file with its row id and bookkeeping. */
export interface StoredCase {
  readonly id: number;
  readonly file: CaseFile;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly createdBy: string;
}

async function insertItem(db: Kysely<EvidenceTables>, caseId: number, item: EvidenceItem, actor: string, at: string): Promise<void> {
  const row = await db
    .insertInto('evidence_items')
    .values({
      case_id: caseId, item_key: item.key, kind: item.kind, title: item.title, topics: json(item.topics), proves: json(item.proves), person_key: item.personKey ?? null,
      collector: item.collector, collected_at: item.collectedAt, place: item.place, formalities: json(item.formalities), facts: json(item.facts), created_at: at, created_by: actor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (item.custody.length > 0) {
    await db
      .insertInto('evidence_custody')
      .values(item.custody.map((e, seq) => ({ item_id: num(row.id), seq, at: e.at, action: e.action, from_holder: e.fromHolder, to_holder: e.toHolder, note: e.note ?? null })))
      .execute();
  }
}

/** Insert a whole case file in one transaction; returns the case id. Throws the unique violation when case_no exists. */
export async function insertCaseFile(database: Database, file: CaseFile, actor: string, at: string): Promise<number> {
  return evidenceDb(database.db)
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .insertInto('evidence_cases')
        .values({ case_no: file.caseNo, title: file.title, charges: json(file.charges), stage: file.stage, life_or_death: file.lifeOrDeathPossible ? 1 : 0, created_at: at, updated_at: at, created_by: actor })
        .returning('id')
        .executeTakeFirstOrThrow();
      const caseId = num(row.id);
      if (file.persons.length > 0) {
        await trx
          .insertInto('evidence_persons')
          .values(file.persons.map((p) => ({ case_id: caseId, person_key: p.key, role: p.role, name: p.name, id_number: p.idNumber ?? null, detained_at: p.detainedAt ?? null, facility_at: p.facilityAt ?? null, arrest_requested_at: p.arrestRequestedAt ?? null, roving: p.roving ? 1 : 0 })))
          .execute();
      }
      for (const item of file.items) await insertItem(trx, caseId, item, actor, at);
      return caseId;
    });
}

/** Add one item (with its custody entries) to a case and touch its updated_at. */
export async function insertItemRow(database: Database, caseId: number, item: EvidenceItem, actor: string, at: string): Promise<void> {
  await evidenceDb(database.db)
    .transaction()
    .execute(async (trx) => {
      await insertItem(trx, caseId, item, actor, at);
      await trx.updateTable('evidence_cases').set({ updated_at: at }).where('id', '=', caseId).execute();
    });
}

/** Move a case to a stage. */
export async function updateStage(database: Database, caseId: number, stage: Stage, at: string): Promise<void> {
  await evidenceDb(database.db).updateTable('evidence_cases').set({ stage, updated_at: at }).where('id', '=', caseId).execute();
}

function itemOf(r: Selectable<EvidenceItemRow>, custody: EvidenceItem['custody']): EvidenceItem {
  return {
    key: r.item_key, kind: r.kind as EvidenceItem['kind'], title: r.title, topics: JSON.parse(r.topics) as string[], proves: JSON.parse(r.proves) as EvidenceItem['proves'],
    personKey: r.person_key, collector: r.collector, collectedAt: r.collected_at, place: r.place, custody,
    formalities: JSON.parse(r.formalities) as EvidenceItem['formalities'], facts: JSON.parse(r.facts) as EvidenceItem['facts'],
  };
}

/** The whole case file by case number, or null. */
export async function findCaseFile(database: Database, caseNo: string): Promise<StoredCase | null> {
  const db = evidenceDb(database.db);
  const c = await db.selectFrom('evidence_cases').selectAll().where('case_no', '=', caseNo).executeTakeFirst();
  if (!c) return null;
  const id = num(c.id);
  const persons = await db.selectFrom('evidence_persons').selectAll().where('case_id', '=', id).orderBy('id').execute();
  const items = await db.selectFrom('evidence_items').selectAll().where('case_id', '=', id).orderBy('item_key').execute();
  const custody = items.length
    ? await db.selectFrom('evidence_custody').selectAll().where('item_id', 'in', items.map((i) => num(i.id))).orderBy('item_id').orderBy('seq').execute()
    : [];
  const byItem = new Map<number, EvidenceItem['custody'][number][]>();
  for (const e of custody) {
    const list = byItem.get(num(e.item_id)) ?? [];
    list.push({ at: e.at, action: e.action, fromHolder: e.from_holder, toHolder: e.to_holder, note: e.note });
    byItem.set(num(e.item_id), list);
  }
  const file: CaseFile = {
    caseNo: c.case_no, title: c.title, charges: JSON.parse(c.charges) as string[], stage: c.stage as Stage, lifeOrDeathPossible: num(c.life_or_death) === 1,
    persons: persons.map((p): CasePerson => ({ key: p.person_key, role: p.role as CasePerson['role'], name: p.name, idNumber: p.id_number, detainedAt: p.detained_at, facilityAt: p.facility_at, arrestRequestedAt: p.arrest_requested_at, roving: num(p.roving) === 1 })),
    items: items.map((r) => itemOf(r, byItem.get(num(r.id)) ?? [])),
  };
  return { id, file, createdAt: c.created_at, updatedAt: c.updated_at, createdBy: c.created_by };
}

/** All case numbers with their stored summary, newest first. */
export async function listCaseRows(database: Database): Promise<{ caseNo: string; title: string; charges: string[]; stage: Stage; updatedAt: string }[]> {
  const rows = await evidenceDb(database.db).selectFrom('evidence_cases').select(['case_no', 'title', 'charges', 'stage', 'updated_at']).orderBy('case_no').execute();
  return rows.map((r) => ({ caseNo: r.case_no, title: r.title, charges: JSON.parse(r.charges) as string[], stage: r.stage as Stage, updatedAt: r.updated_at }));
}

/** Append an override; returns its row id. */
export async function insertOverride(database: Database, caseId: number, o: Override & { stage: Stage }): Promise<number> {
  const row = await evidenceDb(database.db)
    .insertInto('evidence_overrides')
    .values({ case_id: caseId, finding_key: o.findingKey, rule_id: o.ruleId, stage: o.stage, reason: o.reason, officer: o.officer, at: o.at, audit_seq: o.auditSeq })
    .returning('id')
    .executeTakeFirstOrThrow();
  return num(row.id);
}

/** The override trail of a case, oldest first. */
export async function listOverrides(database: Database, caseId: number): Promise<(Override & { stage: Stage })[]> {
  const rows = await evidenceDb(database.db).selectFrom('evidence_overrides').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  return rows.map((r) => ({ findingKey: r.finding_key, ruleId: r.rule_id, stage: r.stage as Stage, reason: r.reason, officer: r.officer, at: r.at, auditSeq: r.audit_seq === null ? null : num(r.audit_seq) }));
}
