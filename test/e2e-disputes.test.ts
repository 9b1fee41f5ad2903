/**
 * End to end in Debian's chromium (issue 5, "What it must show"; C21): a hotline operator enters
 * a neighbour dispute from the keyboard and sees it classified and routed with reasons and SLA
 * clocks; the mediator accepts it, starts mediation, records a session and the agreement (the
 * printable 人民调解协议书 opens), closes it; a follow-up says "not resolved", the case stays
 * closed until the mediator reopens it with a reason (refused without one), and the timeline
 * shows resolved then reopened. Screenshots go to /tmp/gongzhi-screens/disputes-*.png.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppeal } from '../src/apps/disputes/index.ts';
import { FIXTURE_ORGS } from '../src/apps/disputes/testing.ts';
import { saveOrg } from '../src/apps/orgs/index.ts';
import { errorDef } from '../src/core/errors.ts';
import type { PlatformContext } from '../src/platform/module.ts';
import { listAudit } from '../src/security/audit.ts';
import { createUser } from '../src/security/index.ts';
import { SCREENS, loggedInPage, startE2e, pollUntil as poll, type E2eServer } from './e2eHarness.ts';

describe('end to end: hotline intake, mediation, agreement, close, follow-up not resolved, reopen with a reason (C21)', () => {
  let ctx: PlatformContext;
  let browser: Browser;
  let base: string;
  let page: Page;
  let appealNo = '';
  const user = { username: 'e2e-mediator', role: 'regulator', password: crypto.randomBytes(12).toString('base64url'), displayName: '调解员甲' };
  const reopenReason = '回访：当事人表示噪音问题仍未解决';

  let e2e: E2eServer;
  beforeAll(async () => {
    e2e = await startE2e('dsp', async (c) => {
      for (const org of FIXTURE_ORGS) await saveOrg(c, org);
      await createUser(c, user);
      // Six near-identical appeals naming the same estate: one cluster for the early-warning board.
      for (let i = 0; i < 6; i++) {
        await createAppeal(c, { channel: 'hotline', title: '锦绣华庭物业乱收停车费', text: `锦绣华庭小区物业公司擅自上调停车费，业主多次反映无果，第${i + 1}栋业主要求物业公开收费依据。`, divisionCode: '430104' }, { username: 'setup', role: 'admin' });
      }
    });
    ({ ctx, base, browser } = e2e);
    page = await loggedInPage(e2e, user);
  }, 120_000);

  afterAll(async () => {
    await e2e?.stop();
  });

  const shot = (name: string) => page.screenshot({ path: path.join(SCREENS, `disputes-${name}.png`), fullPage: true });
  const state = () => page.textContent('[data-testid=state]');
  const act = async (transition: string) => {
    await page.click(`[data-testid=actions] button[data-transition=${transition}]`);
  };

  it('the operator enters an appeal by keyboard; it is classified and routed with reasons and SLA clocks', async () => {
    await page.click('a[data-page=disputes]');
    await page.waitForSelector('[data-testid=intake]');
    await poll(() => page.textContent('[data-testid=appeal-list], .disputes .muted')).toBeTruthy();
    await shot('01-console-empty');
    // divisionCode has the focus; the rest by Tab, submit with Ctrl+Enter.
    await page.keyboard.type('430104');
    await page.keyboard.press('Tab');
    await page.keyboard.type('麓山路 12 栋');
    await page.keyboard.press('Tab');
    await page.keyboard.type('邻里纠纷');
    await page.keyboard.press('Tab');
    await page.keyboard.type('张三丰');
    await page.keyboard.press('Tab');
    await page.keyboard.type('13812345678');
    await page.fill('textarea[name=text]', '楼上邻居装修噪音扰民，多次沟通无果，邻里关系紧张。');
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('[data-testid=suggestion]');
    appealNo = new URLSearchParams(page.url().split('?')[1] ?? '').get('appeal') ?? '';
    expect(appealNo).not.toBe('');
    await poll(() => state()).toBe('已登记');
    expect(await page.textContent('[data-testid=category]')).toContain('邻里');
    expect(await page.textContent('[data-testid=org]')).toBe('岳麓区和事佬协会 (HSL-430104)');
    expect(await page.locator('[data-testid=routing] .dsp-reasons li').count()).toBeGreaterThan(0);
    expect(await page.textContent('[data-testid=sla]')).toContain('受理');
    // Parties are masked by default: the full phone is not on the page.
    expect(await page.textContent('[data-testid=parties]')).not.toContain('13812345678');
    await shot('02-routed');
  });

  it('the mediator accepts, mediates, records a session and the agreement, prints it and closes', async () => {
    await act('accept');
    await poll(() => state()).toBe('已受理');
    await act('startMediation');
    await poll(() => state()).toBe('调解中');
    const s = page.locator('[data-testid=session-form]');
    await s.locator('input[name=session-place]').fill('社区调解室');
    await s.locator('input[name=session-mediator]').fill('李调解');
    await s.locator('input[name=session-attendees]').fill('张三丰，楼上住户');
    await s.locator('textarea[name=session-notes]').fill('双方陈述，约定施工时间');
    await s.locator('button[type=submit]').click();
    await poll(() => page.locator('[data-testid=timeline] tbody tr').count()).toBeGreaterThanOrEqual(4);
    const a = page.locator('[data-testid=agreement-form]');
    await a.locator('textarea[name=facts]').fill('楼上住户装修噪音影响楼下休息，双方就施工时间有争议。');
    await a.locator('textarea[name=terms]').fill('工作日 8:00—12:00、14:00—18:00 施工\n周末不施工');
    await a.locator('input[name=performance]').fill('自即日起履行');
    await a.locator('input[name=agreement-mediator]').fill('李调解');
    await a.locator('button[type=submit]').click();
    await poll(() => state()).toBe('达成协议');
    expect(await page.locator('[data-testid=agreement] li').allTextContents()).toEqual(['工作日 8:00—12:00、14:00—18:00 施工', '周末不施工']);
    const [doc] = await Promise.all([page.context().waitForEvent('page'), page.click('[data-testid=print-agreement]')]);
    await doc.waitForLoadState();
    expect(await doc.textContent('body')).toContain('人民调解协议书');
    await doc.screenshot({ path: path.join(SCREENS, 'disputes-03-agreement-print.png'), fullPage: true });
    await doc.close();
    await page.setInputFiles('[data-testid=attachments] input[name=attachment]', { name: '施工时间记录.txt', mimeType: 'text/plain', buffer: Buffer.from('工作日 8:00—12:00 施工') });
    await poll(() => page.locator('[data-testid=attachments] li a').allTextContents()).toEqual(['施工时间记录.txt']);
    await act('close');
    await poll(() => state()).toBe('已结案');
  });

  it('a follow-up says not resolved: the case stays closed; reopen is refused without a reason and done with one; the timeline shows resolved then reopened', async () => {
    const f = page.locator('[data-testid=follow-up-form]');
    await f.locator('select[name=satisfaction]').selectOption('2');
    await f.locator('select[name=resolved]').selectOption('no');
    await f.locator('input[name=follow-up-note]').fill('噪音仍在');
    await f.locator('button[type=submit]').click();
    await poll(() => page.locator('[data-testid=follow-ups] li').count()).toBe(1);
    expect(await state()).toBe('已结案');
    await act('reopen');
    await poll(() => page.textContent('[data-testid=actions] [role=alert]')).toBe(`${errorDef('WORKFLOW_REASON_REQUIRED')!.zh.replace('{transition}', 'reopen')} DISPUTES_TRANSITION_REFUSED`);
    expect(await state()).toBe('已结案');
    await shot('04-reopen-refused');
    await page.fill('[data-testid=actions] input[name=reason]', reopenReason);
    await act('reopen');
    await poll(() => state()).toBe('调解中');
    const rows = page.locator('[data-testid=timeline] tbody tr');
    await poll(() => rows.evaluateAll((trs) => trs.map((r) => r.getAttribute('data-transition')))).toEqual(['create', 'assign', 'accept', 'startMediation', 'reachAgreement', 'close', 'reopen']);
    const last = await rows.last().locator('td').allTextContents();
    expect(last.slice(2)).toEqual(['重新调解', 'closed → mediating', user.username, reopenReason]);
    await page.locator('[data-testid=timeline]').scrollIntoViewIfNeeded();
    await shot('05-reopened-timeline');
    const audit = await listAudit(ctx, { limit: 200 });
    expect(audit.some((e) => e.actor === user.username && e.recordIds.includes(appealNo))).toBe(true);
  });

  it('the home dashboard carries the disputes card with today\'s figures', async () => {
    await page.click('a[data-page=dashboard]');
    await poll(() => page.textContent('[data-testid=dsp-received-today]')).toBe('7');
    await page.locator('[data-testid=disputes-card]').screenshot({ path: path.join(SCREENS, 'disputes-10-dashboard-card.png') });
  });

  it('lists the case in the console and reads in English', async () => {
    await page.click('a[data-page=disputes]');
    await poll(() => page.locator(`[data-testid=appeal-list] tr[data-appeal="${appealNo}"]`).count()).toBe(1);
    await page.click('.lang-switch button:has-text("English")');
    await poll(() => page.textContent('[data-testid=intake] h2')).toBe('New appeal (Ctrl+Enter submits)');
    await shot('06-console-english');
    await page.click('.lang-switch button:has-text("中文")');
  });

  it('the registry shows each body with its open cases against capacity and the category volumes chart', async () => {
    await page.click('a[data-page=disputesBodies]');
    const row = page.locator('[data-testid=bodies] tr[data-org=HSL-430104] td');
    await poll(() => row.count()).toBe(10);
    await poll(async () => (await row.allTextContents()).slice(4, 6)).toEqual(['1 / 2', '1']);
    await poll(() => page.locator('[data-testid=bodies] tbody tr').count()).toBe(7);
    await page.selectOption('select[name=kind]', 'mediation_committee');
    await poll(() => page.locator('[data-testid=bodies] tbody tr').evaluateAll((trs) => trs.map((r) => r.getAttribute('data-org')))).toEqual(['MC-430102', 'MC-430104']);
    await page.selectOption('select[name=kind]', '');
    await page.waitForSelector('[data-testid=volumes-chart] canvas');
    // The neighbour dispute met its acceptance and first-contact clocks; the station has no cases.
    await poll(async () => (await page.locator('[data-testid=sla-stats] tr[data-category="矛盾纠纷/婚姻家庭邻里纠纷"] td').allTextContents()).slice(1, 7)).toEqual(['1', '0', '0', '1', '0', '0']);
    expect(await page.locator('[data-testid=stations] tr[data-org=LS-430104] td').allTextContents()).toEqual(['岳麓区公共法律服务站', '430104', '0', '0', '0', '0']);
    await shot('07-bodies');
  });

  it('the early-warning board shows the cluster of appeals naming the same estate, each appeal one click away', async () => {
    await page.click('a[data-page=disputesWarnings]');
    const first = page.locator('[data-testid=clusters] tbody tr').first();
    await poll(() => first.locator('td').nth(1).textContent()).toBe('6');
    expect(await first.locator('td').nth(2).textContent()).toBe('锦绣华庭物业乱收停车费');
    expect(await first.locator('td').first().textContent()).toContain('▲ 0 → 6');
    expect(await first.locator('td').nth(4).textContent()).toContain('锦绣华庭');
    await first.locator('details summary').click();
    expect(await first.locator('details a').count()).toBe(6);
    await shot('08-warnings');
  });

  it('a resident reports online without signing in and checks the progress with the number and phone', async () => {
    const anon = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
    await anon.goto(`${base}/#/public/appeal`);
    const f = anon.locator('[data-testid=public-form]');
    await f.locator('input[name=divisionCode]').fill('430104');
    await f.locator('input[name=title]').fill('小区路灯不亮');
    await f.locator('input[name=name]').fill('王五');
    await f.locator('input[name=phone]').fill('13900001111');
    await f.locator('textarea[name=text]').fill('麓山路小区路灯连续一周不亮，夜间出行不便。');
    await f.locator('button[type=submit]').click();
    await poll(() => anon.textContent('[data-testid=public-done]')).toMatch(/编号 A\d+/);
    await anon.click('[data-testid=progress-form] button[type=submit]');
    await poll(() => anon.textContent('[data-testid=progress] strong')).toBe('已登记');
    expect(await anon.textContent('[data-testid=progress]')).not.toContain('王五');
    await anon.fill('input[name=check-phone]', '13900002222');
    await anon.click('[data-testid=progress-form] button[type=submit]');
    await poll(() => anon.textContent('[data-testid=progress-form] [role=alert]')).toContain('DISPUTES_APPEAL_NOT_FOUND');
    await anon.screenshot({ path: path.join(SCREENS, 'disputes-09-public.png'), fullPage: true });
    await anon.context().close();
  });
});
