/**
 * The registry's vocabulary (GLOSSARY: mediationCommittee, professionalMediationBody,
 * legalServiceStation, socialOrganisation): kinds of organisation, the service categories they
 * take cases in, and member roles. Pure data, no Node imports: the web app reads the labels.
 */

/** Kinds of organisation in the registry, including the bodies that escalations go to. */
export const ORG_KINDS = [
  'mediation_committee',
  'professional_mediation_body',
  'heshilao_association',
  'legal_service_station',
  'law_firm',
  'social_organisation',
  'court_mediation',
  'arbitration_commission',
  'legal_aid_centre',
  'health_commission',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_KIND_LABELS: Readonly<Record<OrgKind, { zh: string; en: string }>> = {
  mediation_committee: { zh: '人民调解委员会', en: "people's mediation committee" },
  professional_mediation_body: { zh: '行业性专业性调解组织', en: 'professional mediation body' },
  heshilao_association: { zh: '和事佬协会', en: 'heshilao (peacemaker) association' },
  legal_service_station: { zh: '法律服务站', en: 'legal service station' },
  law_firm: { zh: '律师事务所', en: 'law firm' },
  social_organisation: { zh: '社会组织', en: 'social organisation' },
  court_mediation: { zh: '法院诉调对接中心', en: 'court-connected mediation centre' },
  arbitration_commission: { zh: '劳动人事争议仲裁委员会', en: 'labour dispute arbitration commission' },
  legal_aid_centre: { zh: '法律援助中心', en: 'legal aid centre' },
  health_commission: { zh: '卫生健康行政部门（医疗纠纷行政调解）', en: 'health commission (administrative mediation of medical disputes)' },
};

/** Domains of professional mediation bodies. */
export const PROFESSIONAL_DOMAINS = ['medical', 'labour', 'property', 'online_finance', 'consumer', 'traffic'] as const;
export type ProfessionalDomain = (typeof PROFESSIONAL_DOMAINS)[number];

/**
 * Service categories an org takes cases in: the dispute types of issue 5, plus `general`
 * (any appeal or dispute) and `legal_consultation` (legal service stations, law firms).
 */
export const SERVICE_CATEGORIES = [
  'land_requisition',
  'medical',
  'unpaid_wages',
  'property_management',
  'family_neighbour',
  'consumer',
  'online_finance',
  'general',
  'legal_consultation',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

export const SERVICE_CATEGORY_LABELS: Readonly<Record<ServiceCategory, { zh: string; en: string }>> = {
  land_requisition: { zh: '征地拆迁', en: 'land requisition and demolition' },
  medical: { zh: '医疗纠纷', en: 'medical dispute' },
  unpaid_wages: { zh: '劳动争议（欠薪）', en: 'labour dispute (unpaid wages)' },
  property_management: { zh: '物业纠纷', en: 'property management dispute' },
  family_neighbour: { zh: '婚姻家庭邻里纠纷', en: 'family and neighbour dispute' },
  consumer: { zh: '消费纠纷', en: 'consumer dispute' },
  online_finance: { zh: '网络金融纠纷', en: 'online finance dispute' },
  general: { zh: '一般矛盾纠纷与诉求', en: 'general disputes and appeals' },
  legal_consultation: { zh: '法律咨询', en: 'legal consultation' },
};

/** Roles of an org's people. */
export const MEMBER_ROLES = ['mediator', 'volunteer', 'lawyer', 'legal_worker'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** A mediator, volunteer or lawyer of an org. `phone` is personal data (masked when shown). */
export interface OrgMember {
  readonly name: string;
  readonly role: MemberRole;
  /** e.g. '人民调解员证', '律师执业证', '心理咨询师', '医学专业背景'. */
  readonly qualifications: readonly string[];
  readonly phone?: string | null;
}

/** An org as submitted and as stored (code is the natural key). */
export interface Org {
  readonly code: string;
  readonly name: string;
  readonly kind: OrgKind;
  readonly domain?: ProfessionalDomain | null;
  /** GB 32100-2015 unified social credit code, when the org has one. */
  readonly uscc?: string | null;
  /** GB/T 2260 code of the org's seat. */
  readonly divisionCode: string;
  /** Division codes served (province, prefecture or county); a prefix covers its children. */
  readonly divisionsServed: readonly string[];
  readonly categories: readonly ServiceCategory[];
  /** Open cases it can carry at once. */
  readonly capacity: number;
  readonly phone?: string | null;
  readonly address?: string | null;
  readonly active?: boolean;
  readonly members?: readonly OrgMember[];
}
