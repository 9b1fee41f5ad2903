/**
 * End to end in Debian's chromium (issue 2, "What it must show"): a fresh SQLite platform with
 * a small demo data set, the real module list and the built web app served by buildApp on a
 * random port; a clerk logs in, sees a live validation message for a bad ID number, fixes it,
 * registers a parcel; the dashboard then counts one parcel more. Also: the login error in both
 * languages, the English dashboard, an investigator's look-up with a purpose (masked, audited)
 * and the administrator's audit page with a verified chain. Screenshots of every page go to
 * /tmp/gongzhi-screens/.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parcelStats } from '../src/apps/parcels/index.ts';
import { errorDef } from '../src/core/errors.ts';
import { generateDemo } from '../src/demo/generate.ts';
import type { PlatformContext } from '../src/platform/module.ts';
import { createUser } from '../src/security/index.ts';
import { SCREENS, startE2e, pollUntil as poll, type E2eServer } from './e2eHarness.ts';

const DEMO_PARCELS = 3000;

const password = () => crypto.randomBytes(12).toString('base64url');
const digits = (s: string | null) => Number((s ?? '').replace(/[^0-9]/g, ''));

describe('end to end: register a parcel in the browser and see it counted', () => {
  let ctx: PlatformContext;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  const users = {
    admin: { username: 'e2e-admin', role: 'admin', password: password(), outlet: null as string | null },
    clerk: { username: 'e2e-clerk', role: 'clerk', password: password(), outlet: 'E2E-OUTLET-01' },
    investigator: { username: 'e2e-investigator', role: 'investigator', password: password(), outlet: null as string | null },
  };
  type Who = keyof typeof users;
  const waybillNo = `789${crypto.randomInt(10_000_000, 99_999_999)}${crypto.randomInt(100, 999)}`;
  let adminPage: Page;
  let totalBefore = 0;
  let flaggedBefore = 0;

  let e2e: E2eServer;
  beforeAll(async () => {
    e2e = await startE2e('parcels', async (c) => {
      await generateDemo(c, { parcels: DEMO_PARCELS, days: 30 });
      for (const u of Object.values(users)) await createUser(c, { ...u, displayName: u.username });
    });
    ({ ctx, app, base, browser } = e2e);
  });

  afterAll(async () => {
    await e2e?.stop();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    return page;
  }

  async function login(who: Who): Promise<Page> {
    const page = await newPage();
    await page.goto(`${base}/`);
    await page.fill('input[name=username]', users[who].username);
    await page.fill('input[name=password]', users[who].password);
    await page.click('form button[type=submit]');
    await page.waitForSelector('[data-testid=user-name]');
    return page;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });

  async function readKpis(page: Page): Promise<{ total: number; flagged: number }> {
    await page.waitForSelector('[data-testid=chart-daily] canvas');
    return { total: digits(await page.textContent('[data-testid=kpi-total]')), flagged: digits(await page.textContent('[data-testid=kpi-flagged]')) };
  }

  it('shows the API error of a failed login in the current language', async () => {
    const page = await newPage();
    await page.goto(`${base}/`);
    await page.fill('input[name=username]', users.admin.username);
    await page.fill('input[name=password]', 'not-the-password');
    await page.click('form button[type=submit]');
    const error = page.locator('[data-testid=login-error]');
    await poll(() => error.textContent()).toBe(errorDef('INVALID_CREDENTIALS')!.zh);
    await shot(page, '01-login-error-zh');
    await page.click('.lang-switch button:has-text("English")');
    await poll(() => error.textContent()).toBe(errorDef('INVALID_CREDENTIALS')!.en);
    await poll(() => page.textContent('h1')).toBe('Log in');
    await shot(page, '02-login-error-en');
    await page.context().close();
  });

  it('shows the dashboard with the stored totals and every chart drawn', async () => {
    adminPage = await login('admin');
    await poll(() => adminPage.evaluate(() => window.location.hash)).toBe('#/parcels/dashboard');
    const stats = await parcelStats(ctx);
    expect(stats.total).toBeGreaterThan(DEMO_PARCELS * 0.9);
    await poll(async () => (await readKpis(adminPage)).total).toBe(stats.total);
    ({ total: totalBefore, flagged: flaggedBefore } = await readKpis(adminPage));
    expect(flaggedBefore).toBe(stats.flagged.total);
    for (const chart of ['chart-daily', 'chart-courier', 'chart-flows']) {
      expect(await adminPage.locator(`[data-testid=${chart}] canvas`).count(), chart).toBeGreaterThan(0);
    }
    await adminPage.waitForTimeout(800); // let the ECharts entry animation finish before the screenshot
    await shot(adminPage, '03-dashboard-zh');
    await adminPage.click('.lang-switch button:has-text("English")');
    await poll(() => adminPage.textContent('h1')).toBe('Real-name parcel registration dashboard');
    await adminPage.waitForTimeout(800);
    await shot(adminPage, '04-dashboard-en');
    await adminPage.click('.lang-switch button:has-text("中文")');
    await poll(() => adminPage.textContent('h1')).toBe('寄递实名收寄 看板');

    // one day only: the KPI follows the server's figure for 11 November
    const singlesDay = await parcelStats(ctx, { from: '2026-11-11', to: '2026-11-11' });
    expect(singlesDay.total).toBeGreaterThan(0);
    await adminPage.fill('.range input[type=date] >> nth=0', '2026-11-11');
    await adminPage.fill('.range input[type=date] >> nth=1', '2026-11-11');
    await adminPage.click('.range button[type=submit]');
    await poll(async () => (await readKpis(adminPage)).total).toBe(singlesDay.total);
    await adminPage.click('.range button:has-text("全部日期")');
    await poll(async () => (await readKpis(adminPage)).total).toBe(stats.total);
  });

  it('lets a clerk register a parcel, with a live message for a bad ID number first', async () => {
    const page = await login('clerk');
    await poll(() => page.evaluate(() => window.location.hash)).toBe('#/parcels/register');
    await page.waitForSelector('select[name=courier] option[value=ZTO]', { state: 'attached' });
    await page.fill('input[name=senderName]', '李娜');
    await page.fill('input[name=senderIdNumber]', '110105198808151080');
    const idMsg = page.locator('[data-testid=msgs-senderIdNumber] [data-code=ID_CHECKSUM]');
    await poll(() => idMsg.textContent()).toBe('校验码错误：应为 X，实为 0');
    expect(await idMsg.getAttribute('class')).toContain('msg-error');
    await page.fill('input[name=senderPhone]', '13812345678');
    await page.fill('input[name=senderAddress]', '浙江省杭州市西湖区文三路100号');
    await page.waitForSelector('[data-testid=hints-senderAddress]');
    await shot(page, '05-register-live-error');

    await page.fill('input[name=senderIdNumber]', '11010519880815108X');
    const hints = page.locator('[data-testid=hints-senderIdNumber]');
    await poll(() => hints.textContent()).toContain('1988-08-15');
    expect(await hints.textContent()).toContain('女');
    expect(await hints.textContent()).toContain('北京市');
    expect(await idMsg.count()).toBe(0);

    // submitting without a receiver: the server's per-field errors appear under the fields
    await page.click('.form-actions button[type=submit]');
    await page.waitForSelector('[data-testid=register-failed]');
    expect(await page.locator('[data-field=receiverName] .msg-server').count()).toBeGreaterThan(0);
    expect(await page.textContent('[data-testid=register-failed]')).toContain('收件人 · 姓名');
    await shot(page, '05b-register-server-errors');

    await page.fill('input[name=receiverName]', '王伟');
    await page.fill('input[name=receiverPhone]', '010-88886666');
    await page.fill('input[name=receiverAddress]', '广东省广州市天河区体育西路1号');
    await page.fill('input[name=itemName]', '玩具枪配件');
    await page.fill('input[name=weightGrams]', '500');
    await page.selectOption('select[name=courier]', 'ZTO');
    await page.fill('input[name=waybillNo]', waybillNo);
    await poll(() => page.locator('[data-testid=hints-waybillNo]').textContent()).toContain('中通快递');
    await page.check('input[name=inspected]');
    await shot(page, '06-register-filled');

    await page.click('.form-actions button[type=submit]');
    const success = page.locator('[data-testid=register-success-text]');
    await poll(() => success.textContent()).toMatch(/^登记成功，编号 \d+$/);
    expect(await page.locator('[data-testid=register-flags]').textContent()).toContain('玩具枪');
    await shot(page, '07-register-success');
    await page.click('.lang-switch button:has-text("English")');
    await poll(() => success.textContent()).toMatch(/^Registered, id \d+$/);
    await shot(page, '07-register-success-en');
    await page.click('.lang-switch button:has-text("中文")');

    await page.click('button:has-text("退出登录")');
    await page.waitForSelector('input[name=username]');
    await page.context().close();
  });

  it('counts the new parcel on the dashboard', async () => {
    await adminPage.reload();
    await poll(async () => (await readKpis(adminPage)).total).toBe(totalBefore + 1);
    expect((await readKpis(adminPage)).flagged).toBe(flaggedBefore + 1);
    // the toy-gun parts make at least one flagged category, so the category chart is drawn
    expect(await adminPage.locator('[data-testid=chart-flagged] canvas').count()).toBeGreaterThan(0);
    expect(await adminPage.locator('table >> text=' + waybillNo).count()).toBe(1);
    await adminPage.waitForTimeout(800);
    await shot(adminPage, '08-dashboard-after');
  });

  it('lets an investigator look the parcel up for a stated purpose, masked and audited', async () => {
    const page = await login('investigator');
    await page.goto(`${base}/#/parcels/lookup`);
    await page.selectOption('select[name=courier]', 'ZTO');
    await page.fill('input[name=value]', waybillNo);
    const submit = page.locator('.lookup-form button[type=submit]');
    expect(await submit.isDisabled()).toBe(true);
    await page.fill('input[name=purpose]', '核查涉枪线索');
    await page.fill('input[name=legalBasis]', '刑事案件 A2026-118');
    await submit.click();
    const results = page.locator('[data-testid=lookup-results]');
    await poll(() => results.textContent()).toMatch(/本次查询已记入审计日志第 \d+ 条（事由：核查涉枪线索）/);
    const row = results.locator('tbody tr');
    expect(await row.count()).toBe(1);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(waybillNo);
    // an investigator who stated a purpose sees the full values (src/security/masking.ts DISCLOSURE)
    expect(text).toContain('11010519880815108X');
    expect(text).toContain('李娜');
    expect(text).toContain('玩具枪');
    await shot(page, '09-lookup');
    await page.context().close();
  });

  it('shows the audit log to the administrator and verifies its chain', async () => {
    await adminPage.goto(`${base}/#/audit`);
    const table = adminPage.locator('[data-testid=audit-table]');
    await poll(() => table.textContent()).toContain('核查涉枪线索');
    await adminPage.click('[data-testid=audit-verify]');
    await poll(() => adminPage.textContent('[data-testid=audit-verify-result]')).toMatch(/^哈希链完整：已校验 \d+ 条$/);
    await shot(adminPage, '10-audit');
    await adminPage.click('.lang-switch button:has-text("English")');
    await poll(() => adminPage.textContent('[data-testid=audit-verify-result]')).toMatch(/^Chain intact: \d+ entries checked$/);
    await shot(adminPage, '11-audit-en');
  });
});
