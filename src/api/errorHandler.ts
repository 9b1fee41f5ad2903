/**
 * One error shape for every failed request: `{ error: { code, message, messageEn, params, details } }`
 * with the code's HTTP status (src/core/errors.ts). AppError → its code and status; zod errors
 * thrown by handlers → 422 VALIDATION_FAILED with per-field details; Fastify's own client errors
 * (bad JSON, wrong content type, body too large) → BAD_REQUEST with their status; anything
 * else → 500 INTERNAL, logged, with no internals in the response.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, issue, type Issue } from '../core/errors.ts';
import { zodToAppError } from './validation.ts';

/** The JSON body of every error response. */
export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly messageEn: string;
    readonly params: Issue['params'] | Record<string, never>;
    readonly details: readonly Issue[];
  };
}

/** The response body for an AppError. */
export function errorBody(e: AppError): ErrorBody {
  return { error: { code: e.code, message: e.issue.message, messageEn: e.issue.messageEn, params: e.issue.params ?? {}, details: e.details } };
}

function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) return zodToAppError(error, undefined);
  const fe = error as Partial<FastifyError>;
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError('BAD_REQUEST', { reason: String(fe.message ?? fe.code ?? 'bad request') });
  }
  return null;
}

/** Fastify error handler (set by buildApp). */
export async function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): Promise<ErrorBody> {
  const app = toAppError(error);
  if (app) {
    const fe = error as Partial<FastifyError>;
    // Fastify client errors keep their own status (413, 415 …) under the BAD_REQUEST code.
    const status = app.code === 'BAD_REQUEST' && typeof fe.statusCode === 'number' && !(error instanceof AppError) ? fe.statusCode : app.status;
    if (status === 429 && reply.getHeader('retry-after') === undefined && typeof app.issue.params?.retryAfterSeconds === 'number') {
      reply.header('retry-after', String(app.issue.params.retryAfterSeconds));
    }
    reply.code(status);
    return errorBody(app);
  }
  request.log.error({ err: error }, 'unhandled error');
  reply.code(500);
  const i = issue('INTERNAL');
  return { error: { code: i.code, message: i.message, messageEn: i.messageEn, params: {}, details: [] } };
}
