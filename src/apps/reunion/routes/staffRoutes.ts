/**
 * Staff routes of reunion (README "Staff"): posts, consent, contacts, photos, candidates and
 * their review, close/reopen, timeline. Thin: zod schema → reunion policy (access.ts) → one
 * service call.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../../../api/route.ts';
import { AppError } from '../../../core/errors.ts';
import type { PlatformContext } from '../../../platform/module.ts';
import { requireReunionAccess } from '../access.ts';
import { computeCandidates, listCandidates } from '../candidateRanker.ts';
import { ReunionErrors as E } from '../errors.ts';
import { DNA_STATUSES, POST_KINDS, POST_STATES } from '../model.ts';
import { addPhoto } from '../photos.ts';
import { consentSchema, postInputSchema, type PostInput } from '../postInput.ts';
import { createPost, listPosts, postTimeline, readContacts, readPost, setConsent, setDnaStatus, transitionPost } from '../postService.ts';
import { applyCandidateTransition, CANDIDATE_TRANSITIONS, notifyFamily, type CandidateTransition } from '../verification.ts';

const idParams = z.object({ id: z.string().min(1).max(64) });
const candidateParams = z.object({ candidateId: z.coerce.number().int().min(1) });

/** Register the staff post and verification routes. */
export function reunionStaffRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  route(app, {
    method: 'POST', url: '/api/reunion/posts', tags: ['reunion'], summary: '登记帖子 create a post', auth: true, status: 201, body: postInputSchema,
    handler: async ({ body, user }) => createPost(ctx, body as PostInput, await requireReunionAccess(ctx, user, 'reunion.post.write', [])),
  });

  route(app, {
    method: 'GET', url: '/api/reunion/posts', tags: ['reunion'], summary: '帖子列表 list posts', auth: true,
    query: z.object({ kind: z.enum(POST_KINDS).optional(), status: z.enum(POST_STATES).optional(), limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) }),
    handler: async ({ query, user }) => {
      await requireReunionAccess(ctx, user, 'reunion.post.read', []);
      return listPosts(ctx, query);
    },
  });

  route(app, {
    method: 'GET', url: '/api/reunion/posts/:id', tags: ['reunion'], summary: '帖子详情（联系方式脱敏，记入审计） a post, contacts masked (audited)', auth: true, params: idParams,
    handler: async ({ params, user }) => readPost(ctx, params.id, await requireReunionAccess(ctx, user, 'reunion.post.read', [params.id])),
  });

  route(app, {
    method: 'PUT', url: '/api/reunion/posts/:id/consent', tags: ['reunion'], summary: '公开同意 consent flags', auth: true, params: idParams, body: consentSchema,
    handler: async ({ params, body, user }) => setConsent(ctx, params.id, body as Record<string, boolean>, await requireReunionAccess(ctx, user, 'reunion.post.write', [params.id])),
  });

  route(app, {
    method: 'PUT', url: '/api/reunion/posts/:id/dna', tags: ['reunion'], summary: 'DNA 采样状态与案件编号 DNA sample status and police case number', auth: true, params: idParams,
    body: z.object({ dnaStatus: z.enum(DNA_STATUSES), policeCaseNo: z.string().max(60).nullable().optional() }),
    handler: async ({ params, body, user }) => setDnaStatus(ctx, params.id, body.dnaStatus, body.policeCaseNo, await requireReunionAccess(ctx, user, 'reunion.post.close', [params.id])),
  });

  route(app, {
    method: 'GET', url: '/api/reunion/posts/:id/contacts', tags: ['reunion'], summary: '未脱敏联系方式（须说明用途，记入审计） contacts unmasked (purpose, audited)', auth: true, params: idParams,
    query: z.object({ purpose: z.string().max(500).optional(), legalBasis: z.string().max(200).optional() }),
    handler: async ({ params, query, user }) => {
      const actor = await requireReunionAccess(ctx, user, 'reunion.contact.read', [params.id], query.purpose);
      return readContacts(ctx, params.id, actor, query.purpose!.trim(), query.legalBasis?.trim() || null);
    },
  });

  route(app, {
    method: 'POST', url: '/api/reunion/posts/:id/photos', tags: ['reunion'], summary: '上传照片（去除元数据） add a photo, metadata stripped', auth: true, status: 201, params: idParams,
    body: z.object({ dataBase64: z.string().min(8).max(12_000_000), filename: z.string().max(200).optional() }),
    handler: async ({ params, body, user }) => addPhoto(ctx, params.id, Buffer.from(body.dataBase64, 'base64'), await requireReunionAccess(ctx, user, 'reunion.post.write', [params.id])),
  });

  route(app, {
    method: 'POST', url: '/api/reunion/posts/:id/candidates', tags: ['reunion'], summary: '计算候选匹配 compute candidates', auth: true, params: idParams,
    handler: async ({ params, user }) => ({ candidates: await computeCandidates(ctx, params.id, await requireReunionAccess(ctx, user, 'reunion.candidate.review', [params.id])) }),
  });

  route(app, {
    method: 'GET', url: '/api/reunion/posts/:id/candidates', tags: ['reunion'], summary: '候选匹配及理由 candidates with reasons', auth: true, params: idParams,
    handler: async ({ params, user }) => {
      await requireReunionAccess(ctx, user, 'reunion.candidate.review', [params.id]);
      return { candidates: await listCandidates(ctx, params.id) };
    },
  });

  route(app, {
    method: 'POST', url: '/api/reunion/candidates/:candidateId/transitions', tags: ['reunion'], summary: '审核候选（开始审核、排除、建议DNA比对、DNA结果） review a candidate', auth: true,
    params: candidateParams, body: z.object({ transition: z.enum(Object.keys(CANDIDATE_TRANSITIONS) as [CandidateTransition, ...CandidateTransition[]]), reason: z.string().max(1000).optional() }),
    handler: async ({ params, body, user }) => {
      const actor = await requireReunionAccess(ctx, user, 'reunion.candidate.review', [String(params.candidateId)]);
      return applyCandidateTransition(ctx, params.candidateId, body.transition, actor, body.reason?.trim() || null);
    },
  });

  route(app, {
    method: 'POST', url: '/api/reunion/candidates/:candidateId/notify-family', tags: ['reunion'], summary: '告知家属（须先经人工审核） tell the family (after human review)', auth: true, params: candidateParams,
    handler: async ({ params, user }) => notifyFamily(ctx, params.candidateId, await requireReunionAccess(ctx, user, 'reunion.candidate.review', [String(params.candidateId)])),
  });

  route(app, {
    method: 'POST', url: '/api/reunion/posts/:id/transitions', tags: ['reunion'], summary: '结案或重新开启 close or reopen', auth: true, params: idParams,
    body: z.object({ transition: z.enum(['close', 'reopen']), reason: z.string().max(1000) }),
    handler: async ({ params, body, user }) => {
      const actor = await requireReunionAccess(ctx, user, 'reunion.post.close', [params.id]);
      if (!body.reason.trim()) throw new AppError(E.REUNION_REASON_REQUIRED, { min: 1 });
      await transitionPost(ctx, params.id, body.transition, actor, body.reason.trim());
      return postTimeline(ctx, params.id);
    },
  });

  route(app, {
    method: 'GET', url: '/api/reunion/posts/:id/timeline', tags: ['reunion'], summary: '流程记录 every step with actor, time, reason', auth: true, params: idParams,
    handler: async ({ params, user }) => {
      await requireReunionAccess(ctx, user, 'reunion.post.read', [params.id]);
      return postTimeline(ctx, params.id);
    },
  });
}
