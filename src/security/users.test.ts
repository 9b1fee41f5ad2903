import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformContext } from '../platform/module.ts';
import { openPlatform } from '../platform/platform.ts';
import { testDialects } from '../store/testing.ts';
import { securityModule } from './index.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { SESSION_RECHECK_MS, createSession, resolveSession, tokenHash } from './sessions.ts';
import { securityDb } from './schema.ts';
import { authenticate, createUser, demoCredentialsPath, ensureDemoUsers, listUsers, setPassword, setUserDisabled } from './users.ts';

describe('session token hash', () => {
  it('is hex SHA-256 of the token (FIPS 180-4 test vector "abc"), so stored sessions survive an upgrade', () => {
    expect(tokenHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe.each(testDialects())('users on $name', (dialect) => {
  let ctx: PlatformContext;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const created = await dialect.create();
    drop = created.drop;
    ctx = await openPlatform(created.config, { modules: [securityModule] });
  });
  afterAll(async () => {
    await ctx?.database.close();
    await drop?.();
  });

  it('hashes with Argon2id and verifies', async () => {
    const h = await hashPassword('correct horse battery');
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(h, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(h, 'correct horse batterY')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
    await expect(hashPassword('short')).rejects.toMatchObject({ code: 'PASSWORD_TOO_WEAK' });
  });

  it('creates demo users once, with random passwords in a 0600 file', async () => {
    const creds = await ensureDemoUsers(ctx, { clerkOutlet: 'SH-0001' });
    expect(creds!.map((c) => c.role)).toEqual(['admin', 'clerk', 'regulator', 'investigator', 'viewer']);
    expect(new Set(creds!.map((c) => c.password)).size).toBe(5);
    for (const c of creds!) expect(c.password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{20}$/);
    const file = demoCredentialsPath(ctx);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const text = fs.readFileSync(file, 'utf8');
    for (const c of creds!) expect(text).toContain(`${c.username.padEnd(13)} ${c.password}`);
    const clerk = creds!.find((c) => c.role === 'clerk')!;
    expect(await authenticate(ctx, 'CLERK', clerk.password)).toMatchObject({ username: 'clerk', role: 'clerk', outlet: 'SH-0001' });
    const { token } = await createSession(ctx, (await authenticate(ctx, 'clerk', clerk.password))!.id);
    expect(await resolveSession(ctx, token)).toMatchObject({ username: 'clerk' });
    await setPassword(ctx, 'clerk', 'a brand new password');
    expect(await authenticate(ctx, 'clerk', clerk.password)).toBeNull();
    expect(await authenticate(ctx, 'clerk', 'a brand new password')).toMatchObject({ username: 'clerk' });
    expect(await resolveSession(ctx, token)).toBeNull();
    await expect(setPassword(ctx, 'nobody', 'a brand new password')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await ensureDemoUsers(ctx)).toBeNull();
    expect((await listUsers(ctx)).length).toBe(5);
  });

  it('refuses bad users and disabled accounts', async () => {
    await expect(createUser(ctx, { username: 'a', role: 'admin', password: 'long enough pw 1' })).rejects.toMatchObject({ code: 'USERNAME_INVALID' });
    await expect(createUser(ctx, { username: 'boss', role: 'king', password: 'long enough pw 1' })).rejects.toMatchObject({ code: 'ROLE_UNKNOWN' });
    await expect(createUser(ctx, { username: 'c2', role: 'clerk', password: 'long enough pw 1' })).rejects.toMatchObject({ code: 'USER_OUTLET_REQUIRED' });
    await expect(createUser(ctx, { username: 'Admin', role: 'admin', password: 'long enough pw 1' })).rejects.toMatchObject({ code: 'USERNAME_TAKEN', status: 409 });
    const u = await createUser(ctx, { username: 'wang.li', role: 'viewer', password: 'long enough pw 1', displayName: '王力' });
    expect(u).toMatchObject({ username: 'wang.li', displayName: '王力', role: 'viewer', outlet: null, disabled: false });
    expect(await authenticate(ctx, 'wang.li', 'long enough pw 1')).toMatchObject({ id: u.id });
    await setUserDisabled(ctx, 'wang.li', true);
    expect(await authenticate(ctx, 'wang.li', 'long enough pw 1')).toBeNull();
    expect(await authenticate(ctx, 'nobody', 'long enough pw 1')).toBeNull();
  });

  it('serves a session from memory for at most the recheck window, and forgets it at once on disable', async () => {
    const u = await createUser(ctx, { username: 'cache.user', role: 'viewer', password: 'long enough pw 2' });
    const { token } = await createSession(ctx, u.id);
    expect(await resolveSession(ctx, token)).toMatchObject({ username: 'cache.user' });
    // Another process deletes the row: this process keeps the cached session only within the window.
    await securityDb(ctx.database.db).deleteFrom('sessions').where('token_hash', '=', tokenHash(token)).execute();
    expect(await resolveSession(ctx, token)).toMatchObject({ username: 'cache.user' });
    const later = { ...ctx, now: () => new Date(ctx.now().getTime() + SESSION_RECHECK_MS) };
    expect(await resolveSession(later, token)).toBeNull();
    // Disabling the account in this process ends its cached sessions immediately.
    const second = await createSession(ctx, u.id);
    expect(await resolveSession(ctx, second.token)).toMatchObject({ username: 'cache.user' });
    await setUserDisabled(ctx, 'cache.user', true);
    expect(await resolveSession(ctx, second.token)).toBeNull();
  });
});
