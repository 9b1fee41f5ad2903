/**
 * The public side of reunion through the HTTP API on every test dialect: post intake with
 * cases C16 (impossible dates refused with a coded error) and C17 (2016年7月 kept as the month);
 * search by name in characters or pinyin in either order returning only consented fields and
 * never a contact, a case number or a minor's address; dates in search (C16, C17); contacts for
 * police with a purpose (audited); tips invisible until a moderator approves; rate limits;
 * photos published only with consent and without their EXIF.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TIP_RATE_LIMIT } from '../src/apps/reunion/routes/publicRoutes.ts';
import { listAudit } from '../src/security/audit.ts';
import { testDialects } from '../src/store/testing.ts';
import { openReunionApp, type ReunionTestApp } from './reunion-helpers.ts';

const zhangSan = {
  kind: 'familySearch', sex: 'male', name: '张三', nickname: '三娃', birthDate: '2016年7月', lossDate: '2019-05-03',
  lossPlace: { divisionCode: '510106', text: '金牛区营门口路12号院' }, heightCm: 98,
  marks: { items: [{ kind: 'birthmark', bodyPart: '左手臂', description: '红色胎记' }], text: '' }, dialect: '四川话',
  policeCaseNo: 'A5101062019050300012', dnaStatus: 'in_database',
  contacts: [{ name: '张建国', relation: '父亲', phone: '13812345678', address: '四川省成都市金牛区营门口路12号' }],
  consent: { sex: true, name: true, birthDate: true, lossDate: true, lossPlace: true, marks: true },
};

/** A JPEG skeleton: SOI, APP0 JFIF, APP1 Exif (with a GPS-like text), DQT, SOS + data, EOI. */
function jpegWithExif(): Buffer {
  const seg = (marker: number, body: Buffer) => Buffer.concat([Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]), seg(0xe0, Buffer.from('JFIF\0\x01\x02\0\0\x01\0\x01\0\0', 'latin1')),
    seg(0xe1, Buffer.from('Exif\0\0GPS 30.6799N 104.0536E home', 'latin1')), seg(0xdb, Buffer.alloc(65, 1)),
    seg(0xda, Buffer.from([1, 1, 0, 0, 63, 0])), Buffer.from([0x12, 0xff, 0x00, 0x34]), Buffer.from([0xff, 0xd9]),
  ]);
}

