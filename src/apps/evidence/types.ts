/**
 * The vocabulary of the evidence application (证据标准指引, issue 6): statutory kinds of
 * evidence, the elements of a crime, the stages of a case, and the shapes of a case file, its
 * evidence items, and the checker's findings. Pure types and constant lists (no I/O), shared
 * by the checker, the repository, the routes and the web pages.
 */

/**
 * The eight statutory kinds of evidence, CPL 2018 art. 50: 物证, 书证, 证人证言, 被害人陈述,
 * 犯罪嫌疑人、被告人供述和辩解, 鉴定意见, 勘验、检查、辨认、侦查实验等笔录, 视听资料、电子数据.
 */
export const EVIDENCE_KINDS = [
  'physical',
  'documentary',
  'witness_testimony',
  'victim_statement',
  'suspect_statement',
  'expert_opinion',
  'record',
  'audio_visual',
] as const;
/** One of EVIDENCE_KINDS. */
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** zh-CN and English names of the eight kinds, in the words of CPL art. 50. */
export const EVIDENCE_KIND_LABELS: Readonly<Record<EvidenceKind, { zh: string; en: string }>> = {
  physical: { zh: '物证', en: 'physical evidence' },
  documentary: { zh: '书证', en: 'documentary evidence' },
  witness_testimony: { zh: '证人证言', en: 'witness testimony' },
  victim_statement: { zh: '被害人陈述', en: "victim's statement" },
  suspect_statement: { zh: '犯罪嫌疑人、被告人供述和辩解', en: "suspect's confession and defence" },
  expert_opinion: { zh: '鉴定意见', en: 'expert opinion' },
  record: { zh: '勘验、检查、辨认、侦查实验等笔录', en: 'records of inquest, inspection, identification, experiment' },
  audio_visual: { zh: '视听资料、电子数据', en: 'audio-visual and electronic data' },
};

/** The constituent elements to prove (犯罪构成): 主体, 主观方面, 客观行为, 结果, 因果关系. */
export const ELEMENTS = ['subject', 'mental_state', 'act', 'result', 'causation'] as const;
/** One of ELEMENTS. */
export type Element = (typeof ELEMENTS)[number];

/** Stages in order: 立案, 提请逮捕, 移送审查起诉, 提起公诉, 审判. */
export const STAGES = ['filing', 'arrest_request', 'transfer_for_prosecution', 'indictment', 'trial'] as const;
/** One of STAGES. */
export type Stage = (typeof STAGES)[number];

/** Index of a stage in STAGES (0 = filing … 4 = trial). */
export function stageIndex(stage: Stage): number {
  return STAGES.indexOf(stage);
}

