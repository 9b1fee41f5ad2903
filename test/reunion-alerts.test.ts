/**
 * Alerts for a newly missing child through the HTTP API on every test dialect: the radius grows
 * with the time since the loss (100 km ≤ 1 h, 200 km ≤ 2 h, 300 km ≤ 3 h, 500 km after) and the
 * recipient set at each elapsed time is exactly the subscribers inside it; a later send reaches
 * only the newly covered ones; the log channel writes one line per delivery; the alert log is kept.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertLogPath, alertRadiusKm, divisionPoint, registerAlertChannel } from '../src/apps/reunion/index.ts';
import { haversineKm } from '../src/engines/resolve/index.ts';
import { testDialects } from '../src/store/testing.ts';
import { openReunionApp, type ReunionTestApp } from './reunion-helpers.ts';

describe('alert radius by elapsed minutes', () => {
  it('is 100 / 200 / 300 / 500 km with boundary minutes in the smaller circle', () => {
    expect([0, 30, 60, 60.5, 120, 120.5, 180, 180.5, 600].map(alertRadiusKm)).toEqual([100, 100, 100, 200, 200, 300, 300, 500, 500]);
  });
  it('places divisions at county points or the mean of their counties', () => {
    const county = divisionPoint('510106')!;
    expect(county.source).toBe('county');
    expect(county.lat).toBeCloseTo(30.69, 1);
    expect(county.lon).toBeCloseTo(104.05, 1);
    expect(divisionPoint('510100')!.source).toBe('prefecture mean');
    expect(haversineKm(county.lat, county.lon, divisionPoint('510100')!.lat, divisionPoint('510100')!.lon)).toBeLessThan(80);
    expect(divisionPoint('510000')!.source).toBe('province mean');
    expect(divisionPoint('990000')).toBeNull();
  });
});

describe.each(testDialects())('reunion alerts on $name', (dialect) => {
  let t: ReunionTestApp;
  const origin = divisionPoint('510106')!;
  const sub: Record<string, number> = {};
  /** Subscribers due north of the origin at the given distance (1° of latitude = 111.195 km on the mean sphere). */
  const north = (km: number) => ({ lat: origin.lat + km / 111.195, lon: origin.lon });
  beforeAll(async () => {
    t = await openReunionApp(dialect, '2026-11-30T02:00:00Z');
    const people: [string, Record<string, unknown>][] = [
      ['near50', { divisionCode: '510106', ...north(50) }], ['mid150', { divisionCode: '510100', ...north(150) }], ['far250', { divisionCode: '510000', ...north(250) }],
      ['far400', { divisionCode: '510000', ...north(400) }], ['out600', { divisionCode: '510000', ...north(600) }], ['jinjiang', { divisionCode: '510104' }],
    ];
    for (const [name, place] of people) {
      const res = await t.call('POST', '/api/reunion/subscribers', { name, channel: 'log', address: '13700000000', ...place }, 'police');
      expect(res.statusCode).toBe(201);
      sub[name] = res.json().subscriberId;
    }
  });
  afterAll(async () => t?.close());

  const newPost = async (name: string) =>
    (await t.call('POST', '/api/reunion/posts', {
      kind: 'familySearch', sex: 'female', name, birthDate: '2021-03-04', lossDate: '2026-11-30', lostAt: '2026-11-30T10:00:00+08:00',
      lossPlace: { divisionCode: '510106', text: '金牛万达广场' }, consent: { sex: true, name: true, lossPlace: true },
    }, 'police')).json().id as string;

  it.each([
    ['2026-11-30T02:30:00Z', 30, 100, ['jinjiang', 'near50']],
    ['2026-11-30T03:30:00Z', 90, 200, ['jinjiang', 'near50', 'mid150']],
    ['2026-11-30T04:30:00Z', 150, 300, ['jinjiang', 'near50', 'mid150', 'far250']],
    ['2026-11-30T06:00:00Z', 240, 500, ['jinjiang', 'near50', 'mid150', 'far250', 'far400']],
  ] as const)('at %s (%i minutes) the radius is %i km and the recipients are exactly %j', async (at, minutes, radius, names) => {
    t.clock.now = new Date('2026-11-30T02:00:00Z');
    const postId = await newPost(`测试${minutes}`);
    t.clock.now = new Date(at);
    const res = await t.call('POST', `/api/reunion/posts/${postId}/alerts`, undefined, 'police');
    expect(res.statusCode).toBe(201);
    const alert = res.json();
    expect(alert).toMatchObject({ elapsedMinutes: minutes, radiusKm: radius, origin: { divisionCode: '510106', source: 'county' }, alreadyAlerted: 0 });
    expect(alert.recipients.map((r: { subscriberId: number }) => r.subscriberId)).toEqual(names.map((n) => sub[n]));
    expect(alert.recipients.every((r: { status: string; distanceKm: number }) => r.status === 'delivered' && r.distanceKm <= radius)).toBe(true);
  });

  it('widens the circle on later sends, reaching only the newly covered subscribers; logs every delivery', async () => {
    t.clock.now = new Date('2026-11-30T02:00:00Z');
    const postId = await newPost('扩大');
    const before = fs.existsSync(alertLogPath(t.ctx)) ? fs.readFileSync(alertLogPath(t.ctx), 'utf8').split('\n').filter(Boolean).length : 0;
    const sends: [string, number[], number][] = [];
    for (const at of ['2026-11-30T02:20:00Z', '2026-11-30T03:10:00Z', '2026-11-30T04:50:00Z', '2026-11-30T05:30:00Z']) {
      t.clock.now = new Date(at);
      const a = (await t.call('POST', `/api/reunion/posts/${postId}/alerts`, undefined, 'police')).json();
      sends.push([a.radiusKm, a.recipients.map((r: { subscriberId: number }) => r.subscriberId), a.alreadyAlerted]);
    }
    expect(sends).toEqual([[100, [sub.jinjiang, sub.near50], 0], [200, [sub.mid150], 2], [300, [sub.far250], 3], [500, [sub.far400], 4]]);
    const lines = fs.readFileSync(alertLogPath(t.ctx), 'utf8').split('\n').filter(Boolean).slice(before).map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.postId, l.subscriberId, l.radiusKm])).toEqual([[postId, sub.jinjiang, 100], [postId, sub.near50, 100], [postId, sub.mid150, 200], [postId, sub.far250, 300], [postId, sub.far400, 500]]);
    expect(lines[0].text).toContain('扩大');
    expect(lines[0].text).not.toContain('金牛万达广场');
    expect(JSON.stringify(lines)).not.toContain('13700000000');
    const log = (await t.call('GET', `/api/reunion/alerts?postId=${postId}`, undefined, 'police')).json().alerts;
    expect(log.map((a: { radiusKm: number; recipients: unknown[] }) => [a.radiusKm, a.recipients.length])).toEqual([[500, 1], [300, 1], [200, 1], [100, 2]]);
  });

  it('delivers through a registered channel and records its failures', async () => {
    const seen: string[] = [];
    registerAlertChannel({ name: 'sms-test', async deliver(_ctx, message, recipient) {
      seen.push(`${recipient.address}:${message.radiusKm}`);
      return recipient.address.endsWith('0') ? { status: 'failed', detail: 'gateway down' } : { status: 'delivered' };
    } });
    t.clock.now = new Date('2026-11-30T02:00:00Z');
    const ok = (await t.call('POST', '/api/reunion/subscribers', { name: 'sms-ok', channel: 'sms-test', address: '13911112221', divisionCode: '510104' }, 'police')).json().subscriberId;
    const down = (await t.call('POST', '/api/reunion/subscribers', { name: 'sms-down', channel: 'sms-test', address: '13911112220', divisionCode: '510104' }, 'police')).json().subscriberId;
    const postId = await newPost('短信');
    t.clock.now = new Date('2026-11-30T02:10:00Z');
    const alert = (await t.call('POST', `/api/reunion/posts/${postId}/alerts`, undefined, 'police')).json();
    expect(alert.recipients.filter((r: { channel: string }) => r.channel === 'sms-test').map((r: { subscriberId: number; status: string }) => [r.subscriberId, r.status])).toEqual([[ok, 'delivered'], [down, 'failed']]);
    expect(seen).toEqual(['13911112221:100', '13911112220:100']);
    const rows = await t.ctx.database.db.selectFrom('reunion_alert_deliveries').select(['subscriber_id', 'status', 'detail']).where('subscriber_id', '=', down).execute();
    expect(rows).toEqual([{ subscriber_id: down, status: 'failed', detail: 'gateway down' }]);
  });

  it('refuses volunteers, posts without a time of loss and unknown channels', async () => {
    t.clock.now = new Date('2026-11-30T02:00:00Z');
    const postId = await newPost('拒绝');
    expect((await t.call('POST', `/api/reunion/posts/${postId}/alerts`, undefined, 'volunteer')).json().error.code).toBe('REUNION_ROLE_DENIED');
    const old = (await t.call('POST', '/api/reunion/posts', { kind: 'familySearch', sex: 'male', name: '旧案', lossDate: '2001', lossPlace: { divisionCode: '510106', text: '' } }, 'police')).json();
    expect((await t.call('POST', `/api/reunion/posts/${old.id}/alerts`, undefined, 'police')).json().error.code).toBe('REUNION_ALERT_NO_LOSS_TIME');
    expect((await t.call('POST', '/api/reunion/subscribers', { name: 'x', channel: 'pager', address: '1', divisionCode: '510106' }, 'police')).json().error.code).toBe('REUNION_CHANNEL_UNKNOWN');
    const subs = (await t.call('GET', '/api/reunion/subscribers', undefined, 'police')).json().subscribers;
    expect(subs[0].address).toBe('137****0000');
  });
});
