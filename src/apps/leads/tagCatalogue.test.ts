import { describe, expect, it } from 'vitest';
import { runRulesInMemory } from '../../engines/rules/index.ts';
import { allErrors } from '../../core/errors.ts';
import { LEADS_POLICIES, leadsAllowed, type LeadsAction } from './policies.ts';
import { loadRuleLists, loadTagRules, TAG_CATALOGUE } from './tagCatalogue.ts';
import './errors.ts';

describe('leads rule files', () => {
  it('parse and check against the catalogue, one rule per file, each with weight, expiry and version', () => {
    const rules = loadTagRules();
    expect(rules.map((r) => [r.def.id, r.file, r.def.version, r.def.weight, r.def.expiry])).toEqual([
      ['generic-descriptions', 'generic-descriptions.yaml', 1, 2, 'P60D'],
      ['many-receivers-many-provinces', 'many-provinces.yaml', 1, 1, 'P60D'],
      ['one-id-several-names', 'one-id-several-names.yaml', 1, 2, 'P180D'],
      ['prohibited-item-screening', 'prohibited-screening.yaml', 1, 3, 'P90D'],
      ['shared-phone-across-senders', 'shared-phone.yaml', 1, 1, 'P90D'],
    ]);
    for (const r of rules) expect(r.text).toContain(`id: ${r.def.id}`);
    expect((loadRuleLists() as { terms: { genericParts: string[] } }).terms.genericParts).toContain('五金配件');
  });

  it('a missing term list leaves the generic-descriptions rule unknown, never true (C20)', () => {
    const rule = loadTagRules().find((r) => r.def.id === 'generic-descriptions')!.def;
    const parcels = Array.from({ length: 6 }, (_, i) => ({ id: i + 1, sender: 'id:1', receiver: `r${i}`, itemName: '五金配件', time: Date.parse('2026-11-20T00:00:00Z') }));
    const data = { subjects: ['id:1'], facts: {}, records: { parcels, sharedPhones: [] } };
    const asOf = Date.parse('2026-11-30T00:00:00Z');
    const withList = runRulesInMemory([rule], TAG_CATALOGUE, data, { asOf, values: loadRuleLists() });
    expect(withList.results[0]!.hits.map((h) => h.subjectKey)).toEqual(['id:1']);
    const without = runRulesInMemory([rule], TAG_CATALOGUE, data, { asOf, values: {} });
    expect(without.results[0]!.hits).toEqual([]);
  });
});

describe('leads policies and errors', () => {
  it('grant person-level work to investigators only; viewers and clerks get nothing', () => {
    for (const [action, p] of Object.entries(LEADS_POLICIES) as [LeadsAction, (typeof LEADS_POLICIES)[LeadsAction]][]) {
      expect([action, leadsAllowed('viewer', action), leadsAllowed('clerk', action), leadsAllowed('regulator', action)]).toEqual([action, false, false, false]);
      if (p.personLevel) expect([action, p.roles]).toEqual([action, ['investigator']]);
    }
    expect(leadsAllowed(null, 'leads.case.read')).toBe(false);
  });

  it('declares every code with a status and zh and en messages', () => {
    const codes = allErrors().filter((e) => e.module === 'leads');
    expect(codes.length).toBe(19);
    for (const c of codes) {
      expect(c.code).toMatch(/^LEADS_[A-Z_]+$/);
      expect(c.zh.length).toBeGreaterThan(0);
      expect(c.en.length).toBeGreaterThan(0);
    }
  });
});
