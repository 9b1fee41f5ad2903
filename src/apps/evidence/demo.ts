/**
 * The evidence demo set: for every charge a complete case file, a confession-only file and two
 * files with planted gaps, contradictions and defects of form or custody, derived from the
 * templates by seeded mutations. The ground truth (what was planted, by rule id and item) is
 * returned separately and written by `writeEvidenceDemo` to
 * `<dataDir>/demo/evidence-ground-truth.json` — a file the application never reads; only the
 * tests compare the checker's reports with it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { completeFile, makeContext, rng, TEMPLATES } from './demoTemplates.ts';
import type { CaseFile, EvidenceItem, ExtractedFacts, Formalities, Stage } from './types.ts';

/** One planted defect: the rule that must report it and the items it is about ([] for a missing item). */
export interface Plant {
  readonly ruleId: string;
  readonly itemKeys: readonly string[];
  readonly description: string;
}

/** The ground truth of one demo file. */
export interface GroundTruthCase {
  readonly caseNo: string;
  readonly charge: string;
  readonly variant: 'complete' | 'confession_only' | 'planted';
  /** The first stage whose gate must block (null for complete files). */
  readonly blockedFrom: Stage | null;
  readonly plants: readonly Plant[];
}

/** The demo set: files for the application, ground truth for the tests. */
export interface EvidenceDemo {
  readonly files: readonly CaseFile[];
  readonly groundTruth: { readonly seed: number; readonly cases: readonly GroundTruthCase[] };
}

type Mutation = (f: CaseFile) => CaseFile;

const mapItem = (key: string, fn: (i: EvidenceItem) => EvidenceItem): Mutation => (f) => ({ ...f, items: f.items.map((i) => (i.key === key ? fn(i) : i)) });
const remove = (key: string): Mutation => (f) => ({ ...f, items: f.items.filter((i) => i.key !== key) });
const facts = (key: string, patch: ExtractedFacts): Mutation => mapItem(key, (i) => ({ ...i, facts: { ...i.facts, ...patch } }));
const form = (key: string, patch: Formalities): Mutation => mapItem(key, (i) => ({ ...i, formalities: { ...i.formalities, ...patch } }));
const breakCustody = (key: string): Mutation => mapItem(key, (i) => ({ ...i, custody: i.custody.map((e, n) => (n === 1 ? { ...e, fromHolder: '值班室' } : e)) }));
const shiftTime = (key: string, hours: number): Mutation => (f) => {
  const i = f.items.find((x) => x.key === key)!;
  return facts(key, { time: new Date(Date.parse(i.facts.time!) + hours * 3_600_000).toISOString() })(f);
};
const suspect = (patch: (s: CaseFile['persons'][number]) => Partial<CaseFile['persons'][number]>): Mutation => (f) => ({
  ...f, persons: f.persons.map((p) => (p.role === 'suspect' ? { ...p, ...patch(p) } : p)),
});
const plant = (ruleId: string, itemKeys: string[], description: string): Plant => ({ ruleId, itemKeys, description });
const OTHER_PLACE = '贵阳市观山湖区长岭北路88号';

