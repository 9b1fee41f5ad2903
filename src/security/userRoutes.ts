/**
 * User administration over HTTP (policy user.manage: administrators): list, create (with a
 * generated password when none is given), disable/enable. Every change is audited.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../api/route.ts';
import type { PlatformContext } from '../platform/module.ts';
import { appendAudit } from './audit.ts';
import { generatePassword } from './passwords.ts';
import { ROLES } from './policies.ts';
import { createUser, listUsers, setUserDisabled } from './users.ts';

/** Register /api/users routes on `app`. */
export function userRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  route(app, {
    method: 'GET',
    url: '/api/users',
    tags: ['users'],
    summary: '用户列表 list users',
    access: ['user.manage', 'user'],
    handler: async () => ({ users: await listUsers(ctx) }),
  });

  route(app, {
    method: 'POST',
    url: '/api/users',
    tags: ['users'],
    summary: '新建用户 create a user',
    description: 'Without a password, a random 20-character password is generated and returned once.',
    body: z.object({
      username: z.string().min(2).max(64),
      role: z.enum(ROLES),
      outlet: z.string().min(1).max(64).optional(),
      displayName: z.string().min(1).max(100).optional(),
      password: z.string().min(1).max(1024).optional(),
    }),
    access: ['user.manage', 'user'],
    status: 201,
    handler: async ({ body, user }) => {
      const password = body.password ?? generatePassword();
      const created = await createUser(ctx, { ...body, password });
      await appendAudit(ctx, {
        actor: user!.username,
        role: user!.role,
        action: 'user.manage',
        recordKind: 'user',
        recordIds: [created.id],
        outcome: 'allowed',
        detail: { op: 'create', username: created.username, role: created.role },
      });
      return body.password ? { user: created } : { user: created, password };
    },
  });

  route(app, {
    method: 'PATCH',
    url: '/api/users/:username',
    tags: ['users'],
    summary: '停用/启用用户 disable or enable a user',
    params: z.object({ username: z.string().min(1).max(64) }),
    body: z.object({ disabled: z.boolean() }),
    access: ['user.manage', 'user'],
    handler: async ({ params, body, user }) => {
      const changed = await setUserDisabled(ctx, params.username, body.disabled);
      await appendAudit(ctx, {
        actor: user!.username,
        role: user!.role,
        action: 'user.manage',
        recordKind: 'user',
        recordIds: [changed.id],
        outcome: 'allowed',
        detail: { op: body.disabled ? 'disable' : 'enable', username: changed.username },
      });
      return { user: changed };
    },
  });
}
