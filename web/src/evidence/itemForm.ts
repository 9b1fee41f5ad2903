/**
 * The attach-item form as pure data: its state, the defaults, and the conversion to the
 * EvidenceItem body of POST /api/evidence/cases/:caseNo/items. Physical and audio-visual items
 * get a custody record of two entries (collected by the collector, handed to `custodyTo`).
 */
import { ELEMENTS, type Element, type EvidenceItem, type EvidenceKind } from '../../../src/apps/evidence/types.ts';

/** Formalities the form offers as checkboxes. */
export const FORM_FLAGS = ['signedByPerson', 'signedByCollector', 'witnessSigned', 'recorded', 'qualifiedExaminer', 'extractionRecord'] as const;
export type FormFlag = (typeof FORM_FLAGS)[number];

/** The form's state; numbers are kept as typed text until submitted. */
export interface ItemFormState {
  key: string;
  kind: EvidenceKind;
  title: string;
  topics: string;
  proves: Element[];
  collector: string;
  place: string;
  /** datetime-local value (local time of the browser). */
  collectedAt: string;
  flags: Record<FormFlag, boolean>;
  custodyTo: string;
  weapon: string;
  amount: string;
  bac: string;
}

/** An empty form for the next item number. */
export function emptyItemForm(nextKey: string, store: string): ItemFormState {
  return {
    key: nextKey, kind: 'physical', title: '', topics: '', proves: [], collector: '', place: '', collectedAt: '',
    flags: { signedByPerson: false, signedByCollector: true, witnessSigned: false, recorded: false, qualifiedExaminer: false, extractionRecord: true },
    custodyTo: store, weapon: '', amount: '', bac: '',
  };
}

/** The next free item number after the keys E01…En of a case. */
export function nextItemKey(keys: readonly string[]): string {
  const max = keys.reduce((m, k) => Math.max(m, /^E(\d+)$/.test(k) ? Number(k.slice(1)) : 0), 0);
  return `E${String(max + 1).padStart(2, '0')}`;
}

/**
 * The request body for the form; `scene` names the first holder (where the item was found).
 * Throws Error with the field name when a required field is empty.
 */
export function itemFromForm(s: ItemFormState, scene: string): EvidenceItem {
  for (const f of ['key', 'title', 'collector', 'place', 'collectedAt'] as const) if (!s[f].trim()) throw new Error(f);
  const at = new Date(s.collectedAt).toISOString();
  const later = new Date(Date.parse(at) + 3_600_000).toISOString();
  const custody = s.kind === 'physical' || s.kind === 'audio_visual'
    ? [{ at, action: 'collected', fromHolder: scene, toHolder: s.collector.trim(), note: null }, { at: later, action: 'transferred', fromHolder: s.collector.trim(), toHolder: s.custodyTo.trim() || s.collector.trim(), note: null }]
    : [];
  const facts: Record<string, unknown> = {};
  if (s.weapon.trim()) facts.weapon = s.weapon.trim();
  if (s.amount.trim() && Number.isFinite(Number(s.amount))) facts.amountYuan = Number(s.amount);
  if (s.bac.trim() && Number.isFinite(Number(s.bac))) facts.bacMgPer100ml = Number(s.bac);
  return {
    key: s.key.trim(), kind: s.kind, title: s.title.trim(),
    topics: s.topics.split(/[,\uFF0C\s]+/).map((x) => x.trim()).filter(Boolean),
    proves: ELEMENTS.filter((e) => s.proves.includes(e)),
    personKey: null, collector: s.collector.trim(), collectedAt: at, place: s.place.trim(), custody,
    formalities: Object.fromEntries(FORM_FLAGS.filter((f) => s.flags[f]).map((f) => [f, true])),
    facts,
  };
}

/** An ISO instant as local date and time of the browser, e.g. '2026/12/01 10:30' (zh-CN) or '12/01/2026, 10:30' (en). */
export function formatInstant(iso: string, lang: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
}
