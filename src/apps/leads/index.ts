/**
 * The leads application (研判线索, issue 3) as a platform module: tables, routes under
 * /api/leads, the `case`, `rules`, `leads` and `graph` commands, and the demo case on first start.
 * Public API for other modules: the case, tag, lead and network services below.
 */
import type { GongzhiModule } from '../../platform/module.ts';
import { ensureDemoCase, DEMO_CASE_NO } from './caseService.ts';
import { leadsCommands } from './cli.ts';
import { leadsRoutes } from './routes.ts';
import { leadsMigrations } from './schema.ts';

/** Migration 202611300400_leads_tables, routes /api/leads/…, commands, demo case on first start. */
export const leadsModule: GongzhiModule = {
  name: 'leads',
  migrations: leadsMigrations,
  routes: leadsRoutes,
  commands: leadsCommands,
  async seedDemo(ctx) {
    return (await ensureDemoCase(ctx)) ? `研判演示案件 leads demo case: ${DEMO_CASE_NO} (member: investigator)` : null;
  },
};

export { openCase, listCaseViews, readCase, addMember, closeCase, ensureDemoCase, DEMO_CASE_NO, type CaseView, type NewCase } from './caseService.ts';
export { requireCase, requireRole, auditCaseRead, cliActor, type Actor, type CaseAccess } from './access.ts';
export { LEADS_POLICIES, leadsAllowed, type LeadsAction } from './policies.ts';
export { expandNetwork, networkPath, exportNetwork, type Seed, type NetworkView, type NetworkNode, type NetworkEdge, type ExpandRequest, type ExportFormat } from './networkService.ts';
export { parcelNetwork, type ParcelNetwork } from './networkBuilder.ts';
export { personKeyOf, nodeKeyOf, normaliseIdNumber } from './personKeys.ts';
export { runTagRules, refreshSubjects, listRuleRuns, type RuleRunView, type RuleRunSummary, type RuleRunRecord } from './tagRunner.ts';
export { explainRule, type RuleExplanation } from './ruleExplainer.ts';
export { loadTagRules, loadRuleLists, TAG_CATALOGUE, type LeadsRule } from './tagCatalogue.ts';
export { scoreLeads, fitLeadModel, readLeadModel, type ModelView, type ScoringModel, type Contribution } from './leadScorer.ts';
export { listTags, listLeads, readLead, reviewLead, exportLeads, precisionByRule, type TagView, type LeadView, type LeadSummary } from './leadReview.ts';
export { fitLogistic, predict, sigmoid, type LogisticModel } from './leadModel.ts';
export { LeadsErrors } from './errors.ts';
