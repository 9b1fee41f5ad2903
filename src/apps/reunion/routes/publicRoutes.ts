/**
 * Public reunion routes, without login and rate-limited per client address (README "Public"):
 * search, one post, a published photo, tips in (held for moderation) and approved tips out.
 * Nothing here returns a field the poster did not consent to publish (publicView.ts).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../../../api/route.ts';
import { AppError } from '../../../core/errors.ts';
import type { PlatformContext } from '../../../platform/module.ts';
import { ReunionErrors as E } from '../errors.ts';
import { POST_KINDS } from '../model.ts';
import { loadPhoto } from '../photos.ts';
import { loadPost } from '../postService.ts';
import { publicPostById, searchPublic } from '../publicSearch.ts';
import { publicTips, submitTip } from '../tips.ts';

/** Requests per minute and client address: search and reads; tip submissions. */
export const PUBLIC_RATE_LIMIT = { max: 60, timeWindow: '1 minute' } as const;
export const TIP_RATE_LIMIT = { max: 10, timeWindow: '1 minute' } as const;

const idParams = z.object({ id: z.string().min(1).max(64) });

/** Register the public routes. */
export function reunionPublicRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  route(app, {
    method: 'GET', url: '/api/reunion/public/search', tags: ['reunion'], summary: '公开检索（无需登录，仅显示同意公开的字段） public search', rateLimit: PUBLIC_RATE_LIMIT,
    query: z.object({
      name: z.string().max(60).optional(), place: z.string().max(60).optional(), year: z.coerce.number().int().min(1900).max(2100).optional(),
      lostOn: z.string().max(40).optional(), bornOn: z.string().max(40).optional(), kind: z.enum(POST_KINDS).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(20), offset: z.coerce.number().int().min(0).max(10_000).default(0),
    }),
    handler: async ({ query, request }) => searchPublic(ctx, query, { ip: request.ip }),
  });

  route(app, {
    method: 'GET', url: '/api/reunion/public/posts/:id', tags: ['reunion'], summary: '公开帖子 a post (published fields only)', rateLimit: PUBLIC_RATE_LIMIT, params: idParams,
    handler: async ({ params }) => publicPostById(ctx, params.id),
  });

  route(app, {
    method: 'GET', url: '/api/reunion/public/photos/:photoId', tags: ['reunion'], summary: '公开照片 a published photo (metadata stripped)', rateLimit: PUBLIC_RATE_LIMIT,
    params: z.object({ photoId: z.coerce.number().int().min(1) }),
    handler: async ({ params, reply }) => {
      const photo = await loadPhoto(ctx, params.photoId);
      const post = photo ? await loadPost(ctx, photo.postId) : null;
      if (!photo || !post || !post.consent.photos || post.status === 'closed') throw new AppError(E.REUNION_PHOTO_NOT_FOUND, { id: params.photoId });
      reply.type(photo.mime).send(photo.data);
      return reply;
    },
  });

  route(app, {
    method: 'POST', url: '/api/reunion/public/posts/:id/tips', tags: ['reunion'], summary: '提供线索（审核后才公开） submit a tip (held for moderation)', rateLimit: TIP_RATE_LIMIT, status: 202,
    params: idParams, body: z.object({ text: z.string().trim().min(4).max(2000), contact: z.string().max(100).optional() }),
    handler: async ({ params, body, request }) => submitTip(ctx, params.id, body, { ip: request.ip }),
  });

  route(app, {
    method: 'GET', url: '/api/reunion/public/posts/:id/tips', tags: ['reunion'], summary: '已审核的线索 approved tips', rateLimit: PUBLIC_RATE_LIMIT, params: idParams,
    handler: async ({ params }) => {
      await publicPostById(ctx, params.id);
      return { tips: await publicTips(ctx, params.id) };
    },
  });
}
