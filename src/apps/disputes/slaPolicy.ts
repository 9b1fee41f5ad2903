/**
 * Time limits (时限) per routing category, three milestones each: acceptance (受理) and first
 * contact (首次联系) counted from receipt, resolution (办结) counted from acceptance. Durations
 * are ISO 8601 (workflow engine `parseDuration`), in working days (Mon–Fri, Asia/Shanghai) or
 * calendar time. Sources: labour disputes — 劳动争议调解仲裁法 (2007) Art. 14: mediation not
 * concluded within 15 days of the application may go to arbitration (P15D calendar); medical
 * disputes — 医疗纠纷预防和处理条例 (2018): people's and administrative mediation are to be
 * completed within 30 working days of acceptance. The other values are local policy in the
 * style of 12345 hot lines (acceptance within one working day) and can be changed here.
 */
import type { Calendar } from '../../engines/workflow/sla.ts';

export interface SlaMilestone {
  /** ISO 8601 duration, e.g. 'P1D', 'PT24H'. */
  readonly within: string;
  readonly calendar: Calendar['kind'];
}

export interface SlaPolicy {
  readonly acceptance: SlaMilestone;
  readonly firstContact: SlaMilestone;
  readonly resolution: SlaMilestone;
  /** Where the values come from. */
  readonly source: string;
}

const W = (within: string): SlaMilestone => ({ within, calendar: 'working' });
const C = (within: string): SlaMilestone => ({ within, calendar: 'calendar' });

const LOCAL = '本地工作规范（12345 热线惯例） local policy (12345 hot-line practice)';
const POLICIES: Readonly<Record<string, SlaPolicy>> = {
  general: { acceptance: W('P1D'), firstContact: W('P2D'), resolution: W('P15D'), source: LOCAL },
  legal_consultation: { acceptance: C('PT4H'), firstContact: W('P1D'), resolution: W('P3D'), source: LOCAL },
  land_requisition: { acceptance: W('P1D'), firstContact: W('P2D'), resolution: C('P30D'), source: LOCAL },
  medical: { acceptance: W('P1D'), firstContact: W('P3D'), resolution: W('P30D'), source: '医疗纠纷预防和处理条例（2018）：调解自受理之日起 30 个工作日内完成' },
  unpaid_wages: { acceptance: W('P1D'), firstContact: W('P2D'), resolution: C('P15D'), source: '劳动争议调解仲裁法 第十四条：自收到调解申请之日起 15 日' },
  property_management: { acceptance: W('P1D'), firstContact: W('P3D'), resolution: C('P30D'), source: LOCAL },
  family_neighbour: { acceptance: W('P1D'), firstContact: W('P2D'), resolution: C('P30D'), source: LOCAL },
  consumer: { acceptance: W('P1D'), firstContact: W('P2D'), resolution: W('P7D'), source: LOCAL },
  online_finance: { acceptance: W('P1D'), firstContact: W('P3D'), resolution: C('P30D'), source: LOCAL },
};

/** The SLA of a routing key ('general' for unknown keys). */
export function slaFor(routingKey: string): SlaPolicy {
  return POLICIES[routingKey] ?? POLICIES.general!;
}
