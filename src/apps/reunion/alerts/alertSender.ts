/**
 * Alerts for a newly missing child (after the police emergency platform for missing children,
 * 团圆系统): recipients are the active subscribers whose point (their own lat/lon, else their
 * division's point) lies within a radius that grows with the time since the loss — 100 km in
 * the first hour, 200 km within 2 hours, 300 km within 3 hours, 500 km after. Each send reaches
 * only subscribers not yet alerted for the post, so a later send widens the circle. Every
 * alert and delivery is stored (the alert log) and audited.
 */
import { AppError } from '../../../core/errors.ts';
import { haversineKm } from '../../../engines/resolve/index.ts';
import type { PlatformContext } from '../../../platform/module.ts';
import { appendAudit } from '../../../security/audit.ts';
import { maskPhone } from '../../../security/masking.ts';
import type { ReunionActor } from '../access.ts';
import { ReunionErrors as E } from '../errors.ts';
import { publicFields } from '../publicView.ts';
import { contactCipher } from '../postRepository.ts';
import { loadPost } from '../postService.ts';
import { reunionDb } from '../schema.ts';
import { alertChannel } from './channels.ts';
import { divisionPoint } from './centroids.ts';

/**
 * Alert radius in km for the minutes elapsed since the loss: ≤ 60 → 100, ≤ 120 → 200,
 * ≤ 180 → 300, else 500 (a boundary minute belongs to the smaller circle).
 */
export function alertRadiusKm(elapsedMinutes: number): 100 | 200 | 300 | 500 {
  if (elapsedMinutes <= 60) return 100;
  if (elapsedMinutes <= 120) return 200;
  if (elapsedMinutes <= 180) return 300;
  return 500;
}

/** A subscriber as sent. */
export interface SubscriberInput {
  readonly name: string;
  readonly channel: string;
  readonly address: string;
  readonly divisionCode: string;
  readonly lat?: number | undefined;
  readonly lon?: number | undefined;
}

/**
 * Add an alert subscriber (address encrypted at rest).
 * @throws AppError REUNION_CHANNEL_UNKNOWN, REUNION_DIVISION_INVALID (no point for the code and no lat/lon).
 */
export async function addSubscriber(ctx: PlatformContext, s: SubscriberInput): Promise<{ subscriberId: number }> {
  if (!alertChannel(s.channel)) throw new AppError(E.REUNION_CHANNEL_UNKNOWN, { channel: s.channel });
  const hasPoint = typeof s.lat === 'number' && typeof s.lon === 'number';
  if (!hasPoint && !divisionPoint(s.divisionCode)) throw new AppError(E.REUNION_DIVISION_INVALID, { field: 'divisionCode', value: s.divisionCode });
  const row = await reunionDb(ctx.database.db).insertInto('reunion_subscribers').values({
    name: s.name, channel: s.channel, address_enc: contactCipher(ctx.secret).encrypt(s.address), division_code: s.divisionCode,
    lat: hasPoint ? s.lat! : null, lon: hasPoint ? s.lon! : null, active: 1, created_at: ctx.now().toISOString(),
  }).returning('id').executeTakeFirstOrThrow();
  return { subscriberId: Number(row.id) };
}

/** Subscribers with masked addresses. */
export async function listSubscribers(ctx: PlatformContext) {
  const rows = await reunionDb(ctx.database.db).selectFrom('reunion_subscribers').selectAll().orderBy('id').execute();
  const cipher = contactCipher(ctx.secret);
  return rows.map((r) => ({ subscriberId: Number(r.id), name: r.name, channel: r.channel, address: maskPhone(cipher.decrypt(r.address_enc)), divisionCode: r.division_code, lat: r.lat, lon: r.lon, active: Number(r.active) === 1 }));
}

/** One recipient of an alert. */
export interface AlertRecipientView { readonly subscriberId: number; readonly name: string; readonly distanceKm: number; readonly channel: string; readonly status: string }

/** An alert as stored and returned. */
export interface AlertView {
  readonly alertId: number;
  readonly postId: string;
  readonly sentAt: string;
  readonly elapsedMinutes: number;
  readonly radiusKm: number;
  readonly origin: { readonly divisionCode: string; readonly lat: number; readonly lon: number; readonly source: string };
  /** Newly alerted subscribers, nearest first. */
  readonly recipients: readonly AlertRecipientView[];
  /** Subscribers inside the radius already alerted by an earlier send. */
  readonly alreadyAlerted: number;
}

function alertText(post: Awaited<ReturnType<typeof loadPost>>, lostAt: string): string {
  const pub = publicFields(post, { now: new Date(lostAt) });
  const parts = [`走失预警：${post.sex === 'female' ? '女孩' : '男孩'}`];
  if (pub.name) parts.push(`姓名${pub.name}`);
  if (pub.nickname) parts.push(`小名${pub.nickname}`);
  if (pub.heightCm) parts.push(`身高约${pub.heightCm}厘米`);
  parts.push(`于 ${lostAt} 在${pub.lossPlace?.name ?? '（地点未公开）'}走失`);
  if (pub.marks) parts.push(`特征：${pub.marks}`);
  return parts.join('，');
}

