/**
 * Complete synthetic case files, one template per charge, for the demo set (demo.ts derives
 * the files with planted gaps and contradictions from them). Every item carries the
 * formalities its kind needs, a whole chain of custody where one is required, and facts that
 * agree across items, so a complete file passes every gate.
 */
import { mulberry32 } from '../../core/random.ts';
import type { CaseFile, CasePerson, EvidenceItem, EvidenceKind, ExtractedFacts, Formalities } from './types.ts';

/** Seeded pseudo-random numbers in [0, 1) (mulberry32, src/core/random.ts). */
export const rng = mulberry32;

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '强', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀英', '建华', '志强'];
const PLACES = ['贵阳市云岩区中华北路', '贵阳市南明区花果园大街', '遵义市红花岗区丁字口', '六盘水市钟山区人民路', '安顺市西秀区塔山东路', '毕节市七星关区洪山路'];

/** Shared context of one generated file: its clock, its place and names. */
export interface TemplateContext {
  readonly caseNo: string;
  /** Time of the crime, ISO. */
  readonly crimeAt: string;
  readonly place: string;
  readonly suspect: CasePerson;
  readonly victim: CasePerson;
  readonly witness: CasePerson;
  /** ISO instant `hours` after the crime. */
  at(hours: number): string;
}

/** A context for a file numbered `n`, drawn from `rand`. */
export function makeContext(caseNo: string, rand: () => number, detained: boolean): TemplateContext {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const name = () => pick(SURNAMES) + pick(GIVEN);
  const base = Date.UTC(2026, Math.floor(rand() * 9), 1 + Math.floor(rand() * 27), 12 + Math.floor(rand() * 8) - 8, Math.floor(rand() * 60));
  const at = (hours: number) => new Date(base + hours * 3_600_000).toISOString();
  const suspect: CasePerson = detained
    ? { key: 'S1', role: 'suspect', name: name(), detainedAt: at(20), facilityAt: at(26), arrestRequestedAt: at(20 + 72), roving: false }
    : { key: 'S1', role: 'suspect', name: name() };
  return { caseNo, crimeAt: at(0), place: `${pick(PLACES)}${1 + Math.floor(rand() * 300)}号`, suspect, victim: { key: 'V1', role: 'victim', name: name() }, witness: { key: 'W1', role: 'witness', name: name() }, at };
}

const COLLECTOR = '侦查员 韩立、邓文';
const STORE = '涉案财物管理中心';

function formalitiesFor(kind: EvidenceKind, c: TemplateContext, collectedAt: string): Formalities {
  switch (kind) {
    case 'suspect_statement':
      return { signedByPerson: true, signedByCollector: true, recorded: true, recordingComplete: true, location: 'detention_facility', startedAt: collectedAt, endedAt: new Date(Date.parse(collectedAt) + 2 * 3_600_000).toISOString() };
    case 'witness_testimony':
    case 'victim_statement':
      return { signedByPerson: true, signedByCollector: true, location: 'police_office', startedAt: collectedAt };
    case 'record':
      return { signedByCollector: true, witnessSigned: true, weighedInPresence: true };
    case 'expert_opinion':
      return { signedByCollector: true, qualifiedExaminer: true };
    case 'physical':
    case 'audio_visual':
      return { extractionRecord: true, signedByCollector: true };
    default:
      return { signedByCollector: true };
  }
  void c;
}

/** Options of an item built by `item`. */
export interface ItemSpec {
  readonly topics?: readonly string[];
  readonly proves?: EvidenceItem['proves'];
  readonly facts?: ExtractedFacts;
  readonly personKey?: string;
  /** Hours after the crime when it was collected. */
  readonly hours?: number;
}

/** An item with complete formalities and, for physical and audio-visual items, a whole chain of custody. */
export function item(c: TemplateContext, key: string, kind: EvidenceKind, title: string, spec: ItemSpec = {}): EvidenceItem {
  const collectedAt = c.at(spec.hours ?? 30);
  const custody =
    kind === 'physical' || kind === 'audio_visual'
      ? [
          { at: collectedAt, action: 'collected', fromHolder: '现场', toHolder: COLLECTOR, note: null },
          { at: c.at((spec.hours ?? 30) + 3), action: 'transferred', fromHolder: COLLECTOR, toHolder: STORE, note: null },
        ]
      : [];
  return {
    key, kind, title, topics: spec.topics ?? [], proves: spec.proves ?? [], personKey: spec.personKey ?? null,
    collector: COLLECTOR, collectedAt, place: kind === 'suspect_statement' ? '市看守所讯问室' : c.place, custody,
    formalities: formalitiesFor(kind, c, collectedAt), facts: spec.facts ?? {},
  };
}

/** The items every file has: the report (filing) and the suspect's identity documents. */
function common(c: TemplateContext): EvidenceItem[] {
  return [
    item(c, 'E01', 'documentary', '受案登记表及报案材料', { topics: ['report'], hours: 1 }),
    item(c, 'E02', 'documentary', '犯罪嫌疑人户籍证明', { topics: ['identity'], proves: ['subject'], hours: 24 }),
  ];
}

