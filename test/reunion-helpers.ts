/**
 * Shared set-up of the reunion API tests: a platform on a test dialect with the security and
 * reunion modules, a fixed clock the test can move, and signed-in users of each reunion role
 * (volunteer = viewer, police = investigator, admin) plus a clerk (no reunion access).
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/api/app.ts';
import { reunionModule } from '../src/apps/reunion/index.ts';
import type { PlatformContext } from '../src/platform/module.ts';
import { openPlatform } from '../src/platform/platform.ts';
import { securityModule } from '../src/security/index.ts';
import { generatePassword } from '../src/security/passwords.ts';
import { createUser } from '../src/security/users.ts';
import type { TestDialect } from '../src/store/testing.ts';

export const reunionTestModules = [securityModule, reunionModule];

/** A running test app. `clock.now` can be moved by the test. */
export interface ReunionTestApp {
  readonly ctx: PlatformContext;
  readonly app: FastifyInstance;
  readonly clock: { now: Date };
  /** Inject as a role ('volunteer' | 'police' | 'admin' | 'clerk') or anonymously (role null). */
  call(method: InjectOptions['method'], url: string, payload?: unknown, role?: string | null, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

const PLATFORM_ROLE: Record<string, string> = { volunteer: 'viewer', police: 'investigator', admin: 'admin', clerk: 'clerk' };

/** Open a platform and app on `dialect` with users volunteer1, police1, admin1, clerk1. */
export async function openReunionApp(dialect: TestDialect, start = '2026-11-30T02:00:00Z'): Promise<ReunionTestApp> {
  const created = await dialect.create();
  const clock = { now: new Date(start) };
  const ctx = await openPlatform(created.config, { modules: reunionTestModules, now: () => clock.now });
  const app = await buildApp(ctx, reunionTestModules, { logger: false });
  const cookies: Record<string, string> = {};
  for (const [name, role] of Object.entries(PLATFORM_ROLE)) {
    const password = generatePassword();
    await createUser(ctx, { username: `${name}1`, role, password, ...(role === 'clerk' ? { outlet: '110101001' } : {}) });
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `${name}1`, password } });
    cookies[name] = `gongzhi_session=${res.cookies.find((c) => c.name === 'gongzhi_session')!.value}`;
  }
  return {
    ctx, app, clock,
    call: (method, url, payload, role = 'volunteer', headers = {}) =>
      app.inject({ method, url, ...(payload !== undefined ? { payload: payload as object } : {}), headers: { ...(role ? { cookie: cookies[role]! } : {}), ...headers } }),
    async close() {
      await app.close();
      await ctx.database.close();
      await created.drop();
    },
  };
}
