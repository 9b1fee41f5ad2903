/**
 * The reunion application (寻子 / 寻亲, issue 4) as a platform module: tables, routes, the
 * `gongzhi reunion …` commands and the demo posts on first start. The HTTP API is listed in
 * README.md. Public API for other modules and tests: the services below.
 */
import type { GongzhiModule } from '../../platform/module.ts';
import { reunionCommands } from './cli.ts';
import { loadReunionDemo } from './demoLoader.ts';
import { reunionRoutes } from './routes.ts';
import { reunionMigrations } from './schema.ts';

/** Migration 202611300400_reunion_tables, routes /api/reunion/…, command `reunion`, demo posts on first start. */
export const reunionModule: GongzhiModule = {
  name: 'reunion',
  migrations: reunionMigrations,
  routes: reunionRoutes,
  commands: reunionCommands,
  async seedDemo(ctx) {
    const r = await loadReunionDemo(ctx);
    return r.families + r.children ? `寻亲演示帖子 reunion demo posts: ${r.families} family + ${r.children} child posts loaded` : null;
  },
};

export { ReunionErrors } from './errors.ts';
export * from './model.ts';
export { requireReunionAccess, type ReunionActor } from './access.ts';
export { REUNION_POLICIES, REUNION_ROLE_OF, reunionRole, type ReunionAction, type ReunionRole } from './policies.ts';
export { postInputSchema, parsePostDate, normalizePost, type PostInput } from './postInput.ts';
export { buildPost, createPost, listPosts, loadPost, readContacts, readPost, setConsent, transitionPost, postTimeline, type PostView } from './postService.ts';
export { postWorkflow, POST_TRANSITIONS, type PostTransition } from './workflow.ts';
export { addPhoto, stripImageMetadata, type StrippedImage } from './photos.ts';
export { computeCandidates, listCandidates, rankCandidates, type CandidateView } from './candidateRanker.ts';
export { applyCandidateTransition, notifyFamily, CANDIDATE_TRANSITIONS, type CandidateTransition } from './verification.ts';
export { listTips, moderateTip, publicTips, submitTip, type TipView } from './tips.ts';
export { addSubscriber, alertRadiusKm, listAlerts, listSubscribers, sendAlert, type AlertView } from './alerts/alertSender.ts';
export { alertChannel, registerAlertChannel, logChannel, alertLogPath, type AlertChannel } from './alerts/channels.ts';
export { divisionPoint } from './alerts/centroids.ts';
export { publicPostById, searchPublic, type PublicQuery } from './publicSearch.ts';
export { mayBeMinor, publicFields, publicPost, type PublicPost } from './publicView.ts';
export { exportPfifPosts, importPfifPosts, pfifPostId } from './pfifBridge.ts';
export { loadReunionDemo } from './demoLoader.ts';
