/**
 * End to end in Debian's chromium (issue 4, "What it must show"): without login, the public
 * search finds a consented post of a minor by pinyin in either order and shows no contact and no
 * exact address; a tip is accepted as held for moderation, a volunteer approves it in the queue
 * and only then does the public see it; a volunteer computes the candidates of a child post,
 * opens the explanation of the true family post, starts the review and recommends a DNA
 * comparison with a reason, and the timeline shows both steps with actor and reason; police
 * register a newly missing child and send an alert that reaches the nearby subscriber; the
 * public search shows the rate-limit notice once the per-address limit is spent.
 * Screenshots go to /tmp/gongzhi-screens/reunion-*.png.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSubscriber, createPost, loadReunionDemo } from '../src/apps/reunion/index.ts';
import { demoPosts } from '../src/apps/reunion/posts/demo.ts';
import { PUBLIC_RATE_LIMIT } from '../src/apps/reunion/routes/publicRoutes.ts';
import type { PlatformContext } from '../src/platform/module.ts';
import { listAudit } from '../src/security/audit.ts';
import { createUser } from '../src/security/index.ts';
import { SCREENS, startE2e, pollUntil as poll, type E2eServer } from './e2eHarness.ts';

const SIZES = { families: 600, children: 500, pairs: 150, nearMisses: 15, seed: 11 };
const demo = demoPosts(SIZES);
const [childIndex, familyIndex] = [...demo.truth.familyOf].map((f, c) => [c, f] as const).find(([, f]) => f >= 0)!;
const childId = demo.children[childIndex]!.id;
const familyId = demo.families[familyIndex]!.id;

/** A minor's family post: name, 小名, dates, place and marks published; the address and the contacts never. */
const MINOR = {
  id: 'F-E2E-0001', kind: 'familySearch' as const, sex: 'female' as const, name: '欧阳晓婷', nickname: '婷婷', birthDate: '2019年3月', lossDate: '2024-08-15',
  lossPlace: { divisionCode: '510106', text: '成都市金牛区茶店子街道某小区7栋2单元' }, heightCm: 105, marks: { items: [{ kind: 'birthmark' as const, bodyPart: '左手腕', description: '红色胎记' }], text: '' },
  contacts: [{ name: '欧阳建国', relation: '父亲', phone: '13812345678', address: '成都市金牛区茶店子街道某小区7栋2单元' }],
  policeCaseNo: 'A5101060000002024080001',
  consent: { sex: true, name: true, nickname: true, birthDate: true, lossDate: true, lossPlace: true, heightCm: true, marks: true },
};

/** A minimal JPEG carrying an Exif segment with a GPS position and a comment (as src/apps/reunion/photos.test.ts builds them). */
function jpegWithExif(): Buffer {
  const seg = (marker: number, body: Buffer | string) => {
    const b = typeof body === 'string' ? Buffer.from(body, 'latin1') : body;
    return Buffer.concat([Buffer.from([0xff, marker, (b.length + 2) >> 8, (b.length + 2) & 0xff]), b]);
  };
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]), seg(0xe0, 'JFIF\0\x01\x02\0\0\x01\0\x01\0\0'), seg(0xe1, 'Exif\0\0MM\0*GPSLatitude 30.68'), seg(0xfe, 'taken at home'),
    seg(0xdb, Buffer.alloc(65, 2)), seg(0xc0, Buffer.from([8, 0, 1, 0, 1, 1, 1, 0x11, 0])), seg(0xda, Buffer.from([1, 1, 0, 0, 63, 0])), Buffer.from([9, 8, 7]), Buffer.from([0xff, 0xd9]),
  ]);
}

