/**
 * Attachments of an appeal (photos, contracts, receipts): stored content-addressed under
 * `<dataDir>/attachments/disputes/<sha256>` (one copy per content), with name, MIME type, size
 * and digest in `disputes_attachments`. At most 10 MiB each.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/errors.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { requireAppeal } from './appealView.ts';
import { DisputesErrors as E } from './errors.ts';
import { disputesDb } from './schema.ts';

/** Largest attachment accepted, in bytes. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

function dir(ctx: PlatformContext): string {
  return path.join(ctx.config.dataDir, 'attachments', 'disputes');
}

/**
 * Store a file for an appeal.
 * @throws AppError DISPUTES_ATTACHMENT_TOO_LARGE (413), DISPUTES_APPEAL_NOT_FOUND (404).
 */
export async function addAttachment(ctx: PlatformContext, appealNo: string, file: { name: string; mime: string; bytes: Buffer }, username: string) {
  if (file.bytes.length > MAX_ATTACHMENT_BYTES) throw new AppError(E.DISPUTES_ATTACHMENT_TOO_LARGE, { max: MAX_ATTACHMENT_BYTES });
  const a = await requireAppeal(ctx, appealNo);
  const sha256 = crypto.createHash('sha256').update(file.bytes).digest('hex');
  fs.mkdirSync(dir(ctx), { recursive: true });
  const target = path.join(dir(ctx), sha256);
  if (!fs.existsSync(target)) fs.writeFileSync(target, file.bytes);
  const name = path.basename(file.name).slice(0, 200) || 'file';
  const r = await disputesDb(ctx.database.db)
    .insertInto('disputes_attachments')
    .values({ appeal_id: a.id, name, mime: file.mime.slice(0, 100), size: file.bytes.length, sha256, uploaded_at: ctx.now().toISOString(), uploaded_by: username })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: Number(r.id), name, mime: file.mime, size: file.bytes.length, sha256 };
}

/**
 * Read an attachment of an appeal.
 * @throws AppError DISPUTES_ATTACHMENT_NOT_FOUND (404).
 */
export async function readAttachment(ctx: PlatformContext, appealNo: string, id: number): Promise<{ name: string; mime: string; bytes: Buffer }> {
  const a = await requireAppeal(ctx, appealNo);
  const row = await disputesDb(ctx.database.db).selectFrom('disputes_attachments').selectAll().where('id', '=', id).where('appeal_id', '=', a.id).executeTakeFirst();
  const file = row ? path.join(dir(ctx), row.sha256) : null;
  if (!row || !file || !fs.existsSync(file)) throw new AppError(E.DISPUTES_ATTACHMENT_NOT_FOUND, { id });
  return { name: row.name, mime: row.mime, bytes: fs.readFileSync(file) };
}
