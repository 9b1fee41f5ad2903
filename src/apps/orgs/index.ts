/**
 * The orgs registry (issue 5 part 1) as a platform module: mediation committees, professional
 * mediation bodies, 和事佬 associations, legal service stations, law firms, social
 * organisations and the bodies escalations go to. Public API: saveOrg, getOrg, listOrgs,
 * importOrgs, validateOrg, divisionCovers/coverageLevel (used by the disputes router).
 */
import type { GongzhiModule } from '../../platform/module.ts';
import { orgsCommands } from './cli.ts';
import { generateOrgsDemo } from './demo.ts';
import { findOrg, upsertOrg } from './repository.ts';
import { orgsRoutes } from './routes.ts';
import { orgsMigrations } from './schema.ts';

/** Load the demo registry (orgs not yet present, by code). */
export async function loadOrgsDemo(ctx: Parameters<NonNullable<GongzhiModule['seedDemo']>>[0]): Promise<{ inserted: number; existing: number }> {
  let inserted = 0;
  let existing = 0;
  const at = ctx.now().toISOString();
  for (const org of generateOrgsDemo()) {
    if (await findOrg(ctx.database, org.code)) existing++;
    else {
      await upsertOrg(ctx.database, org, at);
      inserted++;
    }
  }
  return { inserted, existing };
}

/** Migration 202611300400_orgs_tables, routes /api/orgs…, command `orgs`, demo registry on first start. */
export const orgsModule: GongzhiModule = {
  name: 'orgs',
  migrations: orgsMigrations,
  routes: orgsRoutes,
  commands: orgsCommands,
  async seedDemo(ctx) {
    const r = await loadOrgsDemo(ctx);
    return r.inserted ? `调解组织名录 orgs registry: ${r.inserted} orgs loaded` : null;
  },
};

export { saveOrg, getOrg, listOrgs, importOrgs, presentOrg, ORG_COLUMNS, type OrgImportResult, type RejectedOrgRow } from './service.ts';
export { validateOrg, divisionCovers, coverageLevel, splitList, type OrgInput, type OrgValidation } from './validate.ts';
export { findOrg, listOrgRows, upsertOrg, type OrgFilter } from './repository.ts';
export { generateOrgsDemo, demoUscc, DEMO_DIVISIONS } from './demo.ts';
export { ORGS_POLICIES, orgsAllowed, type OrgsAction } from './policies.ts';
export { OrgsErrors } from './errors.ts';
export * from './types.ts';
