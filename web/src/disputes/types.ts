/**
 * Shapes of the disputes API answers the pages read (src/apps/disputes/appealView.ts,
 * GET /api/disputes/appeals[/:appealNo[/timeline]]). Times are instants with +08:00.
 */
import type { AppealSummary } from '../../../src/apps/disputes/appealView.ts';

export type Bilingual = { readonly zh: string; readonly en: string };

export interface SlaVerdict {
  readonly status: 'met' | 'breached' | 'open' | 'open_overdue' | 'no_target';
  readonly dueAt: string | null;
  readonly marginMs: number | null;
}

/** A list row, as the server sends it (no personal data). */
export type { AppealSummary } from '../../../src/apps/disputes/appealView.ts';

export interface AppealView extends AppealSummary {
  readonly text: string;
  readonly place: string | null;
  readonly divisionName: string | null;
  readonly categoryLabel: Bilingual | null;
  readonly version: number;
  readonly stateLabel: Bilingual;
  readonly suggestion: {
    readonly category: string;
    readonly source: string;
    readonly classifier: { readonly category: string; readonly confidence: number; readonly top3: readonly { category: string; probability: number }[]; readonly reasons: readonly { term: string; weight: number }[] } | null;
    readonly disputeType: { readonly type?: string; readonly words?: readonly string[] } | null;
  };
  readonly org: { readonly code: string; readonly name: string; readonly kind: string } | null;
  readonly routing: { readonly orgCode: string | null; readonly reasons: readonly { code: string; zh: string; en: string }[]; readonly candidates: readonly { orgCode: string; name: string; load: number; capacity: number; free: boolean }[] } | null;
  readonly risk: { readonly score: number; readonly level: string; readonly reasons: readonly { code: string; points: number; evidence: string }[] };
  readonly sla: { readonly acceptance: SlaVerdict; readonly firstContact: SlaVerdict; readonly resolution: SlaVerdict };
  readonly disclosure: 'full' | 'masked';
  readonly parties: readonly { side: string; kind: string; name: string; phone?: string | null; address?: string | null }[];
  readonly sessions: readonly { id: number; at: string; place: string; mediator: string; attendees: string[]; notes: string }[];
  readonly agreement: { agreementNo: string; facts: string; terms: string[]; performance: string; signedAt: string; mediator: string } | null;
  readonly followUps: readonly { at: string; by: string; method: string; satisfaction: number; resolved: boolean; note: string | null }[];
  readonly attachments: readonly { id: number; name: string; size: number }[];
  readonly available: readonly string[];
}

export interface TimelineEntry {
  readonly seq: number;
  readonly transition: string;
  readonly from: string | null;
  readonly to: string;
  readonly actor: string;
  readonly role: string | null;
  readonly at: string;
  readonly reason: string | null;
  readonly label: Bilingual;
}

/** Transitions posted to /transitions (the others have their own forms). */
export const DIRECT = ['accept', 'decline', 'answer', 'startMediation', 'fail', 'close', 'reopen'] as const;
/** Transitions whose reason is required by the workflow (src/apps/disputes/workflow.ts). */
export const NEEDS_REASON: ReadonlySet<string> = new Set(['decline', 'answer', 'fail', 'reopen', 'reassign', 'refer']);

/** Urgency order of list rows: breached or overdue first, then open cases oldest first, finished cases last. */
export function byUrgency(a: AppealSummary, b: AppealSummary): number {
  const rank = (x: AppealSummary) => (x.slaBreached ? 0 : x.state === 'closed' ? 2 : 1);
  return rank(a) - rank(b) || a.receivedAt.localeCompare(b.receivedAt);
}
