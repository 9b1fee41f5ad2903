/**
 * HTTP routes under /api/leads (README.md lists them): zod schema → case check in the service
 * (access.ts: role, membership, open case; refusals audited) → one service call → JSON. Every
 * route needs a session; the signed-in user is the actor.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { route } from '../../api/route.ts';
import type { PlatformContext } from '../../platform/module.ts';
import type { SessionUser } from '../../security/users.ts';
import { appendAudit } from '../../security/audit.ts';
import { auditCaseRead, requireCase, requireRole, LEADS_RECORD_KIND, type Actor } from './access.ts';
import { addMember, closeCase, listCaseViews, openCase, readCase } from './caseService.ts';
import { LeadsErrors } from './errors.ts';
import { exportLeads, listLeads, listTags, precisionByRule, readLead, reviewLead } from './leadReview.ts';
import { fitLeadModel, readLeadModel, scoreLeads } from './leadScorer.ts';
import { expandNetwork, exportNetwork, networkPath } from './networkService.ts';
import { evidenceParcels } from './personDetails.ts';
import { loadTagRules } from './tagCatalogue.ts';
import { explainRule } from './ruleExplainer.ts';
import { listRuleRuns, runTagRules } from './tagRunner.ts';

const caseParams = z.object({ caseNo: z.string().min(1).max(100) });
const leadParams = caseParams.extend({ leadId: z.coerce.number().int().positive() });
const seed = z.union([
  z.object({ idNumber: z.string().min(6).max(40) }).strict(),
  z.object({ personKey: z.string().regex(/^id:-?\d+$/) }).strict(),
  z.object({ nodeKey: z.string().regex(/^ph:-?\d+$/) }).strict(),
]).describe('起点：证件号码、人员键 (id:…) 或节点键 (ph:…)');
const filter = {
  kinds: z.array(z.enum(['parcel', 'shared_id', 'shared_address'])).optional().describe('关系类型，默认 parcel'),
  direction: z.enum(['out', 'in', 'any']).optional(),
  minWeight: z.number().min(0).optional(),
  from: z.string().max(40).optional().describe('时间窗起点 ISO 8601'),
  to: z.string().max(40).optional().describe('时间窗终点 ISO 8601'),
};
const expandBody = z.object({ seed, hops: z.number().int().min(1).max(8), maxNodes: z.number().int().min(1).max(200_000).optional(), ...filter });
const idList = z.string().regex(/^\d+(,\d+)*$/).transform((s) => s.split(',').map(Number));

const actorOf = (user: SessionUser | null): Actor => {
  if (!user) throw new AppError('UNAUTHENTICATED');
  return { username: user.username, role: user.role };
};

/** Register the leads routes. */
export function leadsRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  const tags = ['leads'];
  // A request about a case without a session is refused by route() (401); it is audited here
  // first, in this module's scope, so no attempt on a case goes unrecorded.
  app.addHook('onRequest', async (request) => {
    const caseNo = (request.params as { caseNo?: unknown } | undefined)?.caseNo;
    if (request.user || typeof caseNo !== 'string') return;
    await appendAudit(ctx, {
      actor: 'anonymous', role: null, action: 'leads.request', legalBasis: caseNo, recordKind: LEADS_RECORD_KIND, recordIds: [caseNo], outcome: 'refused',
      detail: { reason: 'UNAUTHENTICATED', method: request.method, url: request.routeOptions.url ?? request.url, ip: request.ip },
    });
  });
  route(app, { method: 'GET', url: '/api/leads/cases', tags, auth: true, summary: '我的案件 cases I am a member of',
    handler: async ({ user }) => ({ cases: await listCaseViews(ctx, actorOf(user)) }) });
  route(app, { method: 'POST', url: '/api/leads/cases', tags, auth: true, status: 201, summary: '立案 open a case',
    body: z.object({ caseNo: z.string().min(1).max(100), legalBasis: z.string().max(500), purpose: z.string().max(500), owner: z.string().max(64), members: z.array(z.string().max(64)).max(50).optional() }),
    handler: async ({ user, body }) => openCase(ctx, actorOf(user), body) });
  route(app, { method: 'GET', url: '/api/leads/cases/:caseNo', tags, auth: true, params: caseParams, summary: '案件 a case',
    handler: async ({ user, params }) => readCase(ctx, actorOf(user), params.caseNo) });
  route(app, { method: 'POST', url: '/api/leads/cases/:caseNo/members', tags, auth: true, params: caseParams, body: z.object({ username: z.string().max(64) }), summary: '添加成员 add a member',
    handler: async ({ user, params, body }) => addMember(ctx, actorOf(user), params.caseNo, body.username) });
  route(app, { method: 'POST', url: '/api/leads/cases/:caseNo/close', tags, auth: true, params: caseParams, body: z.object({ reason: z.string().max(500) }), summary: '结案 close a case',
    handler: async ({ user, params, body }) => closeCase(ctx, actorOf(user), params.caseNo, body.reason) });
  route(app, { method: 'GET', url: '/api/leads/rules', tags, auth: true, summary: '标签规则 the tag rules with their text',
    handler: async ({ user }) => {
      await requireRole(ctx, actorOf(user), 'leads.rules.read');
      return { rules: loadTagRules().map((r) => ({ id: r.def.id, version: r.def.version, name: r.def.name, description: r.def.description, weight: r.def.weight, expiry: r.def.expiry, enabled: r.def.enabled, when: r.def.whenText, file: r.file, text: r.text })) };
    } });
  route(app, { method: 'POST', url: '/api/leads/cases/:caseNo/rules/run', tags, auth: true, params: caseParams, summary: '运行标签规则（可试运行）run the tag rules (or a dry run)',
    body: z.object({ dryRun: z.boolean().optional(), ruleIds: z.array(z.string().max(100)).max(100).optional() }),
    handler: async ({ user, params, body }) => runTagRules(ctx, actorOf(user), params.caseNo, body) });
  route(app, { method: 'GET', url: '/api/leads/cases/:caseNo/rules/runs', tags, auth: true, params: caseParams, summary: '规则运行记录 rule runs of a case',
    query: z.object({ limit: z.coerce.number().int().min(1).max(500).optional() }),
    handler: async ({ user, params, query }) => ({ runs: await listRuleRuns(ctx, actorOf(user), params.caseNo, query.limit) }) });
  route(app, { method: 'GET', url: '/api/leads/cases/:caseNo/explain', tags, auth: true, params: caseParams, summary: '规则为何成立或不成立 why a rule did or did not fire for a person',
    query: z.object({ personKey: z.string().regex(/^id:-?\d+$/), ruleId: z.string().max(100) }),
    handler: async ({ user, params, query }) => explainRule(ctx, actorOf(user), params.caseNo, query.personKey, query.ruleId) });
  route(app, { method: 'GET', url: '/api/leads/cases/:caseNo/tags', tags, auth: true, params: caseParams, summary: '标签及证据 tags with evidence',
    query: z.object({ personKey: z.string().max(40).optional(), includeExpired: z.enum(['true', 'false']).optional() }),
    handler: async ({ user, params, query }) => ({ tags: await listTags(ctx, actorOf(user), params.caseNo, { ...(query.personKey ? { personKey: query.personKey } : {}), includeExpired: query.includeExpired === 'true' }) }) });
  route(app, { method: 'POST', url: '/api/leads/cases/:caseNo/leads/score', tags, auth: true, params: caseParams, body: z.object({ model: z.enum(['declared', 'fitted']).optional() }), summary: '线索评分 score leads',
    handler: async ({ user, params, body }) => scoreLeads(ctx, actorOf(user), params.caseNo, body) });
  route(app, { method: 'GET', url: '/api/leads/cases/:caseNo/leads', tags, auth: true, params: caseParams, summary: '待审线索队列 the ranked review queue',
    query: z.object({ status: z.enum(['pending', 'confirmed', 'dismissed']).optional(), limit: z.coerce.number().int().min(1).max(500).optional(), offset: z.coerce.number().int().min(0).optional() }),
    handler: async ({ user, params, query }) => listLeads(ctx, actorOf(user), params.caseNo, query) });
  route(app, { method: 'GET', url: '/api/leads/cases/:caseNo/leads/export.csv', tags, auth: true, params: caseParams, query: z.object({ ids: idList }), summary: '导出已审线索 export reviewed leads (CSV)',
    handler: async ({ user, params, query, reply }) => {
      const csv = await exportLeads(ctx, actorOf(user), params.caseNo, query.ids);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="leads-${encodeURIComponent(params.caseNo)}.csv"`).send(csv);
    } });
  route(app, { method: 'GET', url: '/api/leads/cases/:caseNo/leads/:leadId', tags, auth: true, params: leadParams, summary: '线索详情 a lead with tags, evidence and rule text',
    handler: async ({ user, params }) => readLead(ctx, actorOf(user), params.caseNo, params.leadId) });
  route(app, { method: 'POST', url: '/api/leads/cases/:caseNo/leads/:leadId/review', tags, auth: true, params: leadParams, summary: '审核线索 confirm or dismiss with a reason',
    body: z.object({ decision: z.enum(['confirm', 'dismiss']), reason: z.string().max(1000) }),
    handler: async ({ user, params, body }) => reviewLead(ctx, actorOf(user), params.caseNo, params.leadId, body.decision, body.reason) });
  route(app, { method: 'GET', url: '/api/leads/cases/:caseNo/precision', tags, auth: true, params: caseParams, summary: '各规则的审核准确率 precision of reviewed leads per rule',
    handler: async ({ user, params }) => ({ rules: await precisionByRule(ctx, actorOf(user), params.caseNo) }) });
  route(app, { method: 'POST', url: '/api/leads/cases/:caseNo/model/fit', tags, auth: true, params: caseParams, summary: '按审核结论拟合评分模型 fit the scoring model',
    body: z.object({ l2: z.number().min(0).max(1000).optional(), iterations: z.number().int().min(1).max(100_000).optional() }),
    handler: async ({ user, params, body }) => fitLeadModel(ctx, actorOf(user), params.caseNo, body) });
  route(app, { method: 'GET', url: '/api/leads/cases/:caseNo/model', tags, auth: true, params: caseParams, summary: '评分模型 the fitted model',
    handler: async ({ user, params }) => readLeadModel(ctx, actorOf(user), params.caseNo) });
  route(app, { method: 'POST', url: '/api/leads/cases/:caseNo/graph/expand', tags, auth: true, params: caseParams, body: expandBody, summary: '关系网络扩展 k-hop expansion from a seed',
    handler: async ({ user, params, body }) => expandNetwork(ctx, actorOf(user), params.caseNo, body) });
  route(app, { method: 'POST', url: '/api/leads/cases/:caseNo/graph/path', tags, auth: true, params: caseParams, summary: '最短路径 shortest path between two persons',
    body: z.object({ source: seed, target: seed, maxHops: z.number().int().min(1).max(12).optional(), ...filter }),
    handler: async ({ user, params, body }) => networkPath(ctx, actorOf(user), params.caseNo, body) });
  route(app, { method: 'POST', url: '/api/leads/cases/:caseNo/graph/export', tags, auth: true, params: caseParams, summary: '导出关系网络 export the network (GEXF, GraphML, CSV)',
    body: expandBody.extend({ format: z.enum(['gexf', 'graphml', 'csv']) }),
    handler: async ({ user, params, body, reply }) => {
      const r = await exportNetwork(ctx, actorOf(user), params.caseNo, body);
      const type = r.format === 'csv' ? 'text/csv' : r.format === 'gexf' ? 'application/gexf+xml' : 'application/graphml+xml';
      return reply.type(`${type}; charset=utf-8`).header('content-disposition', `attachment; filename="network-${encodeURIComponent(params.caseNo)}.${r.format}"`).send(r.content);
    } });
  route(app, { method: 'GET', url: '/api/leads/cases/:caseNo/parcels', tags, auth: true, params: caseParams, query: z.object({ ids: idList }), summary: '证据快递（脱敏）evidence parcels, masked',
    handler: async ({ user, params, query }) => {
      if (query.ids.length > 200) throw new AppError(LeadsErrors.LEADS_TOO_MANY_IDS, { max: 200 });
      const access = await requireCase(ctx, actorOf(user), 'leads.lead.read', params.caseNo);
      const parcels = await evidenceParcels(ctx, query.ids);
      await auditCaseRead(ctx, access, parcels.map((p) => p.id), { query: 'parcels' });
      return { parcels };
    } });
}
