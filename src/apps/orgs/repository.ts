/**
 * Queries of the orgs registry (no domain logic): upsert an org with its members and served
 * divisions in one transaction, read one, list with filters.
 */
import type { Database } from '../../store/database.ts';
import type { Selectable } from 'kysely';
import { orgsDb, type OrgRow } from './schema.ts';
import type { Org, OrgMember } from './types.ts';

function toOrg(row: Selectable<OrgRow>, members: OrgMember[] | undefined): Org {
  return {
    code: row.code, name: row.name, kind: row.kind as Org['kind'], domain: row.domain as Org['domain'], uscc: row.uscc,
    divisionCode: row.division_code, divisionsServed: JSON.parse(row.divisions_served), categories: JSON.parse(row.categories),
    capacity: Number(row.capacity), phone: row.phone, address: row.address, active: Number(row.active) === 1,
    ...(members ? { members } : {}),
  };
}

/** Insert or replace an org (by code), its members and served divisions. Returns whether it was new. */
export async function upsertOrg(database: Database, org: Org, at: string): Promise<{ created: boolean }> {
  return orgsDb(database.db).transaction().execute(async (trx) => {
    const values = {
      name: org.name, kind: org.kind, domain: org.domain ?? null, uscc: org.uscc ?? null, division_code: org.divisionCode,
      divisions_served: JSON.stringify(org.divisionsServed), categories: JSON.stringify(org.categories), capacity: org.capacity,
      phone: org.phone ?? null, address: org.address ?? null, active: org.active === false ? 0 : 1, updated_at: at,
    };
    const existing = await trx.selectFrom('orgs').select('id').where('code', '=', org.code).executeTakeFirst();
    let id: number;
    if (existing) {
      id = Number(existing.id);
      await trx.updateTable('orgs').set(values).where('id', '=', id).execute();
      await trx.deleteFrom('org_members').where('org_id', '=', id).execute();
      await trx.deleteFrom('org_served_divisions').where('org_id', '=', id).execute();
    } else {
      const r = await trx.insertInto('orgs').values({ code: org.code, ...values }).returning('id').executeTakeFirstOrThrow();
      id = Number(r.id);
    }
    const members = org.members ?? [];
    if (members.length) {
      await trx.insertInto('org_members').values(members.map((m, seq) => ({ org_id: id, seq, name: m.name, role: m.role, qualifications: JSON.stringify(m.qualifications), phone: m.phone ?? null }))).execute();
    }
    await trx.insertInto('org_served_divisions').values(org.divisionsServed.map((d) => ({ org_id: id, division_code: d }))).execute();
    return { created: !existing };
  });
}

/** One org with its members, or null. */
export async function findOrg(database: Database, code: string): Promise<Org | null> {
  const db = orgsDb(database.db);
  const row = await db.selectFrom('orgs').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row) return null;
  const members = await db.selectFrom('org_members').selectAll().where('org_id', '=', row.id).orderBy('seq').execute();
  return toOrg(row, members.map((m) => ({ name: m.name, role: m.role as OrgMember['role'], qualifications: JSON.parse(m.qualifications), phone: m.phone })));
}

/** Filters of listOrgRows; all optional. `divisionCode` keeps orgs serving that division (prefix rule of validate.divisionCovers). */
export interface OrgFilter {
  readonly kind?: string;
  readonly divisionCode?: string;
  readonly category?: string;
  readonly q?: string;
  readonly activeOnly?: boolean;
}

/** Orgs (without members) matching the filter, ordered by code. */
export async function listOrgRows(database: Database, filter: OrgFilter = {}): Promise<Org[]> {
  let q = orgsDb(database.db).selectFrom('orgs').selectAll();
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.activeOnly) q = q.where('active', '=', 1);
  if (filter.q) q = q.where('name', 'like', `%${filter.q}%`);
  if (filter.divisionCode) {
    const d = filter.divisionCode;
    const covering = [d, `${d.slice(0, 4)}00`, `${d.slice(0, 2)}0000`];
    q = q.where('id', 'in', (eb) => eb.selectFrom('org_served_divisions').select('org_id').where('division_code', 'in', covering));
  }
  const rows = await q.orderBy('code').execute();
  const orgs = rows.map((r) => toOrg(r, undefined));
  return filter.category ? orgs.filter((o) => o.categories.includes(filter.category as Org['categories'][number])) : orgs;
}
