/**
 * HTTP routes of the reunion application (the list is in README.md): public search and tips
 * without login (publicRoutes.ts), staff posts and verification (staffRoutes.ts), tips
 * moderation, alerts and PFIF (operationRoutes.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { PlatformContext } from '../../platform/module.ts';
import { reunionOperationRoutes } from './routes/operationRoutes.ts';
import { reunionPublicRoutes } from './routes/publicRoutes.ts';
import { reunionStaffRoutes } from './routes/staffRoutes.ts';

/** Register every reunion route (called by the API assembly through reunionModule.routes). */
export function reunionRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  reunionPublicRoutes(app, ctx);
  reunionStaffRoutes(app, ctx);
  reunionOperationRoutes(app, ctx);
}
