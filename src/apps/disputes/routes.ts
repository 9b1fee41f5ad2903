/**
 * HTTP routes of the disputes application, part 1 (thin: zod → policy → one service call):
 * categories, channels, intake (public web form, its progress check, operator intake), list, one appeal
 * (parties masked unless a purpose is stated; audited), timeline, corrections, early warning,
 * land-requisition projects and statistics. Case-work routes are in caseRoutes.ts.
 * The list with methods and paths is at the top of README.md.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../../api/route.ts';
import { AppError } from '../../core/errors.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { disclosureForRead, requireDisputesAccess } from './access.ts';
import { appealTimeline, getAppeal, listAppeals, publicProgress } from './appealView.ts';
import { registerCaseRoutes } from './caseRoutes.ts';
import { listCorrections } from './caseWork.ts';
import { categoryTree } from './categories.ts';
import { earlyWarning } from './earlyWarning.ts';
import { DisputesErrors } from './errors.ts';
import { APPEAL_KINDS, CHANNELS, CHANNEL_LABELS, registerAppeal } from './intake.ts';
import { PARTY_SIDES } from './parties.ts';
import { COMPENSATION_STATUSES, listProjects, saveProject } from './projects.ts';
import { bodyStats, legalStationStats, orgOutcomes, slaStats, summary, volumes } from './stats.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const range = z.object({ from: day.optional(), to: day.optional() });
const partySchema = z.object({ side: z.enum(PARTY_SIDES), kind: z.enum(['person', 'organisation']).default('person'), name: z.string().min(1).max(100), phone: z.string().max(30).nullish(), address: z.string().max(200).nullish() });
/** Body of operator intake (NewAppeal). */
export const newAppealSchema = z.object({
  kind: z.enum(APPEAL_KINDS).default('appeal'), channel: z.enum(CHANNELS), externalId: z.string().max(100).nullish(),
  title: z.string().max(200).default(''), text: z.string().min(1).max(20_000), divisionCode: z.string().max(6), place: z.string().max(200).nullish(),
  receivedAt: z.string().max(40).optional(), timezone: z.string().max(60).optional(), category: z.string().max(200).nullish(),
  parties: z.array(partySchema).max(200).default([]), projectCode: z.string().max(60).nullish(), submitterKey: z.string().max(200).nullish(), route: z.boolean().default(true),
});
const publicSchema = z.object({ title: z.string().max(200).default(''), text: z.string().min(5).max(5_000), divisionCode: z.string().max(6), place: z.string().max(200).nullish(), name: z.string().min(1).max(50), phone: z.string().min(5).max(30), kind: z.enum(['appeal', 'dispute', 'consultation']).default('appeal') });
const appealParams = z.object({ appealNo: z.string().min(1).max(40) });
const listQuery = range.extend({
  state: z.string().max(20).optional(), category: z.string().max(200).optional(), divisionCode: z.string().regex(/^\d{6}$/).optional(), orgCode: z.string().max(40).optional(),
  channel: z.string().max(20).optional(), kind: z.string().max(20).optional(), projectCode: z.string().max(60).optional(), q: z.string().max(100).optional(),
  overdue: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(500).default(50), offset: z.coerce.number().int().min(0).default(0),
});
const projectSchema = z.object({ code: z.string().min(1).max(60), name: z.string().min(1).max(200), divisionCode: z.string().max(6), households: z.number().int(), compensatedHouseholds: z.number().int(), compensationStatus: z.enum(COMPENSATION_STATUSES), startedOn: day.nullish(), aliases: z.array(z.string().max(100)).max(50).default([]) });

