/**
 * The router and the escalation table as pure functions on a hand-made registry: category ×
 * division × capacity × load picks the right org, with reasons; a full org is passed over; no
 * eligible org gives null; escalation routes per dispute type with their bodies.
 */
import { describe, expect, it } from 'vitest';
import { escalationOptions, routeAppeal, suggestDisputeType, type OrgWithLoad } from '../src/apps/disputes/index.ts';
import { validateOrg, type Org, type OrgInput } from '../src/apps/orgs/index.ts';

const org = (input: OrgInput): Org => {
  const v = validateOrg(input);
  if (!v.valid) throw new Error(v.errors.map((e) => e.code).join());
  return v.org;
};
const REGISTRY: Org[] = [
  org({ code: 'MC-430104', name: '岳麓区人民调解委员会', kind: 'mediation_committee', divisionCode: '430104', divisionsServed: ['430104'], categories: ['general', 'family_neighbour', 'medical', 'consumer'], capacity: 10 }),
  org({ code: 'MC-430102', name: '芙蓉区人民调解委员会', kind: 'mediation_committee', divisionCode: '430102', divisionsServed: ['430102'], categories: ['general', 'family_neighbour'], capacity: 10 }),
  org({ code: 'MC-430100', name: '长沙市人民调解委员会', kind: 'mediation_committee', divisionCode: '430100', divisionsServed: ['430100'], categories: ['general', 'family_neighbour'], capacity: 10 }),
  org({ code: 'HSL-430104', name: '岳麓区和事佬协会', kind: 'heshilao_association', divisionCode: '430104', divisionsServed: ['430104'], categories: ['family_neighbour'], capacity: 2 }),
  org({ code: 'PMB-430100-medical', name: '长沙市医调委', kind: 'professional_mediation_body', domain: 'medical', divisionCode: '430100', divisionsServed: ['430100'], categories: ['medical'], capacity: 5 }),
  org({ code: 'PMB-320100-medical', name: '南京市医调委', kind: 'professional_mediation_body', domain: 'medical', divisionCode: '320100', divisionsServed: ['320100'], categories: ['medical'], capacity: 5 }),
  org({ code: 'PMB-430100-labour', name: '长沙市劳动争议调解中心', kind: 'professional_mediation_body', domain: 'labour', divisionCode: '430100', divisionsServed: ['430100'], categories: ['unpaid_wages'], capacity: 5 }),
  org({ code: 'ARB-430100', name: '长沙市劳动人事争议仲裁委员会', kind: 'arbitration_commission', divisionCode: '430100', divisionsServed: ['430100'], categories: ['unpaid_wages'], capacity: 50 }),
  org({ code: 'LA-430000', name: '湖南省法律援助中心', kind: 'legal_aid_centre', divisionCode: '430000', divisionsServed: ['430000'], categories: ['general', 'unpaid_wages'], capacity: 50 }),
  org({ code: 'CM-430104', name: '岳麓区法院诉调对接中心', kind: 'court_mediation', divisionCode: '430104', divisionsServed: ['430104'], categories: ['general'], capacity: 50 }),
  org({ code: 'LS-430104', name: '岳麓区法律服务站', kind: 'legal_service_station', divisionCode: '430104', divisionsServed: ['430104'], categories: ['legal_consultation', 'general'], capacity: 3, active: false }),
];
const withLoads = (loads: Record<string, number> = {}): OrgWithLoad[] => REGISTRY.map((o) => ({ org: o, load: loads[o.code] ?? 0 }));

