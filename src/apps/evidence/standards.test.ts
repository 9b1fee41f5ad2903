import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStandards, STANDARDS_DIR, validateStandards } from './standards.ts';

const CHARGES = ['dangerous_driving', 'drugs', 'firearms', 'fraud', 'intentional_homicide', 'intentional_injury', 'robbery', 'theft'];

describe('evidence standards files', () => {
  it('every file validates against its schema, with no cross-reference problem', () => {
    const { set, problems } = validateStandards();
    expect(problems).toEqual([]);
    expect([...set!.charges.keys()].sort()).toEqual(CHARGES);
  });

  it('every rule names a source document that sources.yaml lists, and a clause', () => {
    const set = loadStandards();
    const rules = [
      ...set.general.requirements, ...set.general.checks, ...set.general.stages,
      ...[...set.charges.values()].flatMap((c) => [...c.requirements, ...c.conditions, { id: c.id, source: c.law }]),
    ];
    expect(rules.length).toBeGreaterThan(80);
    for (const r of rules) {
      expect(set.sources.documents[r.source.doc], `${'id' in r ? r.id : ''} cites ${r.source.doc}`).toBeDefined();
      expect(r.source.clause.length).toBeGreaterThan(4);
    }
  });

  it('every charge covers the five elements and states the conditions the issue names', () => {
    const set = loadStandards();
    for (const c of set.charges.values()) expect(new Set(c.requirements.map((r) => r.element))).toEqual(new Set(['act', 'result', 'causation', 'mental_state']));
    expect(set.general.requirements.find((r) => r.element === 'subject')?.topic).toBe('identity');
    expect(set.charges.get('dangerous_driving')!.conditions.find((c) => c.id === 'DUI-BAC-THRESHOLD')!.threshold).toEqual({ fact: 'bacMgPer100ml', min: 80, unit: 'mg/100ml' });
    expect(set.charges.get('firearms')!.conditions[0]!.threshold).toEqual({ fact: 'muzzleEnergyJPerCm2', min: 1.8, unit: 'J/cm²' });
    for (const id of ['intentional_homicide', 'intentional_injury', 'robbery']) {
      const cond = set.charges.get(id)!.conditions.find((c) => c.topic === 'firearm_identification')!;
      expect(cond.when).toEqual({ fact: 'weapon', in: ['firearm', 'imitation_firearm'] });
    }
    expect(set.charges.get('theft')!.conditions[0]!.requireFact).toBe('amountYuan');
    expect(set.charges.get('drugs')!.conditions.map((c) => c.topic)).toEqual(['drug_identification', 'weighing']);
    expect(set.general.checks.find((c) => c.check === 'confession_corroboration')!.source.clause).toContain('第五十五条');
  });

  it('reports a rule citing an unknown document, a repeated id and a schema error', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-std-'));
    for (const f of fs.readdirSync(STANDARDS_DIR)) fs.copyFileSync(path.join(STANDARDS_DIR, f), path.join(dir, f));
    const theft = path.join(dir, 'theft.yaml');
    fs.writeFileSync(theft, fs.readFileSync(theft, 'utf8').replace('doc: theft_interpretation_2013', 'doc: no_such_document').replace('id: THF-MENTAL', 'id: THF-ACT-SCENE'));
    fs.writeFileSync(path.join(dir, 'fraud.yaml'), fs.readFileSync(path.join(dir, 'fraud.yaml'), 'utf8').replace('stage: arrest_request', 'stage: sentencing'));
    const { problems } = validateStandards(dir);
    const messages = problems.map((p) => `${p.file}: ${p.message}`);
    expect(messages).toContain('theft.yaml: THF-AMOUNT-BASIS cites unknown document no_such_document');
    expect(messages).toContain('theft.yaml: rule id THF-ACT-SCENE is used twice');
    expect(messages.some((m) => m.startsWith('fraud.yaml: requirements.0.stage'))).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
