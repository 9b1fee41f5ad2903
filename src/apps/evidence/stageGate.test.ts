import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contradicts } from './consistencyChecker.ts';
import { custodyBreak } from './custodyChecker.ts';
import { generateEvidenceDemo, groundTruthPath, writeGroundTruth, type GroundTruthCase } from './demo.ts';
import { checkRule } from './findingBuilder.ts';
import { stageGate } from './stageGate.ts';
import { loadStandards } from './standards.ts';
import { STAGES, type CaseFile, type Override } from './types.ts';

const set = loadStandards();
const demo = generateEvidenceDemo();
const fileOf = (caseNo: string) => demo.files.find((f) => f.caseNo === caseNo)!;

/** The ground truth as the tests read it: from the file written next to the demo, never from memory. */
function readGroundTruth(): GroundTruthCase[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-ev-'));
  writeGroundTruth(dir, demo);
  const cases = (JSON.parse(fs.readFileSync(groundTruthPath(dir), 'utf8')) as { cases: GroundTruthCase[] }).cases;
  fs.rmSync(dir, { recursive: true, force: true });
  return cases;
}

describe('stage gates on the demo set, against the ground truth', () => {
  const truth = readGroundTruth();

  it('has four files per charge: complete, confession-only and two planted', () => {
    expect(truth).toHaveLength(32);
    for (const charge of set.charges.keys()) expect(truth.filter((c) => c.charge === charge).map((c) => c.variant)).toEqual(['complete', 'confession_only', 'planted', 'planted']);
    expect(truth.flatMap((c) => c.plants)).toHaveLength(8 + 39);
  });

  it('reports every planted gap and contradiction (recall 100%)', () => {
    const missed: string[] = [];
    let found = 0;
    for (const c of truth.filter((x) => x.variant !== 'complete')) {
      const r = stageGate(set, fileOf(c.caseNo), [], 'trial');
      const reported = [...r.blocking, ...r.warnings];
      for (const p of c.plants) {
        if (reported.some((f) => f.ruleId === p.ruleId && p.itemKeys.every((k) => f.itemKeys.includes(k)))) found++;
        else missed.push(`${c.caseNo} ${p.ruleId} ${p.itemKeys.join(',')}`);
      }
    }
    expect(missed).toEqual([]);
    expect(found).toBe(47);
  });

  it('every finding carries its rule, source document title and clause', () => {
    for (const f of demo.files) {
      for (const x of [...stageGate(set, f, [], 'trial').blocking]) {
        expect(x.ruleId).toMatch(/^[A-Z]{3}-/);
        expect(x.sourceTitle).toMatch(/^(《|GA\/T)/);
        expect(x.source.clause.length).toBeGreaterThan(4);
      }
    }
  });

  it('finds nothing on the complete files at any stage', () => {
    for (const c of truth.filter((x) => x.variant === 'complete')) {
      for (const stage of STAGES) {
        const r = stageGate(set, fileOf(c.caseNo), [], stage);
        expect({ caseNo: c.caseNo, stage, blocking: r.blocking.map((f) => f.key), warnings: r.warnings.map((f) => f.key) }).toEqual({ caseNo: c.caseNo, stage, blocking: [], warnings: [] });
        expect(r.passed).toBe(true);
        expect(r.checklist.filter((e) => e.due && e.status !== 'met' && e.status !== 'not_applicable')).toEqual([]);
      }
    }
  });

  it('blocks every confession-only file at transfer for prosecution under CPL art. 55, which cannot be overridden', () => {
    for (const c of truth.filter((x) => x.variant === 'confession_only')) {
      const file = fileOf(c.caseNo);
      const atTransfer = stageGate(set, file, [], 'transfer_for_prosecution');
      expect(atTransfer.passed).toBe(false);
      const confession = atTransfer.blocking.find((f) => f.ruleId === 'GEN-CONFESSION-ONLY')!;
      expect(confession.itemKeys).toEqual(['E03']);
      expect(confession.overridable).toBe(false);
      expect(confession.source).toMatchObject({ doc: 'cpl2018' });
      // Overriding it has no effect: the gate still blocks on it.
      const forced: Override = { findingKey: confession.key, ruleId: confession.ruleId, reason: '嫌疑人认罪认罚', officer: 'x', at: '2026-11-30T00:00:00Z', auditSeq: 1 };
      expect(stageGate(set, file, [forced], 'transfer_for_prosecution').blocking.map((f) => f.key)).toContain(confession.key);
      // At the arrest request it is a warning, not yet a block.
      expect(stageGate(set, file, [], 'arrest_request').warnings.map((f) => f.ruleId)).toContain('GEN-CONFESSION-ONLY');
    }
  });
});

