/**
 * Retraining wiring (SQLite): operator corrections become labelled messages (latest per appeal,
 * label = level-1 part; a dispute type gives the class 矛盾纠纷), and a model file at
 * `<dataDir>/models/appeal-classifier.retrained.json` is the one intake uses afterwards. The
 * training itself is the classifier's `retrainWithCorrections` (tested with the classifier; a
 * full run takes minutes on this machine), so here the "retrained" file is the shipped model
 * with a marked training hash.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correctCategory, correctionMessages, disputesModule, getAppeal, registerAppeal, retrainedModelPath } from '../src/apps/disputes/index.ts';
import { DEFAULT_MODEL_FILE } from '../src/apps/disputes/classifier/modelFile.ts';
import { FIXTURE_ORGS } from '../src/apps/disputes/testing.ts';
import { orgsModule, saveOrg } from '../src/apps/orgs/index.ts';
import type { PlatformContext } from '../src/platform/module.ts';
import { openPlatform } from '../src/platform/platform.ts';
import { securityModule } from '../src/security/index.ts';
import { testDialects } from '../src/store/testing.ts';

describe.each(testDialects().filter((d) => d.name === 'sqlite'))('classifier retraining on $name', (dialect) => {
  let ctx: PlatformContext;
  let drop: () => Promise<void>;
  const actor = { username: 'op1', role: 'regulator' };
  beforeAll(async () => {
    const created = await dialect.create();
    drop = created.drop;
    ctx = await openPlatform(created.config, { modules: [securityModule, orgsModule, disputesModule], now: () => new Date('2026-11-30T02:00:00Z') });
    for (const org of FIXTURE_ORGS) await saveOrg(ctx, org);
  });
  afterAll(async () => {
    await ctx?.database.close();
    await drop?.();
  });

  it('turns corrections into labelled messages, the latest correction of an appeal winning', async () => {
    const a = await registerAppeal(ctx, { channel: 'hotline', title: '楼上漏水', text: '楼上住户卫生间漏水到我家，沟通无果。', divisionCode: '430104' }, actor);
    const b = await registerAppeal(ctx, { channel: 'hotline', title: '公交线路', text: '希望增开一条公交线路到高铁站。', divisionCode: '430104' }, actor);
    await correctCategory(ctx, a, '城乡建设', null, actor);
    await correctCategory(ctx, a, '矛盾纠纷/婚姻家庭邻里纠纷', '邻里纠纷', actor);
    await correctCategory(ctx, b, '交通运输/出租车管理/网约车问题', null, actor);
    const msgs = await correctionMessages(ctx);
    expect(msgs.map((m) => [m.id, m.label, m.title])).toEqual([[`correction:${a}`, '矛盾纠纷', '楼上漏水'], [`correction:${b}`, '交通运输', '公交线路']]);
  });

  it('uses a retrained model under the data directory for intake', async () => {
    const before = await registerAppeal(ctx, { channel: 'web', title: '噪音', text: '夜间施工噪音扰民。', divisionCode: '430104' }, actor);
    const shipped = (await getAppeal(ctx, before)).suggestion.classifier!.trainingHash;
    const file = retrainedModelPath(ctx.config.dataDir);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const json = JSON.parse(fs.readFileSync(DEFAULT_MODEL_FILE, 'utf8'));
    fs.writeFileSync(file, JSON.stringify({ ...json, trainingHash: 'retrained-in-test' }));
    const after = await registerAppeal(ctx, { channel: 'web', title: '噪音', text: '夜间施工噪音扰民。', divisionCode: '430104' }, actor);
    const s = (await getAppeal(ctx, after)).suggestion.classifier!;
    expect(shipped).not.toBe('retrained-in-test');
    expect(s.trainingHash).toBe('retrained-in-test');
  });
});
