/**
 * End to end in Debian's chromium (issue 3, web UI): the investigator opens the demo case, dry-runs
 * two tag rules before running them, scores the leads, is refused a review without a reason and
 * confirms the top lead with one, exports it only after review; expands the network from a planted
 * seller's ID number (the whole ring, ~2,250 nodes, roles coloured, 31 provinces), clicks the seed on
 * the canvas and reads why it is a seller and which parcels show it; moves the time slider; expands
 * one hop from that seller, draws it by force and exports it as GEXF; reads the page in English;
 * closes the case with a reason, after which no further work is offered. Demo parcels with the planted ring are generated into a temporary
 * data directory; the ground truth comes from the generator and is read only by this test.
 * Screenshots go to /tmp/gongzhi-screens/leads-*.png.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CASE_NO, ensureDemoCase, expandNetwork, type NetworkView } from '../src/apps/leads/index.ts';
import { loadParcels } from '../src/apps/parcels/loader.ts';
import { errorDef } from '../src/core/errors.ts';
import { generateParcels } from '../src/demo/parcels.ts';
import type { PlatformContext } from '../src/platform/module.ts';
import { listAudit } from '../src/security/audit.ts';
import { createUser } from '../src/security/index.ts';
import { SCREENS, loggedInPage, startE2e, pollUntil, type E2eServer } from './e2eHarness.ts';

const COUNT = 45_000;

interface Member { readonly role: string; readonly phone: string; readonly idNumber: string }

const poll = <T>(fn: () => T | Promise<T>) => pollUntil(fn, { timeout: 90_000, interval: 200 });

describe('end to end: the leads workspace on the demo ring', () => {
  let ctx: PlatformContext;
  let page: Page;
  let seller: Member;
  let expected: NetworkView;
  const user = { username: 'investigator', role: 'investigator', password: crypto.randomBytes(12).toString('base64url'), displayName: '侦查员' };

  let e2e: E2eServer;
  beforeAll(async () => {
    e2e = await startE2e('leads', async (c) => {
      const stream = generateParcels({ count: COUNT, seed: 20261111, ring: true, end: '2026-11-29' });
      expect((await loadParcels(c, stream, { source: 'demo' })).accepted).toBe(COUNT);
      const truth = stream.plants.find((p) => p.name === 'ring')!.truth() as { members: Member[] };
      seller = truth.members.find((m) => m.role === 'seller')!;
      await ensureDemoCase(c);
      await createUser(c, user);
    });
    ({ ctx } = e2e);
    page = await loggedInPage(e2e, user, { viewport: { width: 1440, height: 960 }, timeout: 60_000, gotoTimeout: 120_000, acceptDownloads: true });
  }, 240_000);

  afterAll(async () => {
    await e2e?.stop();
  });

  const shot = (name: string, fullPage = true) => page.screenshot({ path: path.join(SCREENS, `leads-${name}.png`), fullPage });

  it('opens the demo case from the list of my cases', async () => {
    await page.click('a[data-page=leads]');
    await page.waitForSelector('[data-testid=leads-case-list]');
    expect(await page.locator('[data-testid=leads-case-list] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-case')))).toEqual([DEMO_CASE_NO]);
    await shot('01-cases');
    await page.click(`tr[data-case="${DEMO_CASE_NO}"] a`);
    await poll(() => page.textContent('[data-testid=case-members]')).toBe('investigator');
    expect(await page.textContent('[data-testid=case-purpose]')).toContain('仿真枪');
    await shot('02-case');
  });

  it('dry-runs two rules before running them, then stores exactly the counted tags', async () => {
    await page.click('.ld-tabs a[data-tab=rules]');
    await page.waitForSelector('[data-testid=rules-table] tr[data-rule]');
    const wanted = ['generic-descriptions', 'prohibited-item-screening'];
    for (const id of await page.locator('[data-testid=rules-table] tr[data-rule]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-rule')!))) {
      const box = page.locator(`input[name="rule-${id}"]`);
      if ((await box.isChecked()) !== wanted.includes(id)) await box.click();
    }
    expect(await page.isDisabled('button[data-action=run]')).toBe(true);
    await page.click('button[data-action=dry-run]');
    await poll(() => page.getAttribute('[data-testid=run-result]', 'data-dry')).toBe('true');
    const hits = async (id: string) => Number(await page.getAttribute(`tr[data-rule="${id}"] td[data-hits]`, 'data-hits'));
    const dry = { generic: await hits('generic-descriptions'), screening: await hits('prohibited-item-screening') };
    expect(dry.generic).toBeGreaterThan(20);
    expect(dry.screening).toBeGreaterThan(20);
    await page.click('[data-testid=rules-table] tr[data-rule=generic-descriptions] button');
    expect(await page.textContent('[data-testid=rule-text-generic-descriptions]')).toContain('terms.genericParts');
    await shot('03-dry-run');
    await page.click('button[data-action=run]');
    await poll(() => page.getAttribute('[data-testid=run-result]', 'data-dry')).toBe('false');
    expect([await hits('generic-descriptions'), await hits('prohibited-item-screening')]).toEqual([dry.generic, dry.screening]);
    expect(await page.textContent('tr[data-rule=generic-descriptions] td:nth-child(8)')).toBe(String(dry.generic));
  });

  it('scores the leads, refuses a review without a reason, confirms the top lead with one and exports it', async () => {
    await page.click('.ld-tabs a[data-tab=leads]');
    await page.click('button[data-action=score]');
    await poll(() => page.locator('[data-testid=lead-queue] tbody tr').count()).toBe(20);
    const top = page.locator('[data-testid=lead-queue] tbody tr').first();
    expect(await top.locator('td.num b').textContent()).toBe('5');
    const leadId = Number(await top.getAttribute('data-lead'));
    await top.click();
    await page.waitForSelector('[data-testid=lead-evidence] tr[data-parcel]');
    expect(await page.locator('[data-testid=lead-detail] .ld-tag').evaluateAll((t) => t.map((x) => x.getAttribute('data-rule')).sort())).toEqual(['generic-descriptions', 'prohibited-item-screening']);
    expect(await page.textContent('[data-testid=lead-person]')).toMatch(/\d{3}\*{4}\d{4}/);
    await page.click('[data-testid=review-form] button[type=submit]');
    await poll(() => page.textContent('[data-testid=review-error] [role=alert] span')).toBe(errorDef('LEADS_REASON_REQUIRED')!.zh.replace('{min}', '4'));
    await shot('04-review-refused');
    const reason = '证据快递品名为笼统配件且有禁寄预警，与仿真枪销售网络吻合';
    await page.fill('[data-testid=review-form] textarea[name=reason]', reason);
    await page.click('[data-testid=review-form] button[type=submit]');
    await poll(() => page.getAttribute('[data-testid=lead-detail]', 'data-status')).toBe('confirmed');
    expect(await page.textContent('[data-testid=lead-reviews] tbody')).toContain(reason);
    await shot('05-review-confirmed');
    const audit = (await listAudit(ctx, { limit: 20 })).find((e) => e.action === 'leads.lead.review')!;
    expect(audit).toMatchObject({ actor: 'investigator', legalBasis: DEMO_CASE_NO, recordIds: [String(leadId)], detail: { decision: 'confirmed', reason } });
    await poll(() => page.textContent('[data-testid=precision] tr[data-rule=generic-descriptions] td[data-precision]')).toBe('100.0%');

    await page.click('.ld-status-tabs button[data-status=confirmed]');
    await page.locator(`input[name="export-${leadId}"]`).check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-action=export-leads]')]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\n')[1]).toContain(`${leadId},`);
    expect(csv).toContain(reason);
  });

  it('expands the ring from a seller\'s ID number with roles coloured, and explains the clicked seed', async () => {
    expected = await expandNetwork(ctx, { username: 'investigator', role: 'investigator' }, DEMO_CASE_NO, { seed: { idNumber: seller.idNumber }, hops: 6 });
    await page.click('.ld-tabs a[data-tab=network]');
    await page.fill('input[name=seedId]', seller.idNumber);
    await page.fill('input[name=hops]', '6');
    await page.click('[data-testid=expand-form] button[type=submit]');
    await poll(() => page.locator('[data-testid=network-summary]').count()).toBe(1);
    expect(await page.textContent('[data-testid=network-summary]')).toContain(`${expected.nodes.length.toLocaleString('zh-CN')} 个节点`);
    expect(expected.nodes.length).toBeGreaterThan(2000);
    for (const role of ['workshop', 'seller', 'middleman', 'buyer']) {
      expect([role, await page.textContent(`.ld-role-chip[data-role=${role}] b`)]).toEqual([role, String(expected.roles[role])]);
    }
    expect(await page.textContent('[data-testid=network-summary]')).toContain('31 个省份');
    const graph = page.locator('[data-testid=network-graph]');
    await poll(() => graph.getAttribute('data-seed-pixels')).toMatch(/^\d+,\d+/);
    await shot('06-network', false);
    const [x, y] = (await graph.getAttribute('data-seed-pixels'))!.split(';')[0]!.split(',').map(Number);
    const box = (await graph.boundingBox())!;
    await page.mouse.click(box.x + x!, box.y + y!);
    const explained = page.locator('[data-testid=explain-node]');
    await poll(() => explained.getAttribute('data-role')).toBe('seller');
    expect(expected.seeds).toContain(await explained.getAttribute('data-key'));
    const seedNode = expected.nodes.find((n) => n.key === expected.seeds[0])!;
    expect(await page.textContent('[data-testid=explain-role-reason]')).toBe(seedNode.roleReasonZh);
    await page.click('[data-testid=explain-node] button[data-action=load-evidence]');
    await poll(() => page.locator('[data-testid=explain-evidence] tr[data-parcel]').count()).toBe(seedNode.evidence.length);
    await shot('07-explain-node', false);
  });

  it('moves the time slider and shows the province spread', async () => {
    const slider = page.locator('input[name=timeSlider]');
    await slider.focus();
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowLeft');
    const days = expected.activity.map((a) => a.day).sort();
    const day = days[days.length - 21]!;
    await poll(() => page.getAttribute('[data-testid=slider-day]', 'data-day')).toBe(day);
    const shanghaiDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
    const visible = expected.edges.filter((e) => e.firstSeen === null || shanghaiDay(e.firstSeen) <= day).length;
    expect(visible).toBeLessThan(expected.edges.length);
    expect(await page.textContent('[data-testid=slider-day]')).toBe(`截至 ${day} · 显示 ${visible.toLocaleString('zh-CN')} 条关系`);
    await page.locator('[data-testid=spread-chart]').scrollIntoViewIfNeeded();
    await shot('08-slider-spread', false);
  });

  it('expands one hop from the clicked seller, draws it by force and exports it as GEXF', async () => {
    const sellerKey = await page.getAttribute('[data-testid=explain-node]', 'data-key');
    const near = await expandNetwork(ctx, { username: 'investigator', role: 'investigator' }, DEMO_CASE_NO, { seed: { nodeKey: sellerKey! }, hops: 1 });
    await page.fill('input[name=hops]', '1');
    await page.click('[data-testid=explain-node] button[data-action=expand-node]');
    await poll(() => page.textContent('[data-testid=network-summary]')).toContain(`${near.nodes.length} 个节点，${near.edges.length} 条关系`);
    await page.selectOption('select[name=layout]', 'force');
    await page.locator('[data-testid=network-graph]').scrollIntoViewIfNeeded();
    await shot('09-one-hop-force', false);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export=gexf]')]);
    const gexf = fs.readFileSync((await download.path())!, 'utf8');
    expect(gexf).toContain('<gexf');
    expect((gexf.match(/<node /g) ?? []).length).toBe(near.nodes.length);
    expect(gexf).not.toContain(seller.idNumber);
    expect(gexf).not.toContain(seller.phone);
    const exported = (await listAudit(ctx, { limit: 5 })).find((e) => e.action === 'leads.graph.export')!;
    expect(exported).toMatchObject({ actor: 'investigator', legalBasis: DEMO_CASE_NO, outcome: 'allowed' });
  });

  it('reads in English', async () => {
    await page.click('.lang-switch button:has-text("English")');
    await poll(() => page.textContent('.ld-tabs a[data-tab=network]')).toBe('Network');
    expect(await page.textContent('[data-testid=network-summary]')).toContain('nodes,');
    expect(await page.textContent('.ld-role-chip[data-role=middleman]')).toContain('middleman');
    await shot('10-english', false);
    await page.click('.lang-switch button:has-text("中文")');
  });

  it('closes the case with a reason, after which no further work is offered', async () => {
    await page.click('.ld-tabs a[data-tab=case]');
    await page.click('[data-testid=close-form] button[type=submit]');
    await poll(() => page.textContent('[data-testid=case-tab] [role=alert] span')).toBe(errorDef('LEADS_REASON_REQUIRED')!.zh.replace('{min}', '4'));
    await page.fill('[data-testid=close-form] textarea[name=closeReason]', '研判结束，线索已移交侦查部门');
    await page.click('[data-testid=close-form] button[type=submit]');
    await poll(() => page.locator('[data-testid=case-closed]').count()).toBe(1);
    expect(await page.textContent('[data-testid=case-closed]')).toContain('研判结束，线索已移交侦查部门');
    await page.click('.ld-tabs a[data-tab=rules]');
    await page.waitForSelector('[data-testid=rules-table] tr[data-rule]');
    expect(await page.isDisabled('button[data-action=dry-run]')).toBe(true);
    await shot('11-closed', false);
  });
});
