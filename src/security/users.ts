/**
 * Users (table `users`): create, authenticate, list, and the demo accounts created on first
 * start. Usernames are stored lower-case; passwords only as Argon2id hashes (passwords.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/errors.ts';
import type { PlatformContext } from '../platform/module.ts';
import { generatePassword, hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { ROLES, ROLE_LABELS, isRole, type Role } from './policies.ts';
import type { Selectable } from 'kysely';
import { isoOf, securityDb, type UserRow as UserTable } from './schema.ts';
import { forgetCachedSessions } from './sessions.ts';

type UserRow = Selectable<UserTable>;

/** The signed-in user as routes see it (`request.user`). */
export interface SessionUser {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  /** Outlet code (网点编码) of a clerk; null for other roles. */
  readonly outlet: string | null;
}

/** A user as listed to administrators. */
export interface UserSummary extends SessionUser {
  readonly createdAt: string;
  readonly disabled: boolean;
}

/** Input of createUser. */
export interface NewUser {
  readonly username: string;
  readonly role: string;
  readonly password: string;
  readonly displayName?: string | undefined;
  readonly outlet?: string | null | undefined;
}

const USERNAME = /^[a-z0-9][a-z0-9_.-]{1,63}$/;

function present(row: UserRow): UserSummary {
  return {
    id: Number(row.id),
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    outlet: row.outlet,
    createdAt: isoOf(row.created_at),
    disabled: Number(row.disabled) === 1,
  };
}

/** The session view of a user row (drops administrative fields). */
export function toSessionUser(row: UserRow): SessionUser {
  return { id: Number(row.id), username: row.username, displayName: row.display_name, role: row.role as Role, outlet: row.outlet };
}

/**
 * Create a user. The username is trimmed and lower-cased; a clerk needs an outlet; the
 * password is hashed with Argon2id.
 * @throws AppError USERNAME_INVALID, ROLE_UNKNOWN, USER_OUTLET_REQUIRED, PASSWORD_TOO_WEAK, USERNAME_TAKEN
 */
export async function createUser(ctx: PlatformContext, input: NewUser): Promise<UserSummary> {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) throw new AppError('USERNAME_INVALID');
  if (!isRole(input.role)) throw new AppError('ROLE_UNKNOWN', { role: input.role, roles: ROLES.join(', ') });
  const outlet = input.outlet?.trim() || null;
  if (input.role === 'clerk' && !outlet) throw new AppError('USER_OUTLET_REQUIRED');
  const passwordHash = await hashPassword(input.password);
  const db = securityDb(ctx.database.db);
  const existing = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  if (existing) throw new AppError('USERNAME_TAKEN', { username });
  const row = await db
    .insertInto('users')
    .values({
      username,
      display_name: input.displayName?.trim() || username,
      role: input.role,
      outlet,
      password_hash: passwordHash,
      created_at: ctx.now().toISOString(),
      disabled: 0,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return present(row);
}

/**
 * Check a username and password. Returns the user, or null for an unknown user, a wrong
 * password or a disabled account (one answer for all three, in comparable time).
 */
export async function authenticate(ctx: PlatformContext, username: string, password: string): Promise<SessionUser | null> {
  const row = await securityDb(ctx.database.db)
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username.trim().toLowerCase())
    .executeTakeFirst();
  if (!row) return verifyAgainstDummy(password).then(() => null);
  const ok = await verifyPassword(row.password_hash, password);
  if (!ok || Number(row.disabled) === 1) return null;
  return toSessionUser(row);
}

/** Every user, ordered by id (no password hashes). */
export async function listUsers(ctx: PlatformContext): Promise<UserSummary[]> {
  const rows = await securityDb(ctx.database.db).selectFrom('users').selectAll().orderBy('id').execute();
  return rows.map(present);
}

/** Enable (false) or disable (true) an account; a disabled account cannot log in and its sessions end. */
export async function setUserDisabled(ctx: PlatformContext, username: string, disabled: boolean): Promise<UserSummary> {
  const db = securityDb(ctx.database.db);
  const row = await db
    .updateTable('users')
    .set({ disabled: disabled ? 1 : 0 })
    .where('username', '=', username.trim().toLowerCase())
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { what: `user ${username}` });
  if (disabled) {
    forgetCachedSessions(ctx, row.id);
    await db.deleteFrom('sessions').where('user_id', '=', row.id).execute();
  }
  return present(row);
}

/**
 * Set a new password (Argon2id) and end every session of the account.
 * @throws AppError PASSWORD_TOO_WEAK, NOT_FOUND
 */
export async function setPassword(ctx: PlatformContext, username: string, password: string): Promise<UserSummary> {
  const passwordHash = await hashPassword(password);
  const db = securityDb(ctx.database.db);
  const row = await db.updateTable('users').set({ password_hash: passwordHash }).where('username', '=', username.trim().toLowerCase()).returningAll().executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { what: `user ${username}` });
  forgetCachedSessions(ctx, row.id);
  await db.deleteFrom('sessions').where('user_id', '=', row.id).execute();
  return present(row);
}

/** A demo account created by ensureDemoUsers, with its generated password. */
export interface DemoCredential {
  readonly username: string;
  readonly role: Role;
  readonly password: string;
}

/**
 * On an empty users table, create one demo account per role (admin, clerk, regulator,
 * investigator, viewer) with random 20-character passwords, write them to
 * `<dataDir>/demo-credentials.txt` (mode 0600) and return them; return null when any user
 * exists already (nothing is changed). The clerk belongs to `options.clerkOutlet`
 * (default 'DEMO-OUTLET-001'; the start command passes a real outlet of the demo data).
 */
export async function ensureDemoUsers(ctx: PlatformContext, options: { clerkOutlet?: string } = {}): Promise<DemoCredential[] | null> {
  const any = await securityDb(ctx.database.db).selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  const created: DemoCredential[] = [];
  for (const role of ROLES) {
    const password = generatePassword();
    await createUser(ctx, {
      username: role,
      role,
      password,
      displayName: `演示${ROLE_LABELS[role].zh} demo ${ROLE_LABELS[role].en}`,
      outlet: role === 'clerk' ? (options.clerkOutlet ?? 'DEMO-OUTLET-001') : null,
    });
    created.push({ username: role, role, password });
  }
  const file = demoCredentialsPath(ctx);
  const lines = [
    '# Gongzhi demo accounts / 共治 演示账号 — generated on first start; before real use change them (gongzhi user passwd NAME) or disable them (gongzhi user disable NAME).',
    ...created.map((c) => `${c.username.padEnd(13)} ${c.password}  (${ROLE_LABELS[c.role].zh} ${ROLE_LABELS[c.role].en})`),
    '',
  ];
  fs.mkdirSync(ctx.config.dataDir, { recursive: true });
  fs.writeFileSync(file, lines.join('\n'), { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return created;
}

/** Where ensureDemoUsers writes the demo passwords: `<dataDir>/demo-credentials.txt`. */
export function demoCredentialsPath(ctx: Pick<PlatformContext, 'config'>): string {
  return path.join(ctx.config.dataDir, 'demo-credentials.txt');
}