describe('overrides, exclusion and the individual checks', () => {
  const injuryPlanted = demo.files[7]!; // intentional injury, second planted variant

  it('an override with its reason moves a finding to the overridden list and readmits an excluded item', () => {
    const before = stageGate(set, injuryPlanted);
    const place = before.blocking.find((f) => f.ruleId === 'GEN-INTERROGATION-PLACE')!;
    expect(before.excludedItems).toEqual(['E03']);
    const o: Override = { findingKey: place.key, ruleId: place.ruleId, reason: '看守所停电，经批准在办案中心讯问，全程录像', officer: 'officer1', at: '2026-11-30T01:00:00Z', auditSeq: 7 };
    const after = stageGate(set, injuryPlanted, [o]);
    expect(after.excludedItems).toEqual([]);
    expect(after.overridden.map((f) => [f.ruleId, f.override?.reason])).toEqual([['GEN-INTERROGATION-PLACE', o.reason]]);
    expect(after.blocking.some((f) => f.key === place.key)).toBe(false);
  });

  it('the blood-alcohol threshold is inclusive at 80 mg/100 ml', () => {
    const dui = demo.files.find((f) => f.charges[0] === 'dangerous_driving')!;
    const withBac = (v: number): CaseFile => ({ ...dui, items: dui.items.map((i) => (i.key === 'E07' ? { ...i, facts: { bacMgPer100ml: v } } : i)) });
    expect(stageGate(set, withBac(80), [], 'transfer_for_prosecution').passed).toBe(true);
    const low = stageGate(set, withBac(79.9), [], 'transfer_for_prosecution');
    expect(low.blocking.map((f) => [f.ruleId, f.itemKeys])).toEqual([['DUI-BAC-THRESHOLD', ['E07']]]);
    expect(low.blocking[0]!.message).toContain('79.9 mg/100ml');
    expect(low.checklist.find((e) => e.ruleId === 'DUI-BAC-THRESHOLD')!.status).toBe('below_threshold');
  });

  it('time and amount tolerances come from general.yaml', () => {
    const time = checkRule(set, 'consistency_time')!;
    const amount = checkRule(set, 'consistency_amount')!;
    expect(contradicts('time', { time: '2026-01-01T10:00:00Z' }, { time: '2026-01-01T12:00:00Z' }, time)).toBe(false);
    expect(contradicts('time', { time: '2026-01-01T10:00:00Z' }, { time: '2026-01-01T12:01:00Z' }, time)).toBe(true);
    expect(contradicts('amountYuan', { amountYuan: 4800 }, { amountYuan: 4650 }, amount)).toBe(false);
    expect(contradicts('amountYuan', { amountYuan: 4800 }, { amountYuan: 4300 }, amount)).toBe(true);
    expect(contradicts('place', { place: '贵阳市云岩区中华北路12号' }, { place: '贵阳市 云岩区 中华北路12号 3楼' }, time)).toBe(false);
    expect(contradicts('injuries', { injuries: { count: 2, sites: ['头部'] } }, { injuries: { sites: ['左臂'] } }, time)).toBe(true);
  });

  it('custody breaks name the entry', () => {
    const knife = demo.files[0]!.items.find((i) => i.key === 'E06')!;
    expect(custodyBreak(knife)).toBeNull();
    expect(custodyBreak({ ...knife, custody: [] })?.en).toBe('no custody record');
    const broken = { ...knife, custody: [knife.custody[0]!, { ...knife.custody[1]!, fromHolder: '值班室' }] };
    expect(custodyBreak(broken)?.en).toBe('entry 2 is handed over by "值班室" but the previous holder was "侦查员 韩立、邓文"');
  });

  it('contradictions show both values side by side', () => {
    const r = stageGate(set, demo.files[2]!);
    const weapon = r.contradictions.find((f) => f.ruleId === 'GEN-CONSISTENCY-WEAPON' && f.itemKeys.includes('E07'))!;
    expect(weapon.contradiction).toEqual({ fact: 'weapon', values: { E03: 'hammer', E07: 'knife' } });
  });
});
