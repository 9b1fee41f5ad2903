/**
 * Staff routes for tips moderation, alert subscribers, alerts and PFIF exchange (README
 * "Staff"). Thin: zod schema → reunion policy (access.ts) → one service call.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../../../api/route.ts';
import { AppError } from '../../../core/errors.ts';
import type { PlatformContext } from '../../../platform/module.ts';
import { requireReunionAccess } from '../access.ts';
import { ReunionErrors } from '../errors.ts';
import { addSubscriber, listAlerts, listSubscribers, sendAlert } from '../alerts/alertSender.ts';
import { POST_KINDS } from '../model.ts';
import { exportPfifPosts, importPfifPosts } from '../pfifBridge.ts';
import { listTips, moderateTip } from '../tips.ts';

/** Register tips, alerts and PFIF routes; PFIF XML bodies are read as text in this scope only. */
export function reunionOperationRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'string', bodyLimit: 64 * 1024 * 1024 }, (_request, body, done) => done(null, body));

  route(app, {
    method: 'GET', url: '/api/reunion/tips', tags: ['reunion'], summary: '线索审核队列 tips to moderate', auth: true,
    query: z.object({ status: z.enum(['pending', 'approved', 'rejected']).default('pending'), postId: z.string().max(64).optional() }),
    handler: async ({ query, user }) => ({ tips: await listTips(ctx, query.status, await requireReunionAccess(ctx, user, 'reunion.tip.moderate', []), query.postId) }),
  });

  route(app, {
    method: 'POST', url: '/api/reunion/tips/:tipId/moderation', tags: ['reunion'], summary: '审核线索 approve or reject a tip', auth: true,
    params: z.object({ tipId: z.coerce.number().int().min(1) }), body: z.object({ decision: z.enum(['approve', 'reject']), reason: z.string().max(1000) }),
    handler: async ({ params, body, user }) => moderateTip(ctx, params.tipId, body.decision, body.reason, await requireReunionAccess(ctx, user, 'reunion.tip.moderate', [String(params.tipId)])),
  });

  route(app, {
    method: 'POST', url: '/api/reunion/subscribers', tags: ['reunion'], summary: '新增预警接收人 add an alert subscriber', auth: true, status: 201,
    body: z.object({ name: z.string().min(1).max(60), channel: z.string().min(1).max(40), address: z.string().min(1).max(200), divisionCode: z.string().regex(/^\d{6}$/), lat: z.number().min(-90).max(90).optional(), lon: z.number().min(-180).max(180).optional() }),
    handler: async ({ body, user }) => {
      await requireReunionAccess(ctx, user, 'reunion.alert.send', []);
      return addSubscriber(ctx, body);
    },
  });

  route(app, {
    method: 'GET', url: '/api/reunion/subscribers', tags: ['reunion'], summary: '预警接收人 subscribers (addresses masked)', auth: true,
    handler: async ({ user }) => {
      await requireReunionAccess(ctx, user, 'reunion.alert.send', []);
      return { subscribers: await listSubscribers(ctx) };
    },
  });

  route(app, {
    method: 'POST', url: '/api/reunion/posts/:id/alerts', tags: ['reunion'], summary: '推送走失预警（半径随时间扩大） send an alert, radius growing with time', auth: true, status: 201,
    params: z.object({ id: z.string().min(1).max(64) }),
    handler: async ({ params, user }) => sendAlert(ctx, params.id, await requireReunionAccess(ctx, user, 'reunion.alert.send', [params.id])),
  });

  route(app, {
    method: 'GET', url: '/api/reunion/alerts', tags: ['reunion'], summary: '预警记录 the alert log', auth: true, query: z.object({ postId: z.string().max(64).optional() }),
    handler: async ({ query, user }) => {
      await requireReunionAccess(ctx, user, 'reunion.alert.send', []);
      return { alerts: await listAlerts(ctx, query.postId) };
    },
  });

  route(app, {
    method: 'POST', url: '/api/reunion/pfif/import', tags: ['reunion'], summary: 'PFIF 1.1–1.4 导入 import PFIF XML into posts', auth: true,
    query: z.object({ kind: z.enum(POST_KINDS).default('familySearch') }), body: z.string().min(1),
    handler: async ({ query, body, user }) => {
      const r = await importPfifPosts(ctx, body, { kind: query.kind, actor: await requireReunionAccess(ctx, user, 'reunion.pfif.exchange', []) });
      if (r.stats.error) throw new AppError(ReunionErrors.REUNION_PFIF_UNREADABLE, { reason: r.stats.error.messageEn }, [r.stats.error]);
      return r;
    },
  });

  route(app, {
    method: 'GET', url: '/api/reunion/pfif/export', tags: ['reunion'], summary: 'PFIF 1.4 导出 export posts as PFIF 1.4 XML', auth: true,
    query: z.object({ kind: z.enum(POST_KINDS).optional() }),
    handler: async ({ query, user, reply }) => {
      const out = await exportPfifPosts(ctx, { kind: query.kind, actor: await requireReunionAccess(ctx, user, 'reunion.pfif.exchange', []) });
      reply.header('x-pfif-persons', String(out.persons)).header('x-pfif-skipped', String(out.skipped)).type('application/xml; charset=utf-8').send(out.xml);
      return reply;
    },
  });
}