describe('end to end: public search by pinyin without contacts, a volunteer reviews a candidate', () => {
  let ctx: PlatformContext;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];
  const pw = () => crypto.randomBytes(12).toString('base64url');
  const volunteer = { username: 'e2e-volunteer', role: 'viewer', password: pw(), displayName: '志愿者小李' };
  const police = { username: 'e2e-police', role: 'investigator', password: pw(), displayName: '民警老王' };

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    return page;
  }

  async function signedIn(user: { username: string; password: string }): Promise<Page> {
    const page = await newPage();
    await page.goto(`${base}/`);
    await page.fill('input[name=username]', user.username);
    await page.fill('input[name=password]', user.password);
    await page.click('form button[type=submit]');
    await page.waitForSelector('[data-testid=user-name]');
    return page;
  }

  let publicPage: Page | null = null;
  /** One page without a session, shared by the public tests. */
  async function asPublic(): Promise<Page> {
    publicPage ??= await newPage();
    return publicPage;
  }

  let volunteerPage: Page | null = null;
  /** The volunteer's signed-in page, shared by the tests (one sign-in). */
  async function asVolunteer(): Promise<Page> {
    volunteerPage ??= await signedIn(volunteer);
    return volunteerPage;
  }

  const shot = async (page: Page, name: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SCREENS, `reunion-${name}.png`), fullPage: true });
  };

  let e2e: E2eServer;
  beforeAll(async () => {
    e2e = await startE2e('reu', async (c) => {
      await loadReunionDemo(c, { ...SIZES, progress: false });
      await createPost(c, MINOR, { username: 'setup', platformRole: 'admin', role: 'admin' });
      await addSubscriber(c, { name: '金牛区茶店子派出所', channel: 'log', address: '13900000001', divisionCode: '510106' });
      await addSubscriber(c, { name: '拉萨市城关区派出所', channel: 'log', address: '13900000002', divisionCode: '540102' });
      await createUser(c, volunteer);
      await createUser(c, police);
    });
    ({ ctx, base, browser } = e2e);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await e2e?.stop();
  });

  it('finds the consented post by pinyin in either order, without login, and shows no contact or exact address', async () => {
    const page = await asPublic();
    await page.goto(`${base}/#/public/search`);
    await page.waitForSelector('[data-testid=public-search-form]');
    expect(await page.isVisible('[data-testid=user-name]')).toBe(false);
    await page.fill('input[name=name]', 'xiaoting ouyang');
    await page.click('[data-testid=public-search-form] button[type=submit]');
    const card = page.locator(`[data-testid=public-post][data-post=${MINOR.id}]`);
    await poll(() => card.count()).toBe(1);
    const text = (await card.textContent())!;
    expect(text).toContain('欧阳晓婷');
    expect(text).toContain('左手腕红色胎记');
    expect(text).toContain('四川省成都市金牛区');
    const body = (await page.textContent('body'))!;
    for (const secret of ['13812345678', '5678', '欧阳建国', '茶店子街道', 'A5101060000002024080001']) expect(body, secret).not.toContain(secret);
    expect(page.url()).toContain('name=xiaoting+ouyang');
    await shot(page, '01-public-search');

    await page.fill('input[name=name]', 'ouyang xiaoting');
    await page.click('[data-testid=public-search-form] button[type=submit]');
    await poll(() => page.locator(`[data-testid=public-post][data-post=${MINOR.id}]`).count()).toBe(1);
    const searched = (await listAudit(ctx, { limit: 20 })).find((e) => e.action === 'reunion.public.search');
    expect(searched).toMatchObject({ actor: 'anonymous', outcome: 'allowed' });
    expect(searched!.recordIds).toContain(MINOR.id);
  });

  it('holds a tip for moderation; it is public only after a volunteer approves it', async () => {
    const page = await asPublic();
    await page.goto(`${base}/#/public/search?name=ouyang+xiaoting&post=${MINOR.id}`);
    await page.waitForSelector('[data-testid=tip-form]');
    expect(await page.textContent('[data-testid=tip-moderated]')).toContain('审核通过前任何人都看不到');
    const tip = '2024年8月16日上午在茶店子客运站见过一个穿红衣服的小女孩，由一名中年男子带着';
    await page.fill('[data-testid=tip-form] textarea[name=text]', tip);
    await page.fill('[data-testid=tip-form] input[name=contact]', '13698765432');
    await page.click('[data-testid=tip-form] button[type=submit]');
    await poll(() => page.textContent('[data-testid=tip-sent]')).toMatch(/线索（编号 \d+）已提交，正在等待审核/);
    expect(await page.textContent('[data-testid=public-tips]')).not.toContain(tip);
    await shot(page, '02-tip-pending');

    const vol = await asVolunteer();
    await vol.goto(`${base}/#/reunion/tips`);
    const row = vol.locator('[data-testid=tip-queue] tbody tr').filter({ hasText: tip });
    await poll(() => row.count()).toBe(1);
    expect(await row.textContent()).not.toContain('13698765432');
    expect(await row.textContent()).toContain('136****5432');
    await row.locator('input[name=reason]').fill('线索具体，已转民警核实');
    await shot(vol, '03-tip-queue');
    await row.locator('button[data-decision=approve]').click();
    await poll(() => vol.locator('[data-testid=tip-queue] tbody tr').filter({ hasText: tip }).count()).toBe(0);

    await page.reload();
    await poll(() => page.textContent('[data-testid=public-tips]')).toContain(tip);
    expect(await page.textContent('body')).not.toContain('13698765432');
    await shot(page, '04-tip-approved');
  });

  it('a volunteer reviews a candidate with its explanation, and the timeline shows each step', async () => {
    const page = await asVolunteer();
    const nav = await page.locator('a[data-page]').evaluateAll((as) => as.map((a) => a.getAttribute('data-page')));
    expect(nav).toEqual(expect.arrayContaining(['reunionPosts', 'reunionTips']));
    expect(nav).not.toContain('reunionAlerts');
    await page.click('a[data-page=reunionPosts]');
    await poll(() => page.locator('[data-testid=post-list] tbody tr').count()).toBe(50);
    await page.goto(`${base}/#/reunion/posts?post=${childId}`);
    await poll(() => page.textContent('[data-testid=post-state]')).toBe('寻找中');
    await page.click('[data-testid=compute-candidates]');
    const cand = page.locator(`[data-candidate][data-other=${familyId}]`);
    await poll(() => cand.count()).toBe(1);
    expect(await cand.getAttribute('data-review')).toBe('pending');
    if ((await cand.locator('[data-testid=explanation]').count()) === 0) await cand.locator('button.reu-push').click();
    const rows = cand.locator('[data-testid=explanation] tbody tr[data-field]');
    await poll(() => rows.count()).toBe(15);
    expect(await cand.locator('[data-testid=explanation] tr[data-field=lossPlace] td').first().textContent()).toBe('走失地点');
    expect(await cand.textContent()).toContain('一致');
    await shot(page, '05-candidates');

    await cand.locator('button[data-transition=openReview]').click();
    await poll(() => cand.getAttribute('data-review')).toBe('under_review');
    await poll(() => page.textContent('[data-testid=post-state]')).toBe('候选审核中');
    await cand.locator('button[data-transition=recommendDna]').click();
    await cand.locator('[data-testid=reason-form] button[type=submit]').click();
    await poll(() => cand.locator('[role=alert]').textContent()).toContain('REUNION_TRANSITION_REFUSED');
    const reason = '出生年月、走失年份与地市一致，记忆中的河与池塘吻合，建议采血比对';
    await cand.locator('[data-testid=reason-form] textarea[name=reason]').fill(reason);
    await cand.locator('[data-testid=reason-form] button[type=submit]').click();
    await poll(() => cand.getAttribute('data-review')).toBe('recommended');
    await poll(() => page.textContent('[data-testid=post-state]')).toBe('DNA比对中');
    const timeline = page.locator('[data-testid=timeline-table] tbody tr');
    await poll(() => timeline.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-transition')))).toEqual(['create', 'openReview', 'recommendDna']);
    const last = (await timeline.nth(2).locator('td').allTextContents());
    expect(last.slice(1, 5)).toEqual(['建议DNA比对', '候选审核中 → DNA比对中', volunteer.username, '志愿者']);
    expect(last[6]).toBe(reason);
    expect(await cand.locator('button[data-transition]').count()).toBe(0);
    await shot(page, '06-reviewed-timeline');

    await page.click('.lang-switch button:has-text("English")');
    await poll(() => timeline.nth(2).locator('td').nth(1).textContent()).toBe('recommend a DNA comparison');
    expect(await cand.locator('[data-testid=candidate-review]').textContent()).toBe('DNA comparison recommended');
    await shot(page, '07-english');
    await page.click('.lang-switch button:has-text("中文")');
  });

  it('police see contacts masked, unmask them only with a purpose, and send an alert that reaches the nearby subscriber', async () => {
    const page = await signedIn(police);
    await page.goto(`${base}/#/reunion/posts?post=${MINOR.id}`);
    const contacts = page.locator('[data-testid=contacts]');
    await poll(() => contacts.textContent()).toContain('138****5678');
    expect(await contacts.textContent()).not.toContain('13812345678');
    await contacts.locator('button').click();
    await contacts.locator('[data-testid=reveal-form] button[type=submit]').click();
    await poll(() => contacts.locator('[role=alert]').textContent()).toContain('ACCESS_PURPOSE_REQUIRED');
    await contacts.locator('input[name=purpose]').fill('联系家属核实走失经过');
    await contacts.locator('[data-testid=reveal-form] button[type=submit]').click();
    await poll(() => page.textContent('[data-testid=contacts-unmasked]')).toContain('13812345678');
    const read = (await listAudit(ctx, { limit: 30 })).find((e) => e.action === 'reunion.contact.read' && e.outcome === 'allowed');
    expect(read).toMatchObject({ actor: police.username, purpose: '联系家属核实走失经过', recordIds: [MINOR.id] });
    expect(await page.getAttribute('[data-testid=consent] [data-consent=memories]', 'data-on')).toBe('false');
    expect(await page.textContent('[data-testid=post-fields] [data-field=lossPlace]')).toContain('公开（未成年人：仅区县）');
    await page.setInputFiles('[data-testid=photos] input[type=file]', { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: jpegWithExif() });
    await poll(() => page.textContent('[data-testid=photos] [data-photo]')).toMatch(/照片 \d+ 已保存（\d+ 字节），已去除：APP1 Exif, COM/);
    await page.click('[data-testid=post-transition]');
    expect(await page.textContent('.reu-reason-form')).toContain('结案');
    await shot(page, '08-police-post');
    await page.click('.reu-reason-form .btn:not(.btn-primary)');

    await page.click('a[data-page=reunionAlerts]');
    const form = page.locator('[data-testid=new-missing-form]');
    await form.locator('input[name=name]').fill('李小宝');
    await form.locator('input[name=nickname]').fill('宝宝');
    await form.locator('input[name=birthDate]').fill('2021-06');
    await form.locator('input[name=divisionCode]').fill('510106');
    await form.locator('input[name=placeText]').fill('金牛万达广场北门');
    await form.locator('input[name=heightCm]').fill('98');
    await form.locator('input[name=marks]').fill('蓝色上衣，黄色雨靴');
    await form.locator('input[name=contactName]').fill('李强');
    await form.locator('input[name=contactRelation]').fill('父亲');
    await form.locator('input[name=contactPhone]').fill('13711112222');
    for (const c of ['sex', 'name', 'nickname', 'heightCm', 'marks', 'lossPlace']) await form.locator(`input[name=consent-${c}]`).check();
    await form.locator('button[type=submit]').click();
    await poll(() => page.textContent('[data-testid=created]')).toMatch(/已登记帖子 F[0-9a-f]{12}/);
    expect(await page.getAttribute('[data-testid=radius-rule] tr.reu-rule-now', 'data-km')).toBe('100');
    await page.click('[data-testid=send-alert]');
    const result = page.locator('[data-testid=alert-result]');
    await poll(() => result.textContent()).toContain('当前半径 100 公里');
    expect(await result.locator('[data-testid=alert-recipients] tbody tr').allTextContents()).toEqual([expect.stringContaining('金牛区茶店子派出所')]);
    expect(await result.textContent()).not.toContain('拉萨');
    await poll(() => page.locator('[data-testid=alert-log] tbody tr').count()).toBe(1);
    await shot(page, '09-alert');
  });

  it('shows the rate-limit notice once the public search limit is spent', async () => {
    const page = await asPublic();
    await page.goto(`${base}/#/public/search`);
    await page.waitForSelector('[data-testid=public-search-form]');
    const statuses = await page.evaluate(async (n) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push((await fetch('/api/reunion/public/search?year=2010&limit=1')).status);
      return out;
    }, PUBLIC_RATE_LIMIT.max + 1);
    expect(statuses.at(-1)).toBe(429);
    await page.fill('input[name=name]', '欧阳晓婷');
    await page.click('[data-testid=public-search-form] button[type=submit]');
    await poll(() => page.textContent('[data-testid=rate-limited]')).toContain('公开检索限制了频率');
    expect(await page.textContent('[data-testid=rate-limited]')).toContain('RATE_LIMITED');
    await shot(page, '10-rate-limited');
  });
});
