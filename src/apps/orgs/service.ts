/**
 * The registry's domain operations: create or replace an org (validated), read one (members'
 * phones masked), list, and import a file of orgs (CSV/XLSX/NDJSON through src/ingest), which
 * returns `{ accepted, rejected[], stats }` with the reasons of every rejected row.
 */
import { AppError, type Issue } from '../../core/errors.ts';
import { readFile } from '../../ingest/readFile.ts';
import type { ColumnMapping } from '../../ingest/types.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { maskPhone } from '../../security/masking.ts';
import { OrgsErrors as E } from './errors.ts';
import { findOrg, listOrgRows, upsertOrg, type OrgFilter } from './repository.ts';
import type { Org } from './types.ts';
import { validateOrg, type OrgInput } from './validate.ts';

/**
 * Validate and store an org (insert, or replace by code with its members).
 * @throws AppError ORGS_INVALID (422) with the field issues as details.
 */
export async function saveOrg(ctx: PlatformContext, input: OrgInput): Promise<{ org: Org; created: boolean; warnings: readonly Issue[] }> {
  const v = validateOrg(input);
  if (!v.valid) throw new AppError(E.ORGS_INVALID, { count: v.errors.length }, v.errors);
  const { created } = await upsertOrg(ctx.database, v.org, ctx.now().toISOString());
  return { org: v.org, created, warnings: v.warnings };
}

/** An org for display: members' phones masked (`138****5678`), the registry's phone kept (a public service number). */
export function presentOrg(org: Org): Org {
  return { ...org, ...(org.members ? { members: org.members.map((m) => ({ ...m, phone: m.phone ? maskPhone(m.phone) : null })) } : {}) };
}

/**
 * One org with its members (phones masked).
 * @throws AppError ORGS_NOT_FOUND (404).
 */
export async function getOrg(ctx: PlatformContext, code: string): Promise<Org> {
  const org = await findOrg(ctx.database, code);
  if (!org) throw new AppError(E.ORGS_NOT_FOUND, { code });
  return presentOrg(org);
}

/** Orgs matching the filter (kind, served division, category, name contains), by code, without members. */
export async function listOrgs(ctx: PlatformContext, filter: OrgFilter = {}): Promise<Org[]> {
  return listOrgRows(ctx.database, filter);
}

/** Header aliases of an org import file (Chinese or English labels). */
export const ORG_COLUMNS: ColumnMapping = {
  code: ['机构编码', '编码', 'code'],
  name: ['机构名称', '名称', 'name'],
  kind: ['机构类型', '类型', 'kind'],
  domain: ['专业领域', 'domain'],
  uscc: ['统一社会信用代码', '信用代码', 'uscc'],
  divisionCode: ['所在行政区划', '行政区划代码', 'division_code', 'divisionCode'],
  divisionsServed: ['服务区划', 'divisions_served', 'divisionsServed'],
  categories: ['服务类别', '受理类别', 'categories'],
  capacity: ['承办能力', '容量', 'capacity'],
  phone: ['联系电话', '电话', 'phone'],
  address: ['地址', 'address'],
  active: ['在用', '启用', 'active'],
  members: ['人员', 'members'],
};

/** One rejected import row. */
export interface RejectedOrgRow {
  readonly rowNumber: number;
  readonly line: number;
  readonly code: string | null;
  readonly issues: readonly Issue[];
}

/** Result of importOrgs. */
export interface OrgImportResult {
  readonly accepted: number;
  readonly rejected: readonly RejectedOrgRow[];
  readonly stats: { readonly rows: number; readonly created: number; readonly replaced: number };
}

/**
 * Import orgs from a file (.csv/.tsv/.xlsx/.ndjson, encoding detected). Lists are separated by
 * ; , 、 or |; `members` is a JSON array of { name, role, qualifications, phone }. A row that fails
 * validation is rejected with its issues; the others are stored (idempotent by code).
 * @throws AppError INGEST_SOURCE_UNREADABLE / INGEST_HEADER_MISSING for an unreadable file.
 */
export async function importOrgs(ctx: PlatformContext, file: string): Promise<OrgImportResult> {
  const source = readFile(file, { columns: ORG_COLUMNS, requiredFields: ['code', 'name', 'kind'], unknownColumns: 'drop' });
  const rejected: RejectedOrgRow[] = [];
  let rows = 0;
  let created = 0;
  let replaced = 0;
  for await (const row of source) {
    rows++;
    if (row.issues?.length) {
      rejected.push({ rowNumber: row.rowNumber, line: row.line, code: row.fields.code ?? null, issues: row.issues });
      continue;
    }
    const v = validateOrg(row.fields);
    if (!v.valid) {
      rejected.push({ rowNumber: row.rowNumber, line: row.line, code: row.fields.code ?? null, issues: v.errors });
      continue;
    }
    const r = await upsertOrg(ctx.database, v.org, ctx.now().toISOString());
    if (r.created) created++;
    else replaced++;
  }
  return { accepted: created + replaced, rejected, stats: { rows, created, replaced } };
}
