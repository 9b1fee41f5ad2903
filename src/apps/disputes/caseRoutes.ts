/**
 * HTTP routes of case work (mediator workbench, operator console): transitions, routing and
 * reassignment, escalation options and escalation, first contact, mediation sessions, the
 * agreement and its printable document, follow-up visits, category correction, attachments.
 * Each answers with the appeal view after the step (parties masked).
 */
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../../api/route.ts';
import { AppError } from '../../core/errors.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { appendAudit } from '../../security/audit.ts';
import { findOrg } from '../orgs/repository.ts';
import { requireDisputesAccess } from './access.ts';
import { renderAgreement } from './agreementDocument.ts';
import { getAppeal, requireAppeal } from './appealView.ts';
import { addAttachment, MAX_ATTACHMENT_BYTES, readAttachment } from './attachments.ts';
import { addFollowUp, addSession, appealEscalationOptions, correctCategory, escalate, fireTransition, recordAgreement, recordContact, routeOrReassign } from './caseWork.ts';
import { DisputesErrors as E } from './errors.ts';
import { ESCALATION_ROUTES } from './escalation.ts';
import { decryptParties } from './parties.ts';
import { disputesDb } from './schema.ts';
import { DIRECT_TRANSITIONS } from './workflow.ts';

const appealParams = z.object({ appealNo: z.string().min(1).max(40) });
const reason = z.string().max(1000).optional();

