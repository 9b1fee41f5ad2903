/**
 * Batch intake from a file (channel import) on every test dialect: message-board columns are
 * recognised, 'YYYY/M/D H:mm:ss' local times become instants (C18), bad rows are rejected with
 * their reasons, a second import of the same file skips what is already there.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disputesModule, getAppeal, importAppeals } from '../src/apps/disputes/index.ts';
import { FIXTURE_ORGS } from '../src/apps/disputes/testing.ts';
import { orgsModule, saveOrg } from '../src/apps/orgs/index.ts';
import type { PlatformContext } from '../src/platform/module.ts';
import { openPlatform } from '../src/platform/platform.ts';
import { securityModule } from '../src/security/index.ts';
import { testDialects } from '../src/store/testing.ts';

describe.each(testDialects())('appeal import on $name', (dialect) => {
  let ctx: PlatformContext;
  let drop: () => Promise<void>;
  let dir: string;
  beforeAll(async () => {
    const created = await dialect.create();
    drop = created.drop;
    ctx = await openPlatform(created.config, { modules: [securityModule, orgsModule, disputesModule], now: () => new Date('2026-11-30T02:00:00Z') });
    for (const org of FIXTURE_ORGS) await saveOrg(ctx, org);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appeals-'));
  }, 60_000);
  afterAll(async () => {
    await ctx?.database.close();
    await drop?.();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports rows, rejects bad ones with reasons, and skips them the second time', async () => {
    const file = path.join(dir, 'appeals.csv');
    fs.writeFileSync(file, [
      '留言编号,留言主题,留言详情,留言时间,行政区划代码,诉求人,联系电话',
      'M1,A3区麓山路路灯不亮,麓山路一段路灯连续一周不亮，夜间出行很不安全。,2019/1/8 11:47:26,430104,赵六,13700001111',
      'M2,小区物业乱收费,小区物业公司乱收停车费，业主多次反映无果。,2019/1/9 0:05:00,,,',
      'M3,没有内容的留言,,2019/1/10 9:00:00,430104,,',
      'M4,区划错误,这条留言的区划代码不存在。,2019/1/10 9:00:00,999999,,',
      'M5,时间错误,这条留言的时间无法识别。,2019/13/40 9:00:00,430104,,',
    ].join('\n'));
    const actor = { username: 'cli:test', role: 'admin' };
    const r = await importAppeals(ctx, file, actor, { divisionCode: '430102' });
    expect(r.accepted).toBe(3);
    expect(r.rejected.map((x) => [x.rowNumber, x.issues.map((i) => i.code)])).toEqual([[4, ['DISPUTES_DIVISION_INVALID']], [5, ['DISPUTES_TIME_INVALID']]]);
    const first = await getAppeal(ctx, r.appealNos[0]!);
    expect(first).toMatchObject({ channel: 'import', externalId: 'M1', divisionCode: '430104', receivedAt: '2019-01-08T11:47:26+08:00', receivedDay: '2019-01-08', parties: [{ name: '赵*', phone: '137****1111' }] });
    const second = await getAppeal(ctx, r.appealNos[1]!);
    expect(second).toMatchObject({ divisionCode: '430102', receivedDay: '2019-01-09', receivedAt: '2019-01-09T00:05:00+08:00', disputeType: 'property_management', parties: [] });
    const third = await getAppeal(ctx, r.appealNos[2]!);
    expect(third.text).toBe('');
    expect(third.title).toBe('没有内容的留言');
    const again = await importAppeals(ctx, file, actor, { divisionCode: '430102' });
    expect(again).toMatchObject({ accepted: 0, skipped: 3 });
    expect(again.rejected).toHaveLength(2);
  });
});
