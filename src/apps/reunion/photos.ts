/**
 * Photos of posts, stored with their metadata removed (a photo's EXIF can carry the GPS position
 * of a family's home, the camera owner's name and the time it was taken). No image is
 * re-encoded: the file is rewritten segment by segment, so pixels are untouched.
 *
 * - JPEG (ITU-T T.81 Annex B; JFIF 1.02; Exif 2.32 §4.5.4): dropped are APP1–APP13 and APP15
 *   (Exif and XMP in APP1, ICC profile in APP2, IPTC/Photoshop in APP13, vendor data), COM
 *   comments, and an APP0 that is not the plain JFIF header (JFXX thumbnails). Kept: APP0 'JFIF',
 *   APP14 'Adobe' (the colour-transform flag needed to decode CMYK/YCCK files) and every coding
 *   segment; entropy-coded data is copied as is (0xFF00 stuffing and RSTn markers inside it).
 *   Without the ICC profile, a wide-gamut photo shows in sRGB.
 * - PNG (ISO/IEC 15948 §11): dropped are tEXt, zTXt, iTXt, eXIf and tIME chunks; all others kept.
 */
import crypto from 'node:crypto';
import { AppError } from '../../core/errors.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { appendAudit } from '../../security/audit.ts';
import type { ReunionActor } from './access.ts';
import { ReunionErrors as E } from './errors.ts';
import { loadPost } from './postService.ts';
import { reunionDb } from './schema.ts';

/** A stripped image: bytes, type, and what was removed (e.g. 'APP1 Exif', 'COM', 'PNG tEXt'). */
export interface StrippedImage {
  readonly data: Buffer;
  readonly mime: 'image/jpeg' | 'image/png';
  readonly removed: readonly string[];
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_DROP = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

function unsupported(reason: string): AppError {
  return new AppError(E.REUNION_PHOTO_UNSUPPORTED, { reason });
}

function identifier(buf: Buffer, at: number, len: number): string {
  const end = Math.min(at + len, at + 12);
  const raw = buf.subarray(at, end).toString('latin1');
  const nul = raw.indexOf('\0');
  return (nul >= 0 ? raw.slice(0, nul) : raw).replace(/[^\x20-\x7e]/g, '');
}

function stripJpeg(buf: Buffer): StrippedImage {
  const out: Buffer[] = [buf.subarray(0, 2)];
  const removed: string[] = [];
  let i = 2;
  let inScan = false;
  while (i < buf.length) {
    if (inScan) {
      // Copy entropy-coded data up to the next marker that is not stuffing (FF00) or RSTn (FFD0–FFD7).
      let j = i;
      while (j < buf.length - 1 && !(buf[j] === 0xff && buf[j + 1] !== 0x00 && !(buf[j + 1]! >= 0xd0 && buf[j + 1]! <= 0xd7) && buf[j + 1] !== 0xff)) j++;
      if (j >= buf.length - 1) throw unsupported('the JPEG ends inside its image data');
      out.push(buf.subarray(i, j));
      i = j;
      inScan = false;
      continue;
    }
    if (buf[i] !== 0xff) throw unsupported(`no JPEG marker at byte ${i}`);
    const marker = buf[i + 1]!;
    if (marker === 0xff) { i++; continue; } // fill byte
    if (marker === 0xd9) { out.push(buf.subarray(i, i + 2)); break; } // EOI
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { out.push(buf.subarray(i, i + 2)); i += 2; continue; }
    if (i + 4 > buf.length) throw unsupported('a JPEG segment is cut short');
    const len = buf.readUInt16BE(i + 2);
    const end = i + 2 + len;
    if (len < 2 || end > buf.length) throw unsupported(`a JPEG segment at byte ${i} runs past the end`);
    const id = identifier(buf, i + 4, len - 2);
    const isApp = marker >= 0xe0 && marker <= 0xef;
    const keep = !isApp ? marker !== 0xfe : (marker === 0xe0 && id === 'JFIF') || (marker === 0xee && id.startsWith('Adobe'));
    if (keep) out.push(buf.subarray(i, end));
    else removed.push(marker === 0xfe ? 'COM' : `APP${marker - 0xe0}${id ? ' ' + id : ''}`);
    i = end;
    if (marker === 0xda) inScan = true; // SOS: its header is copied, the scan data follows
  }
  return { data: Buffer.concat(out), mime: 'image/jpeg', removed };
}

function stripPng(buf: Buffer): StrippedImage {
  const out: Buffer[] = [PNG_SIGNATURE];
  const removed: string[] = [];
  let i = 8;
  while (i < buf.length) {
    if (i + 12 > buf.length) throw unsupported('a PNG chunk is cut short');
    const len = buf.readUInt32BE(i);
    const type = buf.subarray(i + 4, i + 8).toString('latin1');
    const end = i + 12 + len;
    if (end > buf.length) throw unsupported(`the PNG chunk ${type} runs past the end`);
    if (PNG_DROP.has(type)) removed.push(`PNG ${type}`);
    else out.push(buf.subarray(i, end));
    i = end;
    if (type === 'IEND') break;
  }
  return { data: Buffer.concat(out), mime: 'image/png', removed };
}

/**
 * Remove metadata from a JPEG or PNG file (see the module doc for what is dropped and kept).
 * @throws AppError REUNION_PHOTO_UNSUPPORTED (415) for other formats or a damaged structure.
 * @example stripImageMetadata(jpegWithExif).removed // ['APP1 Exif']
 */
export function stripImageMetadata(bytes: Buffer): StrippedImage {
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return stripJpeg(bytes);
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return stripPng(bytes);
  throw unsupported('not a JPEG or PNG file');
}

/** Store a photo of a post (metadata stripped first); audited. */
export async function addPhoto(ctx: PlatformContext, postId: string, bytes: Buffer, actor: ReunionActor): Promise<{ photoId: number; mime: string; bytes: number; removed: readonly string[] }> {
  await loadPost(ctx, postId);
  const s = stripImageMetadata(bytes);
  const row = await reunionDb(ctx.database.db).insertInto('reunion_photos').values({
    post_id: postId, mime: s.mime, data: s.data, sha256: crypto.createHash('sha256').update(s.data).digest('hex'), bytes: s.data.length,
    removed: JSON.stringify(s.removed), created_at: ctx.now().toISOString(), created_by: actor.username,
  }).returning('id').executeTakeFirstOrThrow();
  await appendAudit(ctx, { actor: actor.username, role: actor.platformRole, action: 'reunion.post.write', recordKind: 'reunion_post', recordIds: [postId], outcome: 'allowed', detail: { op: 'photo', photoId: Number(row.id), removed: s.removed } });
  return { photoId: Number(row.id), mime: s.mime, bytes: s.data.length, removed: s.removed };
}

/** Photo ids of a post. */
export async function photoIdsOf(ctx: PlatformContext, postId: string): Promise<number[]> {
  const rows = await reunionDb(ctx.database.db).selectFrom('reunion_photos').select('id').where('post_id', '=', postId).orderBy('id').execute();
  return rows.map((r) => Number(r.id));
}

/** A stored photo with its post id, or undefined. */
export async function loadPhoto(ctx: PlatformContext, photoId: number): Promise<{ postId: string; mime: string; data: Buffer } | undefined> {
  const r = await reunionDb(ctx.database.db).selectFrom('reunion_photos').select(['post_id', 'mime', 'data']).where('id', '=', photoId).executeTakeFirst();
  return r ? { postId: r.post_id, mime: r.mime, data: Buffer.from(r.data) } : undefined;
}