/** Register the case-work routes in the disputes scope. */
export async function registerCaseRoutes(app: FastifyInstance, ctx: PlatformContext): Promise<void> {
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } });
  const actorOf = (u: { username: string; role: string }) => ({ username: u.username, role: u.role });
  const handle = async (user: Parameters<typeof requireDisputesAccess>[1], appealNo: string) => actorOf(await requireDisputesAccess(ctx, user, 'disputes.handle', appealNo));
  const view = (appealNo: string, role: string | null) => getAppeal(ctx, appealNo, { role });

  route(app, {
    method: 'POST', url: '/api/disputes/appeals/:appealNo/transitions', tags: ['disputes'], summary: '办理操作 fire a transition (accept, decline, startMediation, fail, close, reopen)', auth: true, params: appealParams,
    body: z.object({ transition: z.enum(DIRECT_TRANSITIONS as [string, ...string[]]), reason, expectedVersion: z.number().int().optional() }),
    handler: async ({ params, body, user }) => {
      const actor = await handle(user, params.appealNo);
      await fireTransition(ctx, params.appealNo, body.transition as (typeof DIRECT_TRANSITIONS)[number], actor, { ...(body.reason ? { reason: body.reason } : {}), ...(body.expectedVersion !== undefined ? { expectedVersion: body.expectedVersion } : {}) });
      return view(params.appealNo, actor.role);
    },
  });
  route(app, {
    method: 'POST', url: '/api/disputes/appeals/:appealNo/route', tags: ['disputes'], summary: '分派或改派 route, or reassign to an org with a reason', auth: true, params: appealParams,
    body: z.object({ orgCode: z.string().max(40).optional(), reason, expectedVersion: z.number().int().optional() }),
    handler: async ({ params, body, user }) => {
      const actor = await handle(user, params.appealNo);
      await routeOrReassign(ctx, params.appealNo, actor, body);
      return view(params.appealNo, actor.role);
    },
  });
  route(app, {
    method: 'GET', url: '/api/disputes/appeals/:appealNo/escalation-options', tags: ['disputes'], summary: '可选的升级/转办途径 escalation routes with their bodies', auth: true, params: appealParams,
    handler: async ({ params, user }) => {
      await requireDisputesAccess(ctx, user, 'disputes.read', params.appealNo);
      return { options: await appealEscalationOptions(ctx, params.appealNo) };
    },
  });
  route(app, {
    method: 'POST', url: '/api/disputes/appeals/:appealNo/escalate', tags: ['disputes'], summary: '升级/转办 escalate along a route', auth: true, params: appealParams,
    body: z.object({ route: z.enum(ESCALATION_ROUTES), reason: z.string().max(1000) }),
    handler: async ({ params, body, user }) => {
      const actor = await handle(user, params.appealNo);
      await escalate(ctx, params.appealNo, body.route, body.reason, actor);
      return view(params.appealNo, actor.role);
    },
  });
  route(app, {
    method: 'POST', url: '/api/disputes/appeals/:appealNo/contact', tags: ['disputes'], summary: '首次联系 record first contact', auth: true, params: appealParams,
    body: z.object({ method: z.string().min(1).max(40), note: z.string().max(2000).nullish() }),
    handler: async ({ params, body, user }) => {
      const actor = await handle(user, params.appealNo);
      await recordContact(ctx, params.appealNo, body, actor);
      return view(params.appealNo, actor.role);
    },
  });
  route(app, {
    method: 'POST', url: '/api/disputes/appeals/:appealNo/sessions', tags: ['disputes'], summary: '调解会谈记录 mediation session', auth: true, status: 201, params: appealParams,
    body: z.object({ at: z.string().max(40).optional(), place: z.string().min(1).max(200), mediator: z.string().min(1).max(60), attendees: z.array(z.string().max(60)).max(100).default([]), notes: z.string().max(10_000).default('') }),
    handler: async ({ params, body, user }) => {
      const actor = await handle(user, params.appealNo);
      await addSession(ctx, params.appealNo, body, actor);
      return view(params.appealNo, actor.role);
    },
  });
  route(app, {
    method: 'POST', url: '/api/disputes/appeals/:appealNo/agreement', tags: ['disputes'], summary: '达成调解协议 record the mediation agreement', auth: true, status: 201, params: appealParams,
    body: z.object({ facts: z.string().min(1).max(10_000), terms: z.array(z.string().min(1).max(2000)).min(1).max(50), performance: z.string().min(1).max(2000), mediator: z.string().min(1).max(60), copies: z.number().int().min(2).max(20).optional() }),
    handler: async ({ params, body, user }) => {
      const actor = await handle(user, params.appealNo);
      await recordAgreement(ctx, params.appealNo, body, actor);
      return view(params.appealNo, actor.role);
    },
  });
  route(app, {
    method: 'GET', url: '/api/disputes/appeals/:appealNo/agreement.html', tags: ['disputes'], summary: '人民调解协议书（可打印，含当事人完整信息，记入审计） printable agreement', auth: true, params: appealParams,
    handler: async ({ params, user, reply }) => {
      const actor = await handle(user, params.appealNo);
      const a = await requireAppeal(ctx, params.appealNo);
      const db = disputesDb(ctx.database.db);
      const agreement = await db.selectFrom('disputes_agreements').selectAll().where('appeal_id', '=', a.id).executeTakeFirst();
      if (!agreement) throw new AppError(E.DISPUTES_AGREEMENT_MISSING, { appealNo: params.appealNo });
      const parties = decryptParties(ctx.secret, await db.selectFrom('disputes_parties').selectAll().where('appeal_id', '=', a.id).orderBy('seq').execute(), 'full');
      await appendAudit(ctx, { actor: actor.username, role: actor.role, action: 'disputes.agreement_print', recordKind: 'appeal', recordIds: [params.appealNo], outcome: 'allowed', detail: { agreementNo: agreement.agreement_no } });
      const org = agreement.org_code ? await findOrg(ctx.database, agreement.org_code) : null;
      const html = renderAgreement({ agreementNo: agreement.agreement_no, appealNo: a.appeal_no, orgName: org?.name ?? '人民调解委员会', parties, facts: agreement.facts, terms: JSON.parse(agreement.terms), performance: agreement.performance, copies: Number(agreement.copies), mediator: agreement.mediator, signedAt: agreement.signed_at });
      return reply.type('text/html; charset=utf-8').send(html);
    },
  });
  route(app, {
    method: 'POST', url: '/api/disputes/appeals/:appealNo/follow-ups', tags: ['disputes'], summary: '回访与满意度 follow-up visit and satisfaction', auth: true, status: 201, params: appealParams,
    body: z.object({ satisfaction: z.number().int().min(1).max(5), resolved: z.boolean(), method: z.string().min(1).max(40), note: z.string().max(2000).nullish() }),
    handler: async ({ params, body, user }) => {
      const actor = await handle(user, params.appealNo);
      await addFollowUp(ctx, params.appealNo, body, actor);
      return view(params.appealNo, actor.role);
    },
  });
  route(app, {
    method: 'POST', url: '/api/disputes/appeals/:appealNo/category', tags: ['disputes'], summary: '更正分类（保存用于重新训练） correct the category', auth: true, params: appealParams,
    body: z.object({ category: z.string().min(1).max(200), note: z.string().max(1000).nullish() }),
    handler: async ({ params, body, user }) => {
      const actor = await handle(user, params.appealNo);
      await correctCategory(ctx, params.appealNo, body.category, body.note ?? null, actor);
      return view(params.appealNo, actor.role);
    },
  });
  route(app, {
    method: 'POST', url: '/api/disputes/appeals/:appealNo/attachments', tags: ['disputes'], summary: '上传附件 upload an attachment (multipart, ≤ 10 MiB)', auth: true, status: 201, params: appealParams,
    handler: async ({ params, user, request }) => {
      const actor = await handle(user, params.appealNo);
      const file = await request.file();
      if (!file) throw new AppError(E.DISPUTES_ATTACHMENT_MISSING);
      const bytes = await file.toBuffer().catch((e: unknown) => {
        if (e instanceof Error && /too large|limit/i.test(e.message)) throw new AppError(E.DISPUTES_ATTACHMENT_TOO_LARGE, { max: MAX_ATTACHMENT_BYTES });
        throw e;
      });
      return addAttachment(ctx, params.appealNo, { name: file.filename, mime: file.mimetype, bytes }, actor.username);
    },
  });
  route(app, {
    method: 'GET', url: '/api/disputes/appeals/:appealNo/attachments/:id', tags: ['disputes'], summary: '下载附件 download an attachment', auth: true, params: appealParams.extend({ id: z.coerce.number().int().min(1) }),
    handler: async ({ params, user, reply }) => {
      const u = await requireDisputesAccess(ctx, user, 'disputes.handle', params.appealNo);
      const f = await readAttachment(ctx, params.appealNo, params.id);
      await appendAudit(ctx, { actor: u.username, role: u.role, action: 'disputes.attachment_read', recordKind: 'appeal', recordIds: [params.appealNo], outcome: 'allowed', detail: { attachment: params.id } });
      return reply.type(f.mime).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`).send(f.bytes);
    },
  });
}