/** The suspect's confession with the crime facts it states. */
function confession(c: TemplateContext, facts: ExtractedFacts, key = 'E03'): EvidenceItem {
  return item(c, key, 'suspect_statement', `${c.suspect.name}供述（第一次讯问笔录）`, { proves: ['act', 'mental_state'], personKey: 'S1', facts: { time: c.crimeAt, place: c.place, ...facts }, hours: 30 });
}

/** A template: charge, whether life or death is possible, whether the suspect is detained, and the items. */
export interface ChargeTemplate {
  readonly charge: string;
  readonly title: string;
  readonly lifeOrDeathPossible: boolean;
  readonly detained: boolean;
  items(c: TemplateContext): EvidenceItem[];
}

const t = (c: TemplateContext, extra: ExtractedFacts = {}): ExtractedFacts => ({ time: c.crimeAt, place: c.place, ...extra });

/** One complete template per charge of the standards. */
export const TEMPLATES: readonly ChargeTemplate[] = [
  {
    charge: 'intentional_homicide', title: '故意杀人案', lifeOrDeathPossible: true, detained: true,
    items: (c) => [
      ...common(c), confession(c, { weapon: 'knife', injuries: { count: 3, sites: ['胸部', '腹部'] } }),
      item(c, 'E04', 'witness_testimony', `${c.witness.name}证言`, { proves: ['act', 'mental_state'], personKey: 'W1', facts: t(c, { weapon: 'knife' }), hours: 5 }),
      item(c, 'E05', 'record', '现场勘验笔录', { topics: ['scene_inspection'], proves: ['act'], facts: { place: c.place }, hours: 2 }),
      item(c, 'E06', 'physical', '单刃尖刀一把', { topics: ['weapon'], proves: ['act'], facts: { weapon: 'knife' }, hours: 3 }),
      item(c, 'E07', 'expert_opinion', '尸体检验鉴定书', { topics: ['autopsy'], proves: ['result', 'causation'], facts: { weapon: 'knife', injuries: { count: 3, sites: ['胸部', '腹部'] } }, hours: 48 }),
      item(c, 'E08', 'expert_opinion', 'DNA鉴定书（刀柄检材与嫌疑人同一）', { topics: ['trace_identification'], proves: ['act', 'causation'], hours: 96 }),
    ],
  },
  {
    charge: 'intentional_injury', title: '故意伤害案', lifeOrDeathPossible: false, detained: true,
    items: (c) => [
      ...common(c), confession(c, { weapon: 'stick', injuries: { count: 2 } }),
      item(c, 'E04', 'victim_statement', `${c.victim.name}陈述`, { proves: ['act', 'mental_state'], personKey: 'V1', facts: t(c, { weapon: 'stick', injuries: { count: 2, sites: ['头部', '左臂'] } }), hours: 4 }),
      item(c, 'E05', 'witness_testimony', `${c.witness.name}证言`, { proves: ['act'], personKey: 'W1', facts: t(c, { weapon: 'stick' }), hours: 6 }),
      item(c, 'E06', 'expert_opinion', '人体损伤程度鉴定意见书（轻伤二级）', { topics: ['injury_assessment'], proves: ['result', 'causation'], facts: { injuries: { count: 2, sites: ['头部', '左臂'] } }, hours: 120 }),
      item(c, 'E07', 'record', '现场勘验笔录', { topics: ['scene_inspection'], proves: ['act'], facts: { place: c.place }, hours: 2 }),
      item(c, 'E08', 'physical', '木棍一根', { topics: ['weapon'], proves: ['act'], facts: { weapon: 'stick' }, hours: 3 }),
    ],
  },
  {
    charge: 'robbery', title: '抢劫案', lifeOrDeathPossible: false, detained: true,
    items: (c) => [
      ...common(c), confession(c, { weapon: 'knife', amountYuan: 3200 }),
      item(c, 'E04', 'victim_statement', `${c.victim.name}陈述`, { proves: ['act', 'causation'], personKey: 'V1', facts: t(c, { weapon: 'knife', amountYuan: 3200 }), hours: 2 }),
      item(c, 'E05', 'audio_visual', '案发路段监控视频', { proves: ['act', 'causation'], facts: { time: c.crimeAt, place: c.place }, hours: 8 }),
      item(c, 'E06', 'physical', '起获的被抢手机及现金', { topics: ['property'], proves: ['result'], facts: { amountYuan: 3200 }, hours: 22 }),
      item(c, 'E07', 'physical', '水果刀一把', { topics: ['weapon'], proves: ['act'], facts: { weapon: 'knife' }, hours: 22 }),
    ],
  },
  {
    charge: 'theft', title: '盗窃案', lifeOrDeathPossible: false, detained: true,
    items: (c) => [
      ...common(c), confession(c, { amountYuan: 4800 }),
      item(c, 'E04', 'victim_statement', `${c.victim.name}陈述`, { proves: ['act', 'causation'], personKey: 'V1', facts: t(c, { amountYuan: 4800 }), hours: 3 }),
      item(c, 'E05', 'audio_visual', '小区监控视频', { proves: ['act', 'causation'], facts: { time: c.crimeAt, place: c.place }, hours: 10 }),
      item(c, 'E06', 'record', '现场勘验笔录', { topics: ['scene_inspection'], proves: ['act'], facts: { place: c.place }, hours: 4 }),
      item(c, 'E07', 'physical', '起获的笔记本电脑', { topics: ['property'], proves: ['result'], hours: 24 }),
      item(c, 'E08', 'expert_opinion', '价格认定结论书', { topics: ['valuation'], proves: ['result'], facts: { amountYuan: 4650 }, hours: 100 }),
    ],
  },
  {
    charge: 'fraud', title: '电信网络诈骗案', lifeOrDeathPossible: false, detained: true,
    items: (c) => [
      ...common(c), confession(c, { amountYuan: 56000 }),
      item(c, 'E04', 'victim_statement', `${c.victim.name}陈述`, { proves: ['act', 'result'], personKey: 'V1', facts: { time: c.crimeAt, amountYuan: 56000 }, hours: 5 }),
      item(c, 'E05', 'audio_visual', '微信聊天记录（电子数据提取笔录附）', { topics: ['communications'], proves: ['act', 'mental_state'], hours: 40 }),
      item(c, 'E06', 'documentary', '银行转账流水', { topics: ['transfer_records'], proves: ['result', 'causation', 'mental_state'], facts: { amountYuan: 56000 }, hours: 60 }),
    ],
  },
  {
    charge: 'firearms', title: '非法制造、买卖枪支案', lifeOrDeathPossible: false, detained: true,
    items: (c) => [
      ...common(c), confession(c, {}),
      item(c, 'E04', 'physical', '查获的自制气枪 2 支', { topics: ['firearm'], proves: ['act'], hours: 21 }),
      item(c, 'E05', 'expert_opinion', '枪支性能鉴定书', { topics: ['firearm_identification'], proves: ['result'], facts: { muzzleEnergyJPerCm2: 4.6 }, hours: 150 }),
      item(c, 'E06', 'documentary', '扣押清单', { topics: ['seizure_list'], proves: ['result'], hours: 21 }),
      item(c, 'E07', 'audio_visual', '网络交易聊天及支付记录', { topics: ['communications'], proves: ['act', 'mental_state', 'causation'], hours: 60 }),
      item(c, 'E08', 'witness_testimony', `${c.witness.name}（购枪人）证言`, { proves: ['act', 'causation'], personKey: 'W1', hours: 70 }),
    ],
  },
  {
    charge: 'drugs', title: '贩卖毒品案', lifeOrDeathPossible: false, detained: true,
    items: (c) => [
      ...common(c), confession(c, {}),
      item(c, 'E04', 'physical', '查获的白色晶体', { topics: ['drug'], proves: ['act'], hours: 20 }),
      item(c, 'E05', 'expert_opinion', '毒品成分及含量鉴定书（甲基苯丙胺）', { topics: ['drug_identification'], proves: ['result'], hours: 90 }),
      item(c, 'E06', 'record', '毒品称量笔录', { topics: ['weighing'], proves: ['result'], facts: { drugWeightGrams: 52.3 }, hours: 21 }),
      item(c, 'E07', 'witness_testimony', `${c.witness.name}（购毒人）证言`, { proves: ['act', 'causation'], personKey: 'W1', facts: t(c), hours: 22 }),
      item(c, 'E08', 'documentary', '转账记录', { proves: ['act', 'mental_state'], hours: 50 }),
    ],
  },
  {
    charge: 'dangerous_driving', title: '危险驾驶（醉驾）案', lifeOrDeathPossible: false, detained: false,
    items: (c) => [
      ...common(c), confession(c, {}),
      item(c, 'E04', 'documentary', '呼气酒精含量检测单', { topics: ['breath_test'], proves: ['act'], facts: { bacMgPer100ml: 118 }, hours: 0.2 }),
      item(c, 'E05', 'documentary', '查获经过', { topics: ['driving'], proves: ['act'], facts: t(c), hours: 0.5 }),
      item(c, 'E06', 'audio_visual', '执法记录仪视频', { topics: ['driving'], proves: ['act'], facts: t(c), hours: 0.5 }),
      item(c, 'E07', 'expert_opinion', '血液酒精含量检验鉴定书', { topics: ['blood_alcohol_test'], proves: ['result'], facts: { bacMgPer100ml: 132 }, hours: 30 }),
      item(c, 'E08', 'documentary', '抽血登记表（查获后40分钟抽取）', { topics: ['blood_draw'], proves: ['causation'], hours: 0.7 }),
    ],
  },
];

/** A complete case file from a template. */
export function completeFile(tpl: ChargeTemplate, c: TemplateContext): CaseFile {
  return {
    caseNo: c.caseNo, title: `${c.suspect.name}${tpl.title}`, charges: [tpl.charge], stage: 'trial', lifeOrDeathPossible: tpl.lifeOrDeathPossible,
    persons: [c.suspect, c.victim, c.witness], items: tpl.items(c),
  };
}
