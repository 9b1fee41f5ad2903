/**
 * The public search (no login): by name in characters or pinyin in either order (张三, zhang san,
 * san zhang, zhangsan — the keys of searchKeys.ts, built from consented names only), by place
 * (a division code, matched at its level, or words of the division's name), by year of loss,
 * and by partial dates of loss or birth that must overlap the post's (C17: '2016年7月' is the
 * month; C16: '1990-02-30' is refused with REUNION_DATE_INVALID, never rolled over). Returns
 * only published fields (publicView.ts), exact name matches first (章三 and 张三 read alike;
 * a search for 张三 lists 张三 before 章三). Closed posts are not shown. Each answer is audited
 * (actor 'anonymous', the ids returned, the client address).
 */
import { sql } from 'kysely';
import { AppError } from '../../core/errors.ts';
import { parseDate } from '../../core/index.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { appendAudit } from '../../security/audit.ts';
import { ReunionErrors as E } from './errors.ts';
import type { PostKind, StoredDate } from './model.ts';
import { parsePostDate } from './postInput.ts';
import { contactCipher, rowToPost } from './postRepository.ts';
import { photoIdsOf } from './photos.ts';
import { publicPost, type PublicPost } from './publicView.ts';
import { reunionDb } from './schema.ts';
import { nameKeys } from './searchKeys.ts';

/** A public search. */
export interface PublicQuery {
  readonly name?: string | undefined;
  readonly place?: string | undefined;
  /** Year of loss. */
  readonly year?: number | undefined;
  readonly lostOn?: string | undefined;
  readonly bornOn?: string | undefined;
  readonly kind?: PostKind | undefined;
  readonly limit: number;
  readonly offset: number;
}

/** [first day, last day] of a partial date, as YYYY-MM-DD. */
export function dayRange(d: Pick<StoredDate, 'year' | 'month' | 'day' | 'precision'>): [string, string] {
  const y = String(d.year).padStart(4, '0');
  if (d.precision === 'day') {
    const s = `${y}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
    return [s, s];
  }
  if (d.precision === 'month') {
    const m = String(d.month).padStart(2, '0');
    return [`${y}-${m}-01`, `${y}-${m}-${String(new Date(Date.UTC(d.year, d.month!, 0)).getUTCDate()).padStart(2, '0')}`];
  }
  return [`${y}-01-01`, `${y}-12-31`];
}

function overlaps(a: [string, string], b: [string, string]): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}

function queryDate(value: string | undefined, field: string, today: string): [string, string] | null {
  if (value === undefined) return null;
  const r = parsePostDate(value, field, today);
  if (!r.date) throw new AppError(r.issues[0]!.code, r.issues[0]!.params, r.issues);
  return dayRange(r.date);
}

/**
 * Run a public search at `ctx.now()` for a client.
 * @throws AppError REUNION_SEARCH_EMPTY (no criterion), REUNION_DATE_INVALID / REUNION_DATE_IN_FUTURE (lostOn, bornOn).
 */
export async function searchPublic(ctx: PlatformContext, q: PublicQuery, client: { ip: string }): Promise<{ total: number; results: PublicPost[] }> {
  const now = ctx.now();
  const today = parseDate(now.toISOString()).parsed?.localDay ?? now.toISOString().slice(0, 10);
  const keys = q.name?.trim() ? nameKeys(q.name) : [];
  const place = q.place?.trim() ?? '';
  const lost = queryDate(q.lostOn, 'lostOn', today);
  const born = queryDate(q.bornOn, 'bornOn', today);
  if (!keys.length && !place && q.year === undefined && !lost && !born) throw new AppError(E.REUNION_SEARCH_EMPTY);
  let sel = reunionDb(ctx.database.db).selectFrom('reunion_posts').selectAll().where('status', '!=', 'closed');
  if (q.kind) sel = sel.where('kind', '=', q.kind);
  if (q.name?.trim()) sel = keys.length ? sel.where((eb) => eb.or(keys.map((k) => eb('search_names', 'like', `% ${k} %`)))) : sel.where(sql<boolean>`1 = 0`);
  if (/^\d{6}$/.test(place)) {
    const prefix = place.endsWith('0000') ? place.slice(0, 2) : place.endsWith('00') ? place.slice(0, 4) : place;
    sel = sel.where('loss_division', 'like', `${prefix}%`).where('search_place', '!=', '');
  } else if (place) sel = sel.where('search_place', 'like', `%${place.replace(/[%_|]/g, '')}%`);
  if (q.year !== undefined) sel = sel.where('loss_year', '=', q.year);
  if (lost) sel = sel.where('loss_year', '>=', Number(lost[0].slice(0, 4))).where('loss_year', '<=', Number(lost[1].slice(0, 4)));
  if (born) sel = sel.where('birth_year', '>=', Number(born[0].slice(0, 4))).where('birth_year', '<=', Number(born[1].slice(0, 4)));
  const rows = await sel.orderBy('id').limit(5000).execute();
  const cipher = contactCipher(ctx.secret);
  // Posts whose published name is the query itself (characters, or the first pinyin key) come first; then by id.
  const exact = keys[0] ? ` ${keys[0]} ` : null;
  if (exact) rows.sort((a, b) => Number(!a.search_names.includes(exact)) - Number(!b.search_names.includes(exact)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const matched = rows.map((r) => rowToPost(r, cipher)).filter((p) =>
    ((q.year === undefined && !lost) || (p.consent.lossDate && p.lossDate !== null && (!lost || overlaps(lost, dayRange(p.lossDate))))) &&
    (!born || (p.consent.birthDate && p.birthDate !== null && overlaps(born, dayRange(p.birthDate)))));
  const page = matched.slice(q.offset, q.offset + q.limit);
  const results: PublicPost[] = [];
  for (const p of page) results.push(publicPost(p, { now, photoIds: p.consent.photos ? await photoIdsOf(ctx, p.id) : [] }));
  await appendAudit(ctx, { actor: 'anonymous', action: 'reunion.public.search', recordKind: 'reunion_post', recordIds: results.map((r) => r.id), outcome: 'allowed', detail: { ip: client.ip, criteria: [keys.length ? 'name' : null, place ? 'place' : null, q.year !== undefined ? 'year' : null, lost ? 'lostOn' : null, born ? 'bornOn' : null].filter(Boolean) } });
  return { total: matched.length, results };
}

/** One post's public form; closed posts and unknown ids are not found. */
export async function publicPostById(ctx: PlatformContext, id: string): Promise<PublicPost> {
  const row = await reunionDb(ctx.database.db).selectFrom('reunion_posts').selectAll().where('id', '=', id).where('status', '!=', 'closed').executeTakeFirst();
  if (!row) throw new AppError(E.REUNION_POST_NOT_FOUND, { id });
  const post = rowToPost(row, contactCipher(ctx.secret));
  return publicPost(post, { now: ctx.now(), photoIds: post.consent.photos ? await photoIdsOf(ctx, id) : [] });
}
