/**
 * A seeded demo registry on real GB/T 2260 codes (长沙市 and 南京市 and their counties): per
 * county a street people's mediation committee, a legal service station, a court-connected
 * mediation centre and, in every other county, a 和事佬 association; per prefecture the
 * professional mediation bodies (medical, labour, property, online finance), a consumer
 * mediation social organisation, two law firms, the labour arbitration commission, the legal
 * aid centre and the health commission. USCCs are generated with valid GB 32100 / GB 11714
 * check characters; people's names are synthetic.
 */
import { orgCodeCheckChar, usccCheckChar } from '../../core/uscc/uscc.ts';
import { mulberry32 } from '../../core/random.ts';
import type { Org, OrgMember, OrgKind, ProfessionalDomain, ServiceCategory } from './types.ts';

/** The demo prefectures and their counties (codes current in GB/T 2260-2023). */
export const DEMO_DIVISIONS: readonly { readonly prefecture: string; readonly name: string; readonly counties: readonly (readonly [string, string])[] }[] = [
  { prefecture: '430100', name: '长沙市', counties: [['430102', '芙蓉区'], ['430103', '天心区'], ['430104', '岳麓区'], ['430105', '开福区'], ['430111', '雨花区'], ['430112', '望城区'], ['430121', '长沙县'], ['430181', '浏阳市'], ['430182', '宁乡市']] },
  { prefecture: '320100', name: '南京市', counties: [['320102', '玄武区'], ['320104', '秦淮区'], ['320105', '建邺区'], ['320106', '鼓楼区'], ['320111', '浦口区'], ['320113', '栖霞区'], ['320114', '雨花台区'], ['320115', '江宁区']] },
];

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红建国建华志强文斌海燕晓东春梅';
const ORG_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid unified social credit code for authority+type in a division (check characters computed). */
export function demoUscc(rand: () => number, authorityType: string, divisionCode: string): string {
  for (;;) {
    let body8 = '';
    for (let i = 0; i < 8; i++) body8 += ORG_CODE_CHARS[Math.floor(rand() * 10)]!;
    const check = orgCodeCheckChar(body8);
    if (check === null || !ORG_CODE_CHARS.includes(check)) continue;
    const first17 = `${authorityType}${divisionCode}${body8}${check}`;
    return first17 + usccCheckChar(first17);
  }
}

function person(rand: () => number): string {
  const s = SURNAMES[Math.floor(rand() * SURNAMES.length)]!;
  const n = rand() < 0.5 ? 1 : 2;
  let g = '';
  for (let i = 0; i < n; i++) g += GIVEN[Math.floor(rand() * GIVEN.length)]!;
  return s + g;
}

function mobile(rand: () => number): string {
  return `13${Math.floor(rand() * 10)}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`;
}

function members(rand: () => number, n: number, role: OrgMember['role'], qualifications: readonly string[]): OrgMember[] {
  return Array.from({ length: n }, () => ({ name: person(rand), role, qualifications: [...qualifications], phone: mobile(rand) }));
}

/** Generate the demo registry (same seed → same orgs). */
export function generateOrgsDemo(seed = 20261130): Org[] {
  const rand = mulberry32(seed);
  const out: Org[] = [];
  const add = (code: string, name: string, kind: OrgKind, division: string, served: readonly string[], categories: readonly ServiceCategory[], capacity: number, extra: { domain?: ProfessionalDomain; uscc?: string; members?: OrgMember[] } = {}) =>
    out.push({ code, name, kind, domain: extra.domain ?? null, uscc: extra.uscc ?? null, divisionCode: division, divisionsServed: served, categories, capacity, phone: `0${division.startsWith('43') ? '731' : '25'}-${String(80000000 + Math.floor(rand() * 9999999))}`, address: null, active: true, members: extra.members ?? [] });
  for (const p of DEMO_DIVISIONS) {
    p.counties.forEach(([code, county], i) => {
      add(`MC-${code}`, `${p.name}${county}人民调解委员会`, 'mediation_committee', code, [code], ['general', 'family_neighbour', 'land_requisition', 'consumer', 'property_management'], 60, { members: [...members(rand, 4, 'mediator', ['人民调解员']), ...members(rand, 2, 'volunteer', [])] });
      add(`LS-${code}`, `${p.name}${county}公共法律服务站`, 'legal_service_station', code, [code], ['legal_consultation', 'general', 'unpaid_wages', 'family_neighbour'], 40, { members: [...members(rand, 2, 'legal_worker', ['基层法律服务工作者执业证']), ...members(rand, 1, 'lawyer', ['律师执业证'])] });
      add(`CM-${code}`, `${county}人民法院诉调对接中心`, 'court_mediation', code, [code], ['general', 'medical', 'unpaid_wages', 'property_management', 'consumer', 'online_finance', 'land_requisition', 'family_neighbour'], 200, { members: members(rand, 2, 'mediator', ['特邀调解员']) });
      if (i % 2 === 0) add(`HSL-${code}`, `${county}和事佬协会`, 'heshilao_association', code, [code], ['family_neighbour', 'general'], 30, { uscc: demoUscc(rand, '51', code), members: members(rand, 6, 'volunteer', ['和事佬志愿者']) });
    });
    const pc = p.prefecture;
    const body = (domain: ProfessionalDomain, name: string, cats: ServiceCategory[], cap: number) =>
      add(`PMB-${pc}-${domain}`, `${p.name}${name}`, 'professional_mediation_body', pc, [pc], cats, cap, { domain, uscc: demoUscc(rand, '52', pc), members: members(rand, 5, 'mediator', domain === 'medical' ? ['人民调解员', '医学专业背景'] : ['人民调解员']) });
    body('medical', '医疗纠纷人民调解委员会', ['medical'], 80);
    body('labour', '劳动人事争议调解中心', ['unpaid_wages'], 80);
    body('property', '物业纠纷人民调解委员会', ['property_management'], 60);
    body('online_finance', '互联网金融纠纷调解中心', ['online_finance'], 50);
    add(`SO-${pc}-consumer`, `${p.name}消费者权益保护协会调解工作室`, 'social_organisation', pc, [pc], ['consumer'], 60, { uscc: demoUscc(rand, '51', pc), members: members(rand, 3, 'volunteer', ['消费维权志愿者']) });
    for (const k of [1, 2]) add(`LF-${pc}-${k}`, `${p.name}${k === 1 ? '正言' : '明理'}律师事务所`, 'law_firm', pc, [pc], ['legal_consultation', 'general'], 30, { uscc: demoUscc(rand, '31', pc), members: members(rand, 4, 'lawyer', ['律师执业证']) });
    add(`ARB-${pc}`, `${p.name}劳动人事争议仲裁委员会`, 'arbitration_commission', pc, [pc], ['unpaid_wages'], 300);
    add(`LA-${pc}`, `${p.name}法律援助中心`, 'legal_aid_centre', pc, [pc], ['general', 'unpaid_wages', 'medical', 'family_neighbour', 'legal_consultation'], 200);
    add(`HC-${pc}`, `${p.name}卫生健康委员会医疗纠纷行政调解`, 'health_commission', pc, [pc], ['medical'], 100);
  }
  return out;
}
