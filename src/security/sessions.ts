/**
 * Cookie sessions: a random 32-byte token in an HttpOnly, SameSite=Lax cookie; only its
 * SHA-256 is stored (table `sessions`), so a copy of the database does not yield live
 * sessions. Sessions expire 8 hours after login (absolute); logout deletes the row.
 *
 * A resolved session is kept in memory for at most SESSION_RECHECK_MS (5 s) so that a busy
 * counter does not query the session table on every request (single registrations at 双十一
 * rates); logout, a disabled account and a password change clear it at once in this process,
 * and within 5 s in any other process sharing the database.
 */
import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import type { PlatformContext } from '../platform/module.ts';
import { writeIfUnlocked } from '../store/database.ts';
import { securityDb, type UserRow } from './schema.ts';
import { toSessionUser, type SessionUser } from './users.ts';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'gongzhi_session';
/** Session lifetime in milliseconds (8 hours). */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
/** last_seen_at is refreshed at most once per this many milliseconds (1 minute). */
const TOUCH_INTERVAL_MS = 60 * 1000;
/** A cached session is re-read from the database after this many milliseconds (5 s). */
export const SESSION_RECHECK_MS = 5 * 1000;
/** Cached sessions per open database at most; the cache is emptied when it is full. */
const CACHE_MAX = 10_000;

interface CachedSession {
  readonly user: SessionUser;
  readonly expiresAtMs: number;
  readonly checkedAtMs: number;
}

const caches = new WeakMap<object, Map<string, CachedSession>>();

function cacheOf(ctx: PlatformContext): Map<string, CachedSession> {
  let c = caches.get(ctx.database);
  if (!c) caches.set(ctx.database, (c = new Map()));
  return c;
}

/** Drop the cached sessions of one user (account disabled, password changed) or of everyone. */
export function forgetCachedSessions(ctx: PlatformContext, userId?: number): void {
  const cache = cacheOf(ctx);
  if (userId === undefined) return cache.clear();
  for (const [hash, entry] of cache) if (entry.user.id === userId) cache.delete(hash);
}

/** hex SHA-256 of a token (what the table stores). */
export function tokenHash(token: string): string {
  return crypto.hash('sha256', token, 'hex');
}

/**
 * Start a session for a user: returns the cookie token (43 base64url characters of 32 random
 * bytes) and its expiry instant.
 */
export async function createSession(ctx: PlatformContext, userId: number): Promise<{ token: string; expiresAt: Date }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await securityDb(ctx.database.db)
    .insertInto('sessions')
    .values({ token_hash: tokenHash(token), user_id: userId, created_at: now.toISOString(), expires_at: expiresAt.toISOString(), last_seen_at: now.toISOString() })
    .execute();
  return { token, expiresAt };
}

/**
 * The user of a live session token, or null when the token is unknown, expired (the row is
 * then deleted) or the account disabled. Refreshes last_seen_at at most once a minute.
 */
export async function resolveSession(ctx: PlatformContext, token: string | undefined): Promise<SessionUser | null> {
  if (!token || token.length > 200) return null;
  const hash = tokenHash(token);
  const cache = cacheOf(ctx);
  const nowMs = ctx.now().getTime();
  const hit = cache.get(hash);
  if (hit && nowMs < hit.expiresAtMs && nowMs - hit.checkedAtMs < SESSION_RECHECK_MS && nowMs >= hit.checkedAtMs) return hit.user;
  cache.delete(hash);
  const db = securityDb(ctx.database.db);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.expires_at', 'sessions.last_seen_at'])
    .where('sessions.token_hash', '=', hash)
    .executeTakeFirst();
  if (!row) return null;
  const now = ctx.now();
  if (new Date(row.expires_at).getTime() <= now.getTime()) {
    await db.deleteFrom('sessions').where('token_hash', '=', hash).execute();
    return null;
  }
  if (Number(row.disabled) === 1) return null;
  if (now.getTime() - new Date(row.last_seen_at).getTime() >= TOUCH_INTERVAL_MS) {
    // Bookkeeping only: when another connection is writing, the next re-check (5 s) touches it.
    await writeIfUnlocked(ctx.database, db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('token_hash', '=', hash));
  }
  const user = toSessionUser(row as Selectable<UserRow>);
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(hash, { user, expiresAtMs: new Date(row.expires_at).getTime(), checkedAtMs: now.getTime() });
  return user;
}

/** End a session (logout). Unknown tokens are ignored. */
export async function deleteSession(ctx: PlatformContext, token: string | undefined): Promise<void> {
  if (!token) return;
  cacheOf(ctx).delete(tokenHash(token));
  await securityDb(ctx.database.db).deleteFrom('sessions').where('token_hash', '=', tokenHash(token)).execute();
}

/** Delete every expired session; returns how many were deleted. */
export async function purgeExpiredSessions(ctx: PlatformContext): Promise<number> {
  forgetCachedSessions(ctx);
  const r = await securityDb(ctx.database.db).deleteFrom('sessions').where('expires_at', '<=', ctx.now().toISOString()).executeTakeFirst();
  return Number(r.numDeletedRows);
}
