/**
 * A small hand-made registry for the disputes tests (test/disputes-*.test.ts): 岳麓区 (430104)
 * has a people's mediation committee, a 和事佬 association (capacity 2), a court-connected
 * mediation centre and a legal service station; 芙蓉区 (430102) a committee; 长沙市 (430100)
 * the medical professional mediation body and the health commission.
 */
import type { OrgInput } from '../orgs/validate.ts';

/** The registry of the test: 岳麓区 (430104) has a committee and a 和事佬 association; 长沙市 has the medical body and the health commission. */
export const FIXTURE_ORGS: readonly OrgInput[] = [
  { code: 'MC-430104', name: '岳麓区人民调解委员会', kind: 'mediation_committee', divisionCode: '430104', divisionsServed: ['430104'], categories: ['general', 'family_neighbour', 'consumer', 'land_requisition', 'property_management'], capacity: 10 },
  { code: 'HSL-430104', name: '岳麓区和事佬协会', kind: 'heshilao_association', divisionCode: '430104', divisionsServed: ['430104'], categories: ['family_neighbour'], capacity: 2 },
  { code: 'MC-430102', name: '芙蓉区人民调解委员会', kind: 'mediation_committee', divisionCode: '430102', divisionsServed: ['430102'], categories: ['general', 'family_neighbour'], capacity: 10 },
  { code: 'PMB-430100-medical', name: '长沙市医疗纠纷人民调解委员会', kind: 'professional_mediation_body', domain: 'medical', divisionCode: '430100', divisionsServed: ['430100'], categories: ['medical'], capacity: 5 },
  { code: 'HC-430100', name: '长沙市卫生健康委员会', kind: 'health_commission', divisionCode: '430100', divisionsServed: ['430100'], categories: ['medical'], capacity: 50 },
  { code: 'CM-430104', name: '岳麓区人民法院诉调对接中心', kind: 'court_mediation', divisionCode: '430104', divisionsServed: ['430104'], categories: ['general', 'medical', 'family_neighbour'], capacity: 50 },
  { code: 'LS-430104', name: '岳麓区公共法律服务站', kind: 'legal_service_station', divisionCode: '430104', divisionsServed: ['430104'], categories: ['legal_consultation', 'general'], capacity: 10 },
];
