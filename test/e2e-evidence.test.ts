/**
 * End to end in Debian's chromium (issue 6, "What it must show"): an investigator opens a case
 * file, sees the missing weapon as a blocking gap in the checklist and the report, is refused an
 * override without a reason, attaches the missing item and sees the gate pass; an override with
 * a reason on another case appears in the report and the trail; the report prints without the
 * navigation and forms, and reads in English. Screenshots go to /tmp/gongzhi-screens/evidence-*.png.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseFile, generateEvidenceDemo, loadEvidenceDemo } from '../src/apps/evidence/index.ts';
import { errorDef } from '../src/core/errors.ts';
import type { PlatformContext } from '../src/platform/module.ts';
import { listAudit } from '../src/security/audit.ts';
import { createUser } from '../src/security/index.ts';
import { SCREENS, loggedInPage, startE2e, pollUntil as poll, type E2eServer } from './e2eHarness.ts';

describe('end to end: a gap in a case file, the missing item attached, the gate passes', () => {
  let ctx: PlatformContext;
  let base: string;
  let page: Page;
  const user = { username: 'e2e-officer', role: 'investigator', password: crypto.randomBytes(12).toString('base64url'), displayName: 'e2e-officer' };
  const demo = generateEvidenceDemo();
  const complete = demo.files[0]!; // intentional homicide, complete
  const weapon = complete.items.find((i) => i.key === 'E06')!;
  const custodyCase = demo.files[3]!; // homicide with a broken custody chain on E06

  let e2e: E2eServer;
  beforeAll(async () => {
    e2e = await startE2e('ev', async (c) => {
      await loadEvidenceDemo(c);
      await createCaseFile(c, { ...complete, caseNo: 'E2E-0001', stage: 'transfer_for_prosecution', items: complete.items.filter((i) => i.key !== 'E06') }, { username: 'setup', role: 'admin' });
      await createUser(c, user);
    });
    ({ ctx, base } = e2e);
    page = await loggedInPage(e2e, user);
  });

  afterAll(async () => {
    await e2e?.stop();
  });

  const shot = (name: string) => page.screenshot({ path: path.join(SCREENS, `evidence-${name}.png`), fullPage: true });

  it('lists the case files with their gates', async () => {
    await page.click('a[data-page=evidence]');
    await page.waitForSelector('[data-testid=evidence-case-list]');
    await poll(() => page.locator('[data-testid=evidence-case-list] tbody tr').count()).toBe(33);
    await poll(() => page.textContent('tr[data-case=E2E-0001] .ev-badge')).toBe('不通过');
    await poll(() => page.textContent(`tr[data-case=${complete.caseNo}] .ev-badge`)).toBe('通过');
    await shot('01-case-list');
  });

  it('opens the case file and sees the missing weapon as a blocking gap', async () => {
    await page.click('tr[data-case=E2E-0001] a');
    const banner = page.locator('[data-testid=gate-banner]');
    await poll(() => banner.getAttribute('data-passed')).toBe('false');
    expect(await banner.textContent()).toBe('移送审查起诉：审查不通过，1 项阻断性问题须补正');
    await poll(() => page.locator('[data-testid=findings-blocking] tr[data-rule]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-rule')))).toEqual(['HOM-ACT-WEAPON']);
    expect(await page.getAttribute('[data-testid=checklist] tr[data-rule=HOM-ACT-WEAPON]', 'data-status')).toBe('missing');
    expect(await page.textContent('[data-testid=findings-blocking] tr[data-rule=HOM-ACT-WEAPON]')).toContain('《关于办理死刑案件审查判断证据若干问题的规定》');
    await shot('02-gap');
  });

  it('refuses an override without a reason', async () => {
    await page.click('[data-testid=findings-blocking] tr[data-rule=HOM-ACT-WEAPON] button[data-override]');
    await page.click('[data-testid=override-form] .btn-primary');
    await poll(() => page.textContent('[data-testid=override-error]')).toBe(errorDef('EVIDENCE_OVERRIDE_REASON_REQUIRED')!.zh.replace('{min}', '4'));
    await shot('03-override-refused');
    await page.click('[data-testid=override-form] .btn:not(.btn-primary)');
    const refused = (await listAudit(ctx, { limit: 5 })).find((e) => e.action === 'evidence.override')!;
    expect(refused).toMatchObject({ actor: user.username, outcome: 'refused', recordIds: ['E2E-0001'] });
  });

  it('attaches the missing weapon and sees the gate pass', async () => {
    const form = page.locator('[data-testid=attach-form]');
    await form.locator('input[name=key]').fill('E06');
    await form.locator('select[name=kind]').selectOption('physical');
    await form.locator('input[name=title]').fill(weapon.title);
    await form.locator('input[name=topics]').fill('weapon');
    await form.locator('input[name=proves-act]').check();
    await form.locator('input[name=collector]').fill(weapon.collector);
    await form.locator('input[name=place]').fill(weapon.place);
    await form.locator('input[name=collectedAt]').fill('2026-12-01T10:30');
    await form.locator('input[name=weapon]').fill('knife');
    await shot('04-attach-form');
    await form.locator('button[type=submit]').click();
    const banner = page.locator('[data-testid=gate-banner]');
    await poll(() => banner.getAttribute('data-passed')).toBe('true');
    expect(await banner.textContent()).toBe('移送审查起诉：审查通过，没有阻断性问题');
    expect(await page.getAttribute('[data-testid=checklist] tr[data-rule=HOM-ACT-WEAPON]', 'data-status')).toBe('met');
    expect(await page.textContent('[data-testid=items] tr[data-item=E06]')).toContain(weapon.title);
    await shot('05-gate-passed');
  });

  it('prints the report without navigation or forms, and reads it in English', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('.topbar')).toBe(false);
    expect(await page.isVisible('[data-testid=attach-form]')).toBe(false);
    expect(await page.isVisible('[data-testid=stage-gate-report]')).toBe(true);
    await shot('06-print');
    await page.emulateMedia({ media: 'screen' });
    await page.click('.lang-switch button:has-text("English")');
    await poll(() => page.textContent('[data-testid=gate-banner]')).toBe('transfer for prosecution: the gate passes, no blocking gap');
    await shot('07-english');
    await page.click('.lang-switch button:has-text("中文")');
  });

  it('records an override with a reason and shows it in the report and the trail', async () => {
    await page.goto(`${base}/#/evidence?case=${custodyCase.caseNo}`);
    const row = page.locator('[data-testid=findings-blocking] tr[data-rule=GEN-CUSTODY-CHAIN]');
    await row.locator('button[data-override]').click();
    const reason = '值班室代管交接，已补正交接记录并附情况说明';
    await page.fill('[data-testid=override-form] textarea[name=reason]', reason);
    await page.click('[data-testid=override-form] .btn-primary');
    await poll(() => page.locator('[data-testid=findings-overridden] tr[data-rule=GEN-CUSTODY-CHAIN]').count()).toBe(1);
    expect(await page.textContent('[data-testid=findings-overridden] tr[data-rule=GEN-CUSTODY-CHAIN]')).toContain(reason);
    expect(await page.textContent('[data-testid=override-trail] tbody')).toContain(reason);
    await page.locator('[data-testid=contradictions]').scrollIntoViewIfNeeded();
    await shot('08-override-trail');
    const entry = (await listAudit(ctx, { limit: 10 })).find((e) => e.action === 'evidence.override' && e.outcome === 'allowed')!;
    expect(entry).toMatchObject({ actor: user.username, recordIds: [custodyCase.caseNo], detail: { reason, ruleId: 'GEN-CUSTODY-CHAIN' } });
  });
});