/**
 * Send an alert for post `postId` at `ctx.now()`.
 * @throws AppError REUNION_POST_NOT_FOUND; REUNION_ALERT_NO_LOSS_TIME (post without lostAt);
 *   REUNION_ALERT_NO_PLACE (no place of loss, or no point for it).
 */
export async function sendAlert(ctx: PlatformContext, postId: string, actor: ReunionActor): Promise<AlertView> {
  const post = await loadPost(ctx, postId);
  if (!post.lostAt) throw new AppError(E.REUNION_ALERT_NO_LOSS_TIME, { id: postId });
  const code = post.lossPlace?.divisionCode ?? '';
  const origin = code ? divisionPoint(code) : null;
  if (!origin) throw new AppError(E.REUNION_ALERT_NO_PLACE, { id: postId, code: code || '—' });
  const now = ctx.now();
  const elapsedMinutes = Math.max(0, (now.getTime() - Date.parse(post.lostAt)) / 60_000);
  const radiusKm = alertRadiusKm(elapsedMinutes);
  const db = reunionDb(ctx.database.db);
  const subscribers = await db.selectFrom('reunion_subscribers').selectAll().where('active', '=', 1).orderBy('id').execute();
  const done = new Set((await db.selectFrom('reunion_alert_deliveries').select('subscriber_id').where('post_id', '=', postId).execute()).map((r) => Number(r.subscriber_id)));
  const inside = subscribers.map((s) => {
    const p = s.lat != null && s.lon != null ? { lat: Number(s.lat), lon: Number(s.lon) } : divisionPoint(s.division_code);
    return { s, distanceKm: p ? Math.round(haversineKm(origin.lat, origin.lon, p.lat, p.lon) * 10) / 10 : Infinity };
  }).filter((x) => x.distanceKm <= radiusKm).sort((a, b) => a.distanceKm - b.distanceKm || Number(a.s.id) - Number(b.s.id));
  const fresh = inside.filter((x) => !done.has(Number(x.s.id)));
  const sentAt = now.toISOString();
  const alert = await db.insertInto('reunion_alerts').values({
    post_id: postId, sent_at: sentAt, elapsed_minutes: Math.round(elapsedMinutes * 10) / 10, radius_km: radiusKm, origin_code: code,
    origin_lat: origin.lat, origin_lon: origin.lon, recipients: fresh.length, actor: actor.username, role: actor.platformRole,
  }).returning('id').executeTakeFirstOrThrow();
  const alertId = Number(alert.id);
  const message = { alertId, postId, text: alertText(post, post.lostAt), radiusKm };
  const cipher = contactCipher(ctx.secret);
  const recipients: AlertRecipientView[] = [];
  for (const { s, distanceKm } of fresh) {
    const channel = alertChannel(s.channel);
    const result = channel
      ? await channel.deliver(ctx, message, { subscriberId: Number(s.id), name: s.name, address: cipher.decrypt(s.address_enc), distanceKm }).catch((e: Error) => ({ status: 'failed' as const, detail: e.message }))
      : { status: 'failed' as const, detail: `no channel ${s.channel}` };
    await db.insertInto('reunion_alert_deliveries').values({ alert_id: alertId, post_id: postId, subscriber_id: Number(s.id), distance_km: distanceKm, channel: s.channel, status: result.status, detail: result.detail ?? null, at: ctx.now().toISOString() }).execute();
    recipients.push({ subscriberId: Number(s.id), name: s.name, distanceKm, channel: s.channel, status: result.status });
  }
  await appendAudit(ctx, { actor: actor.username, role: actor.platformRole, action: 'reunion.alert.send', recordKind: 'reunion_post', recordIds: [postId], outcome: 'allowed', detail: { alertId, radiusKm, recipients: fresh.length } });
  return { alertId, postId, sentAt, elapsedMinutes: Math.round(elapsedMinutes * 10) / 10, radiusKm, origin: { divisionCode: code, lat: origin.lat, lon: origin.lon, source: origin.source }, recipients, alreadyAlerted: inside.length - fresh.length };
}

/** The alert log (newest first), optionally of one post, with each alert's deliveries. */
export async function listAlerts(ctx: PlatformContext, postId?: string) {
  const db = reunionDb(ctx.database.db);
  let q = db.selectFrom('reunion_alerts').selectAll();
  if (postId) q = q.where('post_id', '=', postId);
  const alerts = await q.orderBy('id', 'desc').limit(200).execute();
  const ids = alerts.map((a) => Number(a.id));
  const deliveries = ids.length ? await db.selectFrom('reunion_alert_deliveries').selectAll().where('alert_id', 'in', ids).orderBy('id').execute() : [];
  return alerts.map((a) => ({
    alertId: Number(a.id), postId: a.post_id, sentAt: a.sent_at, elapsedMinutes: Number(a.elapsed_minutes), radiusKm: Number(a.radius_km), originCode: a.origin_code,
    recipients: deliveries.filter((d) => Number(d.alert_id) === Number(a.id)).map((d) => ({ subscriberId: Number(d.subscriber_id), distanceKm: Number(d.distance_km), channel: d.channel, status: d.status })),
    actor: a.actor,
  }));
}