/** Per charge, two planted variants: mutations and what they plant. */
const PLANTED: Readonly<Record<string, readonly { readonly mutations: Mutation[]; readonly plants: Plant[] }[]>> = {
  intentional_homicide: [
    { mutations: [remove('E06'), facts('E03', { weapon: 'hammer' }), shiftTime('E04', 5)], plants: [plant('HOM-ACT-WEAPON', [], '凶器未提取'), plant('GEN-CONSISTENCY-WEAPON', ['E03'], '供述称锤子，尸检为锐器'), plant('GEN-CONSISTENCY-TIME', ['E04'], '证言时间晚5小时')] },
    { mutations: [form('E04', { signedByPerson: false }), facts('E07', { injuries: { count: 5, sites: ['胸部', '腹部'] } }), breakCustody('E06')], plants: [plant('GEN-STATEMENT-SIGNATURE', ['E04'], '证言未签名'), plant('GEN-CONSISTENCY-INJURIES', ['E07'], '尸检5处创口，供述3处'), plant('GEN-CUSTODY-CHAIN', ['E06'], '凶器交接断链')] },
  ],
  intentional_injury: [
    { mutations: [remove('E06'), facts('E04', { injuries: { count: 3, sites: ['头部', '左臂'] } })], plants: [plant('INJ-RESULT-GRADE', [], '无伤情鉴定'), plant('GEN-CONSISTENCY-INJURIES', ['E04'], '陈述3处伤，供述2处')] },
    { mutations: [form('E07', { witnessSigned: false }), facts('E05', { place: OTHER_PLACE }), form('E03', { location: 'police_office' })], plants: [plant('GEN-RECORD-SIGNATURE', ['E07'], '勘验笔录无见证人签名'), plant('GEN-CONSISTENCY-PLACE', ['E05'], '证言地点不同'), plant('GEN-INTERROGATION-PLACE', ['E03'], '入所后在办案中心讯问')] },
  ],
  robbery: [
    {
      mutations: [facts('E03', { weapon: 'imitation_firearm' }), facts('E04', { weapon: 'imitation_firearm', amountYuan: 8000 }), facts('E07', { weapon: 'imitation_firearm' })],
      plants: [plant('ROB-FIREARM-ID', [], '持仿真枪抢劫无枪支鉴定'), plant('GEN-CONSISTENCY-AMOUNT', ['E04'], '被害人称8000元，其余3200元')],
    },
    { mutations: [(f) => ({ ...f, lifeOrDeathPossible: true }), form('E03', { recorded: false }), form('E05', { extractionRecord: false }), remove('E06')], plants: [plant('GEN-INTERROGATION-RECORDING', ['E03'], '可能判处无期徒刑的案件讯问未录音录像'), plant('GEN-PHYSICAL-ORIGIN', ['E05'], '监控视频无提取笔录'), plant('ROB-RESULT-PROPERTY', [], '被抢财物无证据')] },
  ],
  theft: [
    { mutations: [remove('E08'), shiftTime('E05', 4)], plants: [plant('THF-AMOUNT-BASIS', [], '无价格认定'), plant('GEN-CONSISTENCY-TIME', ['E05'], '监控时间晚4小时')] },
    { mutations: [breakCustody('E07'), form('E04', { signedByPerson: false }), facts('E03', { amountYuan: 1200 })], plants: [plant('GEN-CUSTODY-CHAIN', ['E07'], '赃物交接断链'), plant('GEN-STATEMENT-SIGNATURE', ['E04'], '被害人陈述未签名'), plant('GEN-CONSISTENCY-AMOUNT', ['E03'], '供述1200元，价格认定4650元')] },
  ],
  fraud: [
    { mutations: [remove('E05'), facts('E04', { amountYuan: 86000 })], plants: [plant('FRD-ACT-RECORDS', [], '无聊天记录'), plant('GEN-CONSISTENCY-AMOUNT', ['E04'], '被害人称86000元，流水56000元')] },
    { mutations: [remove('E06'), shiftTime('E04', 6)], plants: [plant('FRD-AMOUNT-BASIS', [], '无转账流水'), plant('FRD-CAUSATION', [], '无处分财产证据'), plant('GEN-CONSISTENCY-TIME', ['E04'], '陈述时间晚6小时')] },
  ],
  firearms: [
    { mutations: [facts('E05', { muzzleEnergyJPerCm2: 1.2 }), remove('E06')], plants: [plant('GUN-IDENTIFICATION', ['E05'], '枪口比动能1.2 J/cm²'), plant('GUN-RESULT-COUNT', [], '无扣押清单')] },
    { mutations: [form('E05', { qualifiedExaminer: false }), breakCustody('E04')], plants: [plant('GEN-EXPERT-FORMALITY', ['E05'], '鉴定人无资质'), plant('GEN-CUSTODY-CHAIN', ['E04'], '枪支交接断链')] },
  ],
  drugs: [
    { mutations: [remove('E05'), form('E06', { weighedInPresence: false })], plants: [plant('DRG-CONTENT-ID', [], '无成分鉴定'), plant('DRG-WEIGHT-FACT', [], '称量时嫌疑人不在场')] },
    {
      mutations: [facts('E07', { place: OTHER_PLACE }), form('E04', { extractionRecord: false }), suspect((s) => ({ facilityAt: new Date(Date.parse(s.detainedAt!) + 30 * 3_600_000).toISOString(), arrestRequestedAt: new Date(Date.parse(s.detainedAt!) + 12 * 86_400_000).toISOString() }))],
      plants: [plant('GEN-CONSISTENCY-PLACE', ['E07'], '证言交易地点不同'), plant('GEN-PHYSICAL-ORIGIN', ['E04'], '毒品无扣押清单'), plant('GEN-FACILITY-24H', [], '拘留30小时后才送所'), plant('GEN-ARREST-TIME-LIMIT', [], '拘留12日后提请逮捕')],
    },
  ],
  dangerous_driving: [
    { mutations: [facts('E07', { bacMgPer100ml: 65 })], plants: [plant('DUI-BAC-THRESHOLD', ['E07'], '血液酒精65mg/100ml')] },
    { mutations: [remove('E04'), shiftTime('E06', 3)], plants: [plant('DUI-FILING-BREATH', [], '无呼气检测'), plant('GEN-CONSISTENCY-TIME', ['E06'], '视频时间晚3小时')] },
  ],
};

