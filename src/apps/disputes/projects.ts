/**
 * The register of land-requisition and demolition projects (征地拆迁项目): households affected,
 * households compensated, compensation status; appeals link to a project explicitly
 * (`projectCode`) or when their text names the project or one of its aliases. The early-warning
 * board shows the projects each cluster points at.
 */
import { AppError, issue, type Issue } from '../../core/errors.ts';
import { validateDivision } from '../../core/division/division.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { DisputesErrors as E } from './errors.ts';
import { disputesDb } from './schema.ts';

export const COMPENSATION_STATUSES = ['not_started', 'in_progress', 'partly_paid', 'completed', 'disputed'] as const;
export type CompensationStatus = (typeof COMPENSATION_STATUSES)[number];

/** A land-requisition project. */
export interface LandProject {
  readonly code: string;
  readonly name: string;
  readonly divisionCode: string;
  readonly households: number;
  readonly compensatedHouseholds: number;
  readonly compensationStatus: CompensationStatus;
  /** Local date 'YYYY-MM-DD' or null. */
  readonly startedOn?: string | null;
  /** Other names residents use for it (e.g. the village or the road). */
  readonly aliases?: readonly string[];
}

/** Problems with a project (empty when valid). */
export function projectIssues(p: LandProject): Issue[] {
  const out: Issue[] = [];
  const bad = (reason: string) => out.push(issue(E.DISPUTES_PROJECT_INVALID, { reason }));
  if (!p.code.trim() || !p.name.trim()) bad('code and name are required');
  if (!validateDivision(p.divisionCode).valid) bad(`division code ${p.divisionCode} is invalid`);
  if (!Number.isInteger(p.households) || p.households < 0) bad('households must be a non-negative integer');
  if (!Number.isInteger(p.compensatedHouseholds) || p.compensatedHouseholds < 0 || p.compensatedHouseholds > p.households) bad('compensated households must be between 0 and households');
  if (!(COMPENSATION_STATUSES as readonly string[]).includes(p.compensationStatus)) bad(`compensation status must be one of ${COMPENSATION_STATUSES.join(', ')}`);
  return out;
}

/**
 * Insert or replace a project by code.
 * @throws AppError DISPUTES_PROJECT_INVALID (422) with the issues.
 */
export async function saveProject(ctx: PlatformContext, p: LandProject): Promise<LandProject> {
  const problems = projectIssues(p);
  if (problems.length) throw new AppError(E.DISPUTES_PROJECT_INVALID, { reason: problems.map((i) => i.params?.reason).join('; ') }, problems);
  const db = disputesDb(ctx.database.db);
  const values = { name: p.name, division_code: p.divisionCode, households: p.households, compensated_households: p.compensatedHouseholds, compensation_status: p.compensationStatus, started_on: p.startedOn ?? null, aliases: JSON.stringify(p.aliases ?? []), updated_at: ctx.now().toISOString() };
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('disputes_projects').select('code').where('code', '=', p.code).executeTakeFirst();
    if (existing) await trx.updateTable('disputes_projects').set(values).where('code', '=', p.code).execute();
    else await trx.insertInto('disputes_projects').values({ code: p.code, ...values }).execute();
  });
  return p;
}

/** Every project with the number of appeals linked to it, by code. */
export async function listProjects(ctx: PlatformContext): Promise<(LandProject & { readonly appeals: number })[]> {
  const db = disputesDb(ctx.database.db);
  const rows = await db.selectFrom('disputes_projects').selectAll().orderBy('code').execute();
  const counts = await db.selectFrom('disputes_appeals').select(['project_code', (eb) => eb.fn.countAll<number>().as('n')]).where('project_code', 'is not', null).groupBy('project_code').execute();
  const byCode = new Map(counts.map((c) => [c.project_code!, Number(c.n)]));
  return rows.map((r) => ({
    code: r.code, name: r.name, divisionCode: r.division_code, households: Number(r.households), compensatedHouseholds: Number(r.compensated_households),
    compensationStatus: r.compensation_status as CompensationStatus, startedOn: r.started_on, aliases: JSON.parse(r.aliases) as string[], appeals: byCode.get(r.code) ?? 0,
  }));
}

/**
 * The project an appeal's text names (project name or an alias, longest match first), preferring
 * projects in the appeal's prefecture; null when none is named.
 */
export function matchProject(text: string, divisionCode: string, projects: readonly LandProject[]): string | null {
  let best: { code: string; len: number; local: boolean } | null = null;
  for (const p of projects) {
    for (const name of [p.name, ...(p.aliases ?? [])]) {
      if (name.length < 3 || !text.includes(name)) continue;
      const local = p.divisionCode.slice(0, 4) === divisionCode.slice(0, 4);
      if (!best || Number(local) > Number(best.local) || (local === best.local && name.length > best.len)) best = { code: p.code, len: name.length, local };
    }
  }
  return best?.code ?? null;
}