/** Roles of persons in a case file. */
export const PERSON_ROLES = ['suspect', 'victim', 'witness'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** A person of the case: suspect, victim or witness; times are ISO-8601 instants. */
export interface CasePerson {
  /** Key unique within the case, e.g. 'S1', 'V1', 'W2'. */
  readonly key: string;
  readonly role: PersonRole;
  readonly name: string;
  readonly idNumber?: string | null;
  /** When the suspect was detained (拘留) or arrested, if at all. */
  readonly detainedAt?: string | null;
  /** When the suspect was handed to the detention facility (送看守所羁押). */
  readonly facilityAt?: string | null;
  /** When the police asked the procuratorate to approve arrest (提请批准逮捕). */
  readonly arrestRequestedAt?: string | null;
  /** A major suspect in roving, repeated or gang crime (流窜作案、多次作案、结伙作案): 30-day limit, CPL art. 91. */
  readonly roving?: boolean;
}

/** Where an interrogation took place. */
export type InterrogationLocation = 'detention_facility' | 'police_office' | 'scene' | 'other';

/** The formalities recorded for an item; only those that apply to its kind are read. */
export interface Formalities {
  /** Signed (or sealed) by the person heard: suspect, witness or victim (CPL arts. 122, 124, 127). */
  readonly signedByPerson?: boolean;
  /** Signed by the investigators / the expert / the collectors. */
  readonly signedByCollector?: boolean;
  /** Signed by a witness to an inspection, search or seizure (见证人), CPL art. 133. */
  readonly witnessSigned?: boolean;
  /** Interrogation recorded on audio-video throughout (CPL art. 123). */
  readonly recorded?: boolean;
  /** Recording complete, without interruption. */
  readonly recordingComplete?: boolean;
  readonly location?: InterrogationLocation;
  /** Start and end of an interrogation or hearing (ISO instants). */
  readonly startedAt?: string;
  readonly endedAt?: string;
  /** The expert or institution holds the legal qualification for this kind of opinion. */
  readonly qualifiedExaminer?: boolean;
  /** An extraction record or seizure list (提取笔录、扣押清单) accompanies the physical item. */
  readonly extractionRecord?: boolean;
  /** Weighed and sampled in the presence of the suspect and a witness (drug exhibits). */
  readonly weighedInPresence?: boolean;
}

/** Injuries as stated or found: number of wounds and body sites. */
export interface Injuries {
  readonly count?: number;
  readonly sites?: readonly string[];
}

/** Facts extracted from an item, compared across items by the consistency check. */
export interface ExtractedFacts {
  /** When the crime happened according to this item (ISO instant). */
  readonly time?: string;
  /** Where (a place name or address; compared after normalisation). */
  readonly place?: string;
  /** The weapon or instrument (e.g. 'knife', 'hammer', 'firearm', 'imitation_firearm'). */
  readonly weapon?: string;
  readonly injuries?: Injuries;
  /** Amount of money or value involved, yuan. */
  readonly amountYuan?: number;
  /** Blood alcohol content, mg/100 ml. */
  readonly bacMgPer100ml?: number;
  /** Net weight of the drug, grams. */
  readonly drugWeightGrams?: number;
  /** Muzzle kinetic energy per unit area, J/cm² (firearm identification, GA/T 718). */
  readonly muzzleEnergyJPerCm2?: number;
}

/** One entry of an item's chain of custody: a hand-over from one holder to another. */
export interface CustodyEntry {
  readonly at: string;
  /** 'collected' for the first entry; then 'transferred', 'examined', 'stored', 'returned'. */
  readonly action: string;
  readonly fromHolder: string;
  readonly toHolder: string;
  readonly note?: string | null;
}

/** An evidence item of one of the eight statutory kinds. */
export interface EvidenceItem {
  /** Key unique within the case, e.g. 'E3'. */
  readonly key: string;
  readonly kind: EvidenceKind;
  readonly title: string;
  /** What the item is about, matched by the standards (e.g. 'autopsy', 'blood_alcohol_test'). */
  readonly topics: readonly string[];
  /** Elements the item is offered to prove. */
  readonly proves: readonly Element[];
  /** The person whose statement or body the item is (key of CasePerson), if any. */
  readonly personKey?: string | null;
  readonly collector: string;
  readonly collectedAt: string;
  readonly place: string;
  readonly custody: readonly CustodyEntry[];
  readonly formalities: Formalities;
  readonly facts: ExtractedFacts;
}

/** A case file: the input of the checker. */
export interface CaseFile {
  readonly caseNo: string;
  readonly title: string;
  /** Charge ids (file names of the standards, e.g. 'intentional_homicide'). */
  readonly charges: readonly string[];
  /** The stage the case is at now. */
  readonly stage: Stage;
  /** Life imprisonment or death is a possible sentence (CPL art. 123: interrogations must then be recorded). */
  readonly lifeOrDeathPossible?: boolean;
  readonly persons: readonly CasePerson[];
  readonly items: readonly EvidenceItem[];
}

/** A cited source: a document id from sources.yaml and the clause, described. */
export interface SourceRef {
  readonly doc: string;
  readonly clause: string;
}

/** Severity of a finding at the stage checked. */
export type Severity = 'blocking' | 'warning';

/** A recorded override of one finding. */
export interface Override {
  readonly findingKey: string;
  readonly ruleId: string;
  readonly reason: string;
  readonly officer: string;
  readonly at: string;
  /** seq of the audit-log entry that recorded it. */
  readonly auditSeq: number | null;
}

/** One finding of the checker. */
export interface Finding {
  /** Stable key: `${ruleId}|${itemKeys sorted}`; overrides attach to it. */
  readonly key: string;
  readonly ruleId: string;
  /** Registered code (errors.ts) naming the kind of finding. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly messageEn: string;
  readonly source: SourceRef;
  /** The document's full title (from sources.yaml). */
  readonly sourceTitle: string;
  readonly itemKeys: readonly string[];
  readonly element?: Element;
  /** For contradictions: the fact and each item's value. */
  readonly contradiction?: { readonly fact: string; readonly values: Readonly<Record<string, string>> };
  readonly overridable: boolean;
  readonly override?: Override;
}
