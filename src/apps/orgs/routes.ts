/**
 * HTTP routes of the registry (thin: zod → policy → one service call):
 * - GET  /api/orgs/kinds     kinds, domains, service categories, member roles with labels
 * - GET  /api/orgs           orgs filtered by kind, served division, category, name
 * - GET  /api/orgs/:code     one org with members (phones masked)
 * - POST /api/orgs           create or replace an org (422 ORGS_INVALID with issues)
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../../api/route.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { requireOrgsAccess } from './access.ts';
import { getOrg, listOrgs, presentOrg, saveOrg } from './service.ts';
import { MEMBER_ROLES, ORG_KIND_LABELS, PROFESSIONAL_DOMAINS, SERVICE_CATEGORY_LABELS } from './types.ts';

const memberSchema = z.object({ name: z.string().min(1).max(40), role: z.enum(MEMBER_ROLES), qualifications: z.array(z.string().max(60)).max(20).default([]), phone: z.string().max(20).nullish() });
const orgSchema = z.object({
  code: z.string().min(1).max(40), name: z.string().min(1).max(120), kind: z.string().max(40), domain: z.string().max(40).nullish(),
  uscc: z.string().max(20).nullish(), divisionCode: z.string().max(6), divisionsServed: z.array(z.string().max(6)).max(500).default([]),
  categories: z.array(z.string().max(40)).min(1).max(20), capacity: z.number().int(), phone: z.string().max(30).nullish(),
  address: z.string().max(200).nullish(), active: z.boolean().optional(), members: z.array(memberSchema).max(500).default([]),
});

/** Register the registry routes (called through orgsModule.routes). */
export function orgsRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  route(app, {
    method: 'GET', url: '/api/orgs/kinds', tags: ['orgs'], summary: '机构类型与服务类别 org kinds and service categories', auth: true,
    handler: async ({ user }) => {
      await requireOrgsAccess(ctx, user, 'orgs.read', null);
      return { kinds: ORG_KIND_LABELS, domains: PROFESSIONAL_DOMAINS, categories: SERVICE_CATEGORY_LABELS, memberRoles: MEMBER_ROLES };
    },
  });
  route(app, {
    method: 'GET', url: '/api/orgs', tags: ['orgs'], summary: '调解组织名录 registry of mediation bodies', auth: true,
    query: z.object({ kind: z.string().max(40).optional(), divisionCode: z.string().regex(/^\d{6}$/).optional(), category: z.string().max(40).optional(), q: z.string().max(60).optional() }),
    handler: async ({ query, user }) => {
      await requireOrgsAccess(ctx, user, 'orgs.read', null);
      return { orgs: await listOrgs(ctx, query) };
    },
  });
  route(app, {
    method: 'GET', url: '/api/orgs/:code', tags: ['orgs'], summary: '机构详情 one org with its mediators and volunteers', auth: true, params: z.object({ code: z.string().min(1).max(40) }),
    handler: async ({ params, user }) => {
      await requireOrgsAccess(ctx, user, 'orgs.read', params.code);
      return getOrg(ctx, params.code);
    },
  });
  route(app, {
    method: 'POST', url: '/api/orgs', tags: ['orgs'], summary: '登记或更新机构 create or replace an org', auth: true, body: orgSchema,
    handler: async ({ body, user, reply }) => {
      await requireOrgsAccess(ctx, user, 'orgs.write', body.code);
      const r = await saveOrg(ctx, body);
      return reply.code(r.created ? 201 : 200).send({ org: presentOrg(r.org), created: r.created, warnings: r.warnings });
    },
  });
}
