/**
 * API keys of Open311 clients (GeoReport v2: "Requires API Key: Yes" for POST Service
 * Request). An administrator creates a key for a named client (`gongzhi open311 key create`);
 * the key is shown once, only its SHA-256 is stored, and creation and revocation are written
 * to the audit log. Keys are 32 random bytes, base64url, prefixed `o311_`.
 */
import crypto from 'node:crypto';
import { AppError } from '../../../core/errors.ts';
import type { PlatformContext } from '../../../platform/module.ts';
import { appendAudit } from '../../../security/audit.ts';
import { Open311Errors as E } from './errors.ts';
import { open311Db } from './schema.ts';

/** A key as listed (never the key itself). */
export interface ApiKeySummary {
  readonly id: number;
  /** The first 9 characters of the key, to recognise it. */
  readonly prefix: string;
  readonly label: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly revokedAt: string | null;
}

const hash = (key: string) => crypto.createHash('sha256').update(key, 'utf8').digest('hex');

/**
 * Create a key for a client. Returns the key (shown once) and its id.
 * @throws AppError OPEN311_KEY_LABEL_REQUIRED when the label is shorter than 2 characters.
 */
export async function createApiKey(ctx: PlatformContext, input: { label: string; actor: string }): Promise<{ id: number; key: string; prefix: string }> {
  const label = input.label.trim();
  if (label.length < 2) throw new AppError(E.OPEN311_KEY_LABEL_REQUIRED);
  const key = `o311_${crypto.randomBytes(32).toString('base64url')}`;
  const prefix = key.slice(0, 9);
  const row = await open311Db(ctx.database.db)
    .insertInto('open311_api_keys')
    .values({ key_hash: hash(key), key_prefix: prefix, label, created_at: ctx.now().toISOString(), created_by: input.actor, revoked_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  await appendAudit(ctx, { actor: input.actor, action: 'open311.key_create', recordKind: 'open311_api_key', recordIds: [id], outcome: 'allowed', detail: { label, prefix } });
  return { id, key, prefix };
}

/** The id of an active key, or null for an unknown or revoked one. */
export async function verifyApiKey(ctx: PlatformContext, key: string): Promise<number | null> {
  if (!key) return null;
  const row = await open311Db(ctx.database.db).selectFrom('open311_api_keys').select(['id', 'revoked_at']).where('key_hash', '=', hash(key)).executeTakeFirst();
  return row && row.revoked_at === null ? Number(row.id) : null;
}

/** Every key, newest first. */
export async function listApiKeys(ctx: PlatformContext): Promise<ApiKeySummary[]> {
  const rows = await open311Db(ctx.database.db).selectFrom('open311_api_keys').selectAll().orderBy('id', 'desc').execute();
  return rows.map((r) => ({ id: Number(r.id), prefix: r.key_prefix, label: r.label, createdAt: r.created_at, createdBy: r.created_by, revokedAt: r.revoked_at }));
}

/**
 * Revoke a key (idempotent: the first revocation time is kept).
 * @throws AppError OPEN311_KEY_NOT_FOUND for an unknown id.
 */
export async function revokeApiKey(ctx: PlatformContext, id: number, actor: string): Promise<ApiKeySummary> {
  const db = open311Db(ctx.database.db);
  const found = await db.selectFrom('open311_api_keys').select('id').where('id', '=', id).executeTakeFirst();
  if (!found) throw new AppError(E.OPEN311_KEY_NOT_FOUND, { id });
  await db.updateTable('open311_api_keys').set({ revoked_at: ctx.now().toISOString() }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  await appendAudit(ctx, { actor, action: 'open311.key_revoke', recordKind: 'open311_api_key', recordIds: [id], outcome: 'allowed' });
  return (await listApiKeys(ctx)).find((k) => k.id === id)!;
}
