/**
 * The disputes application (issue 5): appeals (诉求) and disputes (矛盾纠纷) from every channel,
 * classified, risk-scored, routed to mediation bodies of the orgs registry, tracked through the
 * workflow with SLAs, agreements, follow-ups, escalation, early warning and statistics.
 * Public API for other modules (e.g. the Open311 endpoint): createAppeal, getAppeal, listAppeals.
 */
import type { GongzhiModule, PlatformContext } from '../../platform/module.ts';
import { getAppeal, type AppealView } from './appealView.ts';
import { disputesCommands } from './cli.ts';
import { loadDisputesDemo } from './demo.ts';
import { registerAppeal, type Actor, type NewAppeal } from './intake.ts';
import { disputesRoutes } from './routes.ts';
import { disputesMigrations } from './schema.ts';

/**
 * Register an appeal from any channel and return its view (parties masked).
 * @throws AppError DISPUTES_APPEAL_INVALID (422) with field issues.
 * @example await createAppeal(ctx, { channel: 'open311', externalId: '101', title: '路灯不亮', text: '…', divisionCode: '430104', receivedAt: '2024-03-01T00:30:00' }, { username: 'open311:client-7', role: null })
 */
export async function createAppeal(ctx: PlatformContext, input: NewAppeal, actor: Actor): Promise<AppealView> {
  return getAppeal(ctx, await registerAppeal(ctx, input, actor));
}

/** Migration 202611300410_disputes_tables, routes /api/disputes/…, command `disputes`, demo appeals on first start (after the orgs demo). */
export const disputesModule: GongzhiModule = {
  name: 'disputes',
  migrations: disputesMigrations,
  routes: disputesRoutes,
  commands: disputesCommands,
  async seedDemo(ctx) {
    const r = await loadDisputesDemo(ctx);
    return r.inserted ? `诉求与矛盾纠纷演示数据 disputes demo: ${r.inserted} appeals loaded` : null;
  },
};

export { getAppeal, listAppeals, appealTimeline, slaVerdicts, type AppealView, type AppealSummary, type Viewer } from './appealView.ts';
export { registerAppeal, CHANNELS, CHANNEL_LABELS, APPEAL_KINDS, type NewAppeal, type Actor, type Channel, type AppealKind } from './intake.ts';
export { fireTransition, routeOrReassign, escalate, appealEscalationOptions, addSession, recordContact, recordAgreement, addFollowUp, correctCategory, listCorrections } from './caseWork.ts';
export { routeAppeal, ROUTING_RULES, type RoutingDecision, type OrgWithLoad } from './appealRouter.ts';
export { escalationOptions, ESCALATION_ROUTES, ESCALATION_DEFS, type EscalationRoute, type EscalationOption } from './escalation.ts';
export { categoryTree, disputeCategory, DISPUTE_BRANCH, CONSULTATION_CATEGORY, type CategoryNode } from './categories.ts';
export { DISPUTE_TYPES, suggestDisputeType, type DisputeType } from './disputeTypes.ts';
export { slaFor, type SlaPolicy } from './slaPolicy.ts';
export { appealWorkflow, APPEAL_STATES, APPEAL_TRANSITIONS, type AppealState, type AppealTransition } from './workflow.ts';
export { earlyWarning, type WarningCluster } from './earlyWarning.ts';
export { volumes, bodyStats, slaStats, legalStationStats, orgOutcomes, summary } from './stats.ts';
export { saveProject, listProjects, matchProject, type LandProject } from './projects.ts';
export { renderAgreement } from './agreementDocument.ts';
export { importAppeals, type AppealImportResult } from './importer.ts';
export { retrainFromCorrections, correctionMessages, retrainedModelPath } from './retrain.ts';
export { loadDisputesDemo } from './demo.ts';
export { DISPUTES_POLICIES, disputesAllowed, type DisputesAction } from './policies.ts';
export { DisputesErrors } from './errors.ts';
export type { AppealFilter } from './repository.ts';