/**
 * Generate the demo set. Deterministic for a seed: the same seed gives the same files.
 * @returns 4 files per charge (complete, confession-only, two planted) and their ground truth
 */
export function generateEvidenceDemo(seed = 20261130): EvidenceDemo {
  const rand = rng(seed);
  const files: CaseFile[] = [];
  const cases: GroundTruthCase[] = [];
  let n = 0;
  const next = () => `EV2026-${String(++n).padStart(4, '0')}`;
  for (const tpl of TEMPLATES) {
    const complete = completeFile(tpl, makeContext(next(), rand, tpl.detained));
    files.push(complete);
    cases.push({ caseNo: complete.caseNo, charge: tpl.charge, variant: 'complete', blockedFrom: null, plants: [] });

    const c = makeContext(next(), rand, tpl.detained);
    const full = completeFile(tpl, c);
    const confessionOnly: CaseFile = { ...full, title: `${full.title}（仅有供述）`, stage: 'transfer_for_prosecution', items: full.items.filter((i) => ['E01', 'E02', 'E03'].includes(i.key)) };
    files.push(confessionOnly);
    cases.push({ caseNo: confessionOnly.caseNo, charge: tpl.charge, variant: 'confession_only', blockedFrom: 'transfer_for_prosecution', plants: [plant('GEN-CONFESSION-ONLY', ['E03'], '仅有供述')] });

    for (const variant of PLANTED[tpl.charge] ?? []) {
      const base = completeFile(tpl, makeContext(next(), rand, tpl.detained));
      const mutated = variant.mutations.reduce((f, m) => m(f), { ...base, stage: 'transfer_for_prosecution' as Stage });
      files.push(mutated);
      cases.push({ caseNo: mutated.caseNo, charge: tpl.charge, variant: 'planted', blockedFrom: 'transfer_for_prosecution', plants: variant.plants });
    }
  }
  return { files, groundTruth: { seed, cases } };
}

/** Where the ground truth is written: `<dataDir>/demo/evidence-ground-truth.json`. */
export function groundTruthPath(dataDir: string): string {
  return path.join(dataDir, 'demo', 'evidence-ground-truth.json');
}

/** Write the ground truth of a demo set (pretty JSON) and return its path. */
export function writeGroundTruth(dataDir: string, demo: EvidenceDemo): string {
  const file = groundTruthPath(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(demo.groundTruth, null, 2)}\n`);
  return file;
}