describe.each(testDialects())('reunion public API on $name', (dialect) => {
  let t: ReunionTestApp;
  let postId = '';
  let tipPosts = 0;
  beforeAll(async () => {
    t = await openReunionApp(dialect);
  });
  afterAll(async () => t?.close());

  it('serves exactly the routes README.md lists, each in the OpenAPI document', async () => {
    const readme = fs.readFileSync(path.join(import.meta.dirname, '../src/apps/reunion/README.md'), 'utf8');
    const listed = [...readme.matchAll(/^\| (GET|POST|PUT|PATCH|DELETE) \| `([^`?]+)/gm)].map((m) => `${m[1]} ${m[2]!.replace(/:(\w+)/g, '{$1}')}`).sort();
    const doc = (await t.call('GET', '/api/openapi.json', undefined, null)).json() as { paths: Record<string, Record<string, unknown>> };
    const served = Object.entries(doc.paths).filter(([p]) => p.startsWith('/api/reunion/')).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)).sort();
    expect(listed).toHaveLength(26);
    expect(served).toEqual(listed);
  });

  it('keeps 2016年7月 as the month and 2016年7月5日 as the day (C17)', async () => {
    const res = await t.call('POST', '/api/reunion/posts', zhangSan);
    expect(res.statusCode).toBe(201);
    const post = res.json();
    postId = post.id;
    expect(post.birthDate).toEqual({ year: 2016, month: 7, precision: 'month', calendar: 'gregorian', given: '2016年7月' });
    expect(post.contacts).toEqual([{ name: '张**', relation: '父亲', phone: '138****5678', address: '四川省成都市金牛区' }]);
    const day = (await t.call('POST', '/api/reunion/posts', { ...zhangSan, name: '王五', birthDate: '2016年7月5日' })).json();
    expect(day.birthDate).toMatchObject({ year: 2016, month: 7, day: 5, precision: 'day' });
    const bad = await t.call('POST', '/api/reunion/posts', { ...zhangSan, birthDate: '2016年13月' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('REUNION_DATE_INVALID');
  });

  it.each(['1990-02-30', '1990年2月30日', '1991-02-29'])('refuses the impossible birth date %s with a coded error (C16)', async (value) => {
    const res = await t.call('POST', '/api/reunion/posts', { ...zhangSan, birthDate: value, lossDate: '2000-01-01' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'REUNION_DATE_INVALID', params: { field: 'birthDate', value } });
  });

  it('accepts 2000-02-29 (C16) and converts a lunar birth date', async () => {
    const leap = (await t.call('POST', '/api/reunion/posts', { ...zhangSan, name: '赵六', birthDate: '2000-02-29', lossDate: '2003-01-01' })).json();
    expect(leap.birthDate).toMatchObject({ year: 2000, month: 2, day: 29, precision: 'day' });
    const lunar = (await t.call('POST', '/api/reunion/posts', { ...zhangSan, name: '钱七', birthDate: { calendar: 'lunar', year: 2016, month: 7, day: 5 } })).json();
    expect(lunar.birthDate).toEqual({ year: 2016, month: 8, day: 7, precision: 'day', calendar: 'lunar', given: '农历2016年七月初五' });
    const impossible = await t.call('POST', '/api/reunion/posts', { ...zhangSan, birthDate: { calendar: 'lunar', year: 2016, month: 7, day: 30 } });
    expect(impossible.json().error.code).toBe('REUNION_LUNAR_DATE_INVALID');
  });

  it.each(['张三', 'zhang san', 'san zhang', 'Zhang San', 'zhangsan', 'SAN ZHANG'])('finds the consented post by %s and returns no contact', async (name) => {
    const res = await t.call('GET', `/api/reunion/public/search?name=${encodeURIComponent(name)}`, undefined, null);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.results.map((r: { id: string }) => r.id)).toContain(postId);
    const hit = body.results.find((r: { id: string }) => r.id === postId);
    expect(hit.published).toEqual({
      sex: 'male', name: '张三', birthDate: { year: 2016, month: 7, precision: 'month', given: '2016年7月' },
      lossDate: { year: 2019, month: 5, day: 3, precision: 'day', given: '2019-05-03' },
      lossPlace: { divisionCode: '510106', name: '四川省成都市金牛区' }, marks: '左手臂红色胎记',
    });
    const text = res.body;
    for (const secret of ['13812345678', '5678', '张建国', '营门口路', 'A5101062019050300012', 'in_database', '三娃', 'contacts']) expect(text).not.toContain(secret);
  });

  it('lists the exact name before names that only read alike', async () => {
    const alike = (await t.call('POST', '/api/reunion/posts', { ...zhangSan, name: '章三', id: 'A0000001' })).json();
    const han = (await t.call('GET', `/api/reunion/public/search?name=${encodeURIComponent('章三')}`, undefined, null)).json().results.map((r: { id: string }) => r.id);
    expect(han.slice(0, 1)).toEqual([alike.id]);
    expect(han).toContain(postId);
    const other = (await t.call('GET', `/api/reunion/public/search?name=${encodeURIComponent('张三')}`, undefined, null)).json().results.map((r: { id: string }) => r.id);
    expect(other.indexOf(postId)).toBeLessThan(other.indexOf(alike.id));
  });

  it('does not find a post by a name its poster did not publish; shows an adult\'s place text', async () => {
    const hidden = (await t.call('POST', '/api/reunion/posts', { ...zhangSan, name: '李四', consent: { lossPlace: true } })).json();
    expect((await t.call('GET', `/api/reunion/public/search?name=${encodeURIComponent('李四')}`, undefined, null)).json().results).toEqual([]);
    expect((await t.call('GET', '/api/reunion/public/search?name=li%20si', undefined, null)).json().results).toEqual([]);
    const byPlace = (await t.call('GET', `/api/reunion/public/search?place=${encodeURIComponent('金牛区')}`, undefined, null)).json();
    const seen = byPlace.results.find((r: { id: string }) => r.id === hidden.id);
    expect(seen.published).toEqual({ lossPlace: { divisionCode: '510106', name: '四川省成都市金牛区' } });
    const adult = (await t.call('POST', '/api/reunion/posts', { ...zhangSan, kind: 'childSearch', name: '周八', birthDate: '1990', lossDate: '1995' })).json();
    const shown = (await t.call('GET', `/api/reunion/public/posts/${adult.id}`, undefined, null)).json();
    expect(shown.published.lossPlace).toEqual({ divisionCode: '510106', name: '四川省成都市金牛区', text: '金牛区营门口路12号院' });
    const byCode = (await t.call('GET', '/api/reunion/public/search?place=510100&kind=childSearch', undefined, null)).json();
    expect(byCode.results.map((r: { id: string }) => r.id)).toEqual([adult.id]);
  });

  it('searches dates with their precision (C17) and refuses impossible ones (C16)', async () => {
    const ids = async (qs: string) => (await t.call('GET', `/api/reunion/public/search?${qs}`, undefined, null)).json().results.map((r: { id: string }) => r.id);
    expect(await ids(`name=zhang%20san&lostOn=${encodeURIComponent('2019年5月')}`)).toContain(postId);
    expect(await ids(`name=zhang%20san&lostOn=${encodeURIComponent('2019年6月')}`)).not.toContain(postId);
    expect(await ids(`name=zhang%20san&bornOn=${encodeURIComponent('2016年7月5日')}`)).toContain(postId);
    expect(await ids(`name=zhang%20san&bornOn=2016-08`)).not.toContain(postId);
    expect(await ids('name=zhang%20san&year=2019')).toContain(postId);
    const bad = await t.call('GET', '/api/reunion/public/search?lostOn=2019-02-30', undefined, null);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('REUNION_DATE_INVALID');
    expect((await t.call('GET', '/api/reunion/public/search', undefined, null)).json().error.code).toBe('REUNION_SEARCH_EMPTY');
  });

  it('gives unmasked contacts only to police with a purpose, audited', async () => {
    expect((await t.call('GET', `/api/reunion/posts/${postId}/contacts`, undefined, 'volunteer')).json().error.code).toBe('REUNION_ROLE_DENIED');
    expect((await t.call('GET', `/api/reunion/posts/${postId}/contacts`, undefined, 'police')).json().error.code).toBe('ACCESS_PURPOSE_REQUIRED');
    const ok = await t.call('GET', `/api/reunion/posts/${postId}/contacts?purpose=${encodeURIComponent('联系家属采集DNA')}`, undefined, 'police');
    expect(ok.json().contacts[0].phone).toBe('13812345678');
    const audit = await listAudit(t.ctx, { limit: 100 });
    expect(audit.find((e) => e.action === 'reunion.contact.read' && e.outcome === 'allowed')).toMatchObject({ actor: 'police1', purpose: '联系家属采集DNA', recordIds: [postId] });
  });

  it('holds tips until a moderator approves them', async () => {
    const submit = (text: string) => { tipPosts++; return t.call('POST', `/api/reunion/public/posts/${postId}/tips`, { text, contact: '13900001111' }, null); };
    const a = await submit('2019年5月在营门口路公交站见过一个穿红衣服的男孩');
    expect(a.statusCode).toBe(202);
    const b = await submit('这是一条无关的广告信息');
    expect((await t.call('GET', `/api/reunion/public/posts/${postId}/tips`, undefined, null)).json().tips).toEqual([]);
    const queue = (await t.call('GET', '/api/reunion/tips', undefined, 'volunteer')).json().tips;
    expect(queue.map((x: { tipId: number }) => x.tipId)).toEqual([a.json().tipId, b.json().tipId]);
    expect(queue[0].contact).toBe('139****1111');
    expect((await t.call('POST', `/api/reunion/tips/${a.json().tipId}/moderation`, { decision: 'approve', reason: '内容具体可信' }, 'police')).json().error.code).toBe('REUNION_ROLE_DENIED');
    expect((await t.call('POST', `/api/reunion/tips/${a.json().tipId}/moderation`, { decision: 'approve', reason: '' }, 'volunteer')).json().error.code).toBe('REUNION_REASON_REQUIRED');
    t.clock.now = new Date('2026-11-30T02:30:00Z');
    expect((await t.call('POST', `/api/reunion/tips/${a.json().tipId}/moderation`, { decision: 'approve', reason: '内容具体可信' }, 'volunteer')).json().status).toBe('approved');
    expect((await t.call('POST', `/api/reunion/tips/${b.json().tipId}/moderation`, { decision: 'reject', reason: '广告无关' }, 'volunteer')).json().status).toBe('rejected');
    expect((await t.call('POST', `/api/reunion/tips/${b.json().tipId}/moderation`, { decision: 'approve', reason: '改为通过' }, 'volunteer')).json().error.code).toBe('REUNION_TIP_ALREADY_MODERATED');
    const pub = await t.call('GET', `/api/reunion/public/posts/${postId}/tips`, undefined, null);
    expect(pub.json().tips).toEqual([{ tipId: a.json().tipId, text: '2019年5月在营门口路公交站见过一个穿红衣服的男孩', approvedAt: '2026-11-30T02:30:00.000Z' }]);
    expect(pub.body).not.toContain('13900001111');
    const audit = await listAudit(t.ctx, { limit: 200 });
    expect(audit.filter((e) => e.action === 'reunion.tip.submit').map((e) => e.actor)).toEqual(['anonymous', 'anonymous']);
    expect(audit.filter((e) => e.action === 'reunion.tip.moderate' && e.detail.decision).map((e) => [e.actor, e.detail.decision])).toEqual([['volunteer1', 'reject'], ['volunteer1', 'approve']]);
  });

  it('rate-limits tip submissions per client address', async () => {
    const statuses: number[] = [];
    while (tipPosts < TIP_RATE_LIMIT.max + 1) {
      tipPosts++;
      statuses.push((await t.call('POST', `/api/reunion/public/posts/${postId}/tips`, { text: '重复提交的线索内容' }, null)).statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 202)).toBe(true);
  });

  it('publishes a photo only with consent, without its EXIF', async () => {
    const up = await t.call('POST', `/api/reunion/posts/${postId}/photos`, { dataBase64: jpegWithExif().toString('base64') });
    expect(up.statusCode).toBe(201);
    expect(up.json().removed).toEqual(['APP1 Exif']);
    const url = `/api/reunion/public/photos/${up.json().photoId}`;
    expect((await t.call('GET', url, undefined, null)).statusCode).toBe(404);
    await t.call('PUT', `/api/reunion/posts/${postId}/consent`, { ...zhangSan.consent, photos: true });
    const photo = await t.call('GET', url, undefined, null);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect(photo.rawPayload.includes(Buffer.from('Exif'))).toBe(false);
    expect(photo.rawPayload.includes(Buffer.from('GPS'))).toBe(false);
    expect(photo.rawPayload.subarray(-6)).toEqual(Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd9]));
    const found = (await t.call('GET', '/api/reunion/public/search?name=zhang%20san', undefined, null)).json().results.find((r: { id: string }) => r.id === postId);
    expect(found.published.photos).toEqual([up.json().photoId]);
    const bad = await t.call('POST', `/api/reunion/posts/${postId}/photos`, { dataBase64: Buffer.from('GIF89a-not-allowed').toString('base64') });
    expect(bad.json().error.code).toBe('REUNION_PHOTO_UNSUPPORTED');
  });
});