describe('routing by category × division × capacity and load', () => {
  it('sends a medical dispute to the prefecture medical body of its own prefecture, before the county committee that also takes medical cases', () => {
    const d = routeAppeal({ routingKey: 'medical', divisionCode: '430104' }, withLoads());
    expect(d.orgCode).toBe('PMB-430100-medical');
    expect(d.candidates.map((c) => c.orgCode)).toEqual(['PMB-430100-medical', 'MC-430104']);
    expect(d.reasons.map((r) => r.code)).toEqual(['CATEGORY', 'KIND', 'DIVISION', 'CAPACITY']);
    expect(routeAppeal({ routingKey: 'medical', divisionCode: '320102' }, withLoads()).orgCode).toBe('PMB-320100-medical');
  });

  it('sends a family quarrel to the 和事佬 association while it has room, then to the county committee before the city one', () => {
    expect(routeAppeal({ routingKey: 'family_neighbour', divisionCode: '430104' }, withLoads({ 'HSL-430104': 1 })).orgCode).toBe('HSL-430104');
    const full = routeAppeal({ routingKey: 'family_neighbour', divisionCode: '430104' }, withLoads({ 'HSL-430104': 2 }));
    expect(full.orgCode).toBe('MC-430104');
    expect(full.candidates.map((c) => [c.orgCode, c.free])).toEqual([['MC-430104', true], ['MC-430100', true], ['HSL-430104', false]]);
    expect(routeAppeal({ routingKey: 'family_neighbour', divisionCode: '430102' }, withLoads()).orgCode).toBe('MC-430102');
    expect(routeAppeal({ routingKey: 'family_neighbour', divisionCode: '430102' }, withLoads({ 'MC-430102': 10 })).orgCode).toBe('MC-430100');
  });

  it('when every suitable org is full, picks the least overloaded and says so', () => {
    const d = routeAppeal({ routingKey: 'medical', divisionCode: '430104' }, withLoads({ 'PMB-430100-medical': 9, 'MC-430104': 11 }));
    expect(d.orgCode).toBe('MC-430104');
    expect(routeAppeal({ routingKey: 'medical', divisionCode: '430104' }, withLoads({ 'PMB-430100-medical': 5, 'MC-430104': 11 })).orgCode).toBe('PMB-430100-medical');
    expect(d.reasons.at(-1)!.code).toBe('OVER_CAPACITY');
  });

  it('skips inactive orgs and answers null when nothing is eligible', () => {
    expect(routeAppeal({ routingKey: 'legal_consultation', divisionCode: '430104' }, withLoads()).orgCode).toBeNull();
    const none = routeAppeal({ routingKey: 'online_finance', divisionCode: '430104' }, withLoads());
    expect(none).toMatchObject({ orgCode: null, candidates: [] });
    expect(none.reasons[0]!.en).toBe('no org takes online_finance cases in division 430104');
  });
});

describe('escalation routes', () => {
  const routes = (key: string, division = '430104') => escalationOptions(key, division, REGISTRY).map((o) => [o.route, o.target?.orgCode ?? null, o.available]);
  it('medical disputes: court mediation, negotiation, people’s and administrative mediation, litigation (Art. 22), legal aid', () => {
    expect(routes('medical')).toEqual([
      ['court_mediation', 'CM-430104', true], ['legal_aid', 'LA-430000', true], ['negotiation', null, true], ['people_mediation', 'PMB-430100-medical', true], ['administrative_mediation', null, false], ['litigation', 'CM-430104', true],
    ]);
  });
  it('unpaid wages go to arbitration and legal aid; consumer disputes only to court mediation', () => {
    expect(routes('unpaid_wages')).toEqual([['court_mediation', 'CM-430104', true], ['arbitration', 'ARB-430100', true], ['legal_aid', 'LA-430000', true]]);
    expect(routes('consumer')).toEqual([['court_mediation', 'CM-430104', true]]);
    expect(routes('legal_consultation')).toEqual([]);
  });
});

describe('dispute-type keywords', () => {
  it('needs two words or one long word, and reports the words', () => {
    expect(suggestDisputeType('某公司拖欠工资三个月')).toEqual({ type: 'unpaid_wages', words: ['拖欠工资', '工资'] });
    expect(suggestDisputeType('医院门口停车难')).toBeNull();
    expect(suggestDisputeType('白沙洲村征地补偿款未到位，安置房没有着落')).toEqual({ type: 'land_requisition', words: ['征地', '安置房', '补偿款'] });
  });
});