/** Register every disputes route (called through disputesModule.routes). */
export async function disputesRoutes(app: FastifyInstance, ctx: PlatformContext): Promise<void> {
  const actorOf = (u: { username: string; role: string }) => ({ username: u.username, role: u.role });
  route(app, {
    method: 'GET', url: '/api/disputes/categories', tags: ['disputes'], summary: '诉求分类树 category tree with SLAs', auth: true,
    handler: async ({ user }) => {
      await requireDisputesAccess(ctx, user, 'disputes.read');
      const tree = categoryTree(ctx.config.sharedDataDir);
      return { roots: tree.roots, categories: [...tree.nodes.values()] };
    },
  });
  route(app, { method: 'GET', url: '/api/disputes/channels', tags: ['disputes'], summary: '受理渠道 intake channels', handler: async () => ({ channels: CHANNEL_LABELS }) });
  route(app, {
    method: 'POST', url: '/api/disputes/public/appeals', tags: ['disputes'], summary: '群众网上提交诉求 resident web form (no sign-in, rate-limited)', status: 201, body: publicSchema, rateLimit: { max: 10, timeWindow: '1 minute' },
    handler: async ({ body }) => {
      const appealNo = await registerAppeal(ctx, { kind: body.kind, channel: 'web', title: body.title, text: body.text, divisionCode: body.divisionCode, place: body.place ?? null, parties: [{ side: 'applicant', kind: 'person', name: body.name, phone: body.phone }] }, { username: 'resident', role: null });
      const a = await getAppeal(ctx, appealNo);
      return { appealNo, receivedAt: a.receivedAt, state: a.state };
    },
  });
  route(app, {
    method: 'GET', url: '/api/disputes/public/appeals/:appealNo', tags: ['disputes'], summary: '群众查询办理进度（凭提交时的手机号） progress of one’s own appeal, by the phone given at submission', params: appealParams,
    query: z.object({ phone: z.string().min(5).max(30) }), rateLimit: { max: 20, timeWindow: '1 minute' },
    handler: async ({ params, query }) => publicProgress(ctx, params.appealNo, query.phone),
  });
  route(app, {
    method: 'POST', url: '/api/disputes/appeals', tags: ['disputes'], summary: '登记诉求或纠纷 register an appeal or dispute', auth: true, status: 201, body: newAppealSchema,
    handler: async ({ body, user }) => {
      const u = await requireDisputesAccess(ctx, user, 'disputes.intake');
      return getAppeal(ctx, await registerAppeal(ctx, body, actorOf(u)), { role: u.role });
    },
  });
  route(app, {
    method: 'GET', url: '/api/disputes/appeals', tags: ['disputes'], summary: '诉求列表 appeals (no personal data)', auth: true, query: listQuery,
    handler: async ({ query, user }) => {
      await requireDisputesAccess(ctx, user, 'disputes.read');
      return listAppeals(ctx, query);
    },
  });
  route(app, {
    method: 'GET', url: '/api/disputes/appeals/:appealNo', tags: ['disputes'], summary: '诉求详情（当事人默认脱敏；说明用途可查看完整信息并记入审计） one appeal', auth: true, params: appealParams,
    query: z.object({ purpose: z.string().max(500).optional(), legalBasis: z.string().max(200).optional() }),
    handler: async ({ params, query, user }) => {
      const u = await requireDisputesAccess(ctx, user, 'disputes.read', params.appealNo);
      await getAppeal(ctx, params.appealNo);
      const disclosure = await disclosureForRead(ctx, u, params.appealNo, query.purpose, query.legalBasis);
      return getAppeal(ctx, params.appealNo, { role: u.role, disclosure });
    },
  });
  route(app, {
    method: 'GET', url: '/api/disputes/appeals/:appealNo/timeline', tags: ['disputes'], summary: '办理过程 timeline of transitions', auth: true, params: appealParams,
    handler: async ({ params, user }) => {
      await requireDisputesAccess(ctx, user, 'disputes.read', params.appealNo);
      return { appealNo: params.appealNo, timeline: await appealTimeline(ctx, params.appealNo) };
    },
  });
  route(app, {
    method: 'GET', url: '/api/disputes/corrections', tags: ['disputes'], summary: '分类更正（用于重新训练） category corrections for retraining', auth: true,
    handler: async ({ user }) => {
      await requireDisputesAccess(ctx, user, 'disputes.handle');
      return { corrections: await listCorrections(ctx) };
    },
  });
  route(app, {
    method: 'GET', url: '/api/disputes/early-warning', tags: ['disputes'], summary: '预警：相似诉求聚类与增长告警 early warning clusters and alerts', auth: true,
    query: z.object({ days: z.coerce.number().int().min(1).max(365).default(30), windowDays: z.coerce.number().int().min(1).max(90).default(7), minCount: z.coerce.number().int().min(2).max(10_000).default(5), growthFactor: z.coerce.number().min(1).max(100).default(2), limit: z.coerce.number().int().min(1).max(200).default(20) }),
    handler: async ({ query, user }) => {
      await requireDisputesAccess(ctx, user, 'disputes.read');
      return earlyWarning(ctx, query);
    },
  });
  route(app, {
    method: 'GET', url: '/api/disputes/projects', tags: ['disputes'], summary: '征地拆迁项目 land-requisition projects', auth: true,
    handler: async ({ user }) => {
      await requireDisputesAccess(ctx, user, 'disputes.read');
      return { projects: await listProjects(ctx) };
    },
  });
  route(app, {
    method: 'GET', url: '/api/disputes/projects/:code', tags: ['disputes'], summary: '项目详情与关联诉求 one project with its appeals', auth: true, params: z.object({ code: z.string().min(1).max(60) }),
    handler: async ({ params, user }) => {
      await requireDisputesAccess(ctx, user, 'disputes.read');
      const project = (await listProjects(ctx)).find((p) => p.code === params.code);
      if (!project) throw new AppError(DisputesErrors.DISPUTES_PROJECT_NOT_FOUND, { code: params.code });
      return { project, appeals: (await listAppeals(ctx, { projectCode: params.code, limit: 500 })).appeals };
    },
  });
  route(app, {
    method: 'POST', url: '/api/disputes/projects', tags: ['disputes'], summary: '登记征地拆迁项目 create or replace a project', auth: true, body: projectSchema,
    handler: async ({ body, user }) => {
      await requireDisputesAccess(ctx, user, 'disputes.projects');
      return { project: await saveProject(ctx, body) };
    },
  });
  route(app, {
    method: 'GET', url: '/api/disputes/stats/summary', tags: ['disputes'], summary: '首页卡片：今日受理、在办、高风险、超时 dashboard card figures', auth: true,
    handler: async ({ user }) => {
      await requireDisputesAccess(ctx, user, 'disputes.stats');
      return summary(ctx);
    },
  });
  route(app, {
    method: 'GET', url: '/api/disputes/stats/volumes', tags: ['disputes'], summary: '诉求量 volumes by category, division, channel or day', auth: true, query: range.extend({ by: z.enum(['category', 'division', 'channel', 'day']).default('category') }),
    handler: async ({ query, user }) => {
      await requireDisputesAccess(ctx, user, 'disputes.stats');
      return { by: query.by, rows: await volumes(ctx, query.by, query) };
    },
  });
  route(app, {
    method: 'GET', url: '/api/disputes/stats/bodies', tags: ['disputes'], summary: '各调解组织成功率与办结天数 success rate and days to resolve per body', auth: true, query: range,
    handler: async ({ query, user }) => {
      await requireDisputesAccess(ctx, user, 'disputes.stats');
      return { bodies: await bodyStats(ctx, query) };
    },
  });
  route(app, {
    method: 'GET', url: '/api/disputes/stats/sla', tags: ['disputes'], summary: '时限执行情况 SLA verdicts per category and milestone', auth: true, query: range,
    handler: async ({ query, user }) => {
      await requireDisputesAccess(ctx, user, 'disputes.stats');
      return { categories: await slaStats(ctx, query) };
    },
  });
  route(app, {
    method: 'GET', url: '/api/disputes/stats/legal-stations', tags: ['disputes'], summary: '法律服务站工作量 legal service station figures', auth: true, query: range,
    handler: async ({ query, user }) => {
      await requireDisputesAccess(ctx, user, 'disputes.stats');
      return { stations: await legalStationStats(ctx, query) };
    },
  });
  route(app, {
    method: 'GET', url: '/api/disputes/stats/orgs/:code/outcomes', tags: ['disputes'], summary: '机构历月办理结果 one body’s outcomes per month', auth: true, params: z.object({ code: z.string().min(1).max(40) }), query: range,
    handler: async ({ params, query, user }) => {
      await requireDisputesAccess(ctx, user, 'disputes.stats');
      return orgOutcomes(ctx, params.code, query);
    },
  });
  await registerCaseRoutes(app, ctx);
}
