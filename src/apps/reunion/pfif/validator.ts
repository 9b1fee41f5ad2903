/**
 * PFIF document validator, equivalent in behaviour to Person Finder's pfif_validator
 * (tools/pfif-tools) and extended to PFIF 1.4. Each finding is a coded message with its
 * severity, the check that made it, the person and note record ids and the field.
 *
 * Checks (PFIF 1.4 §3 unless noted): document root, namespace and version (xmlTree.ts); the
 * root has a child and a person (or, from 1.2, a note); mandatory fields per version and record
 * kind — nested notes take their person's id, top-level notes must carry person_record_id;
 * field formats (§2: record ids, UTC dates, sex, status, booleans, …) with empty fields as
 * warnings; unique person ids, unique note ids, a person id reused as a note id (warning);
 * notes belong to persons; field order (1.1 full order, 1.2 ids first and notes last; free
 * from 1.3); expired records (1.3+ expiry_date: a day after expiry only placeholder fields may
 * hold data, and the placeholder's source_date equals its entry_date and is at most a day after
 * expiry); linked records symmetric (asymmetry is a warning); extraneous and duplicate fields.
 *
 * Deliberate differences from pfif_validator: free text may span lines; blank record ids are
 * not compared for uniqueness (they are reported as blank); an expiry date that names no real
 * time is reported by its format only (pfif_validator raises on it).
 */
import { issue } from '../../../core/errors.ts';
import { PfifErrors } from './errors.ts';
import { matchesFormat, parsePfifDate } from './format.ts';
import { FIELD_ORDER, FORMATS, MANDATORY, NOTE_FIELDS, PERSON_FIELDS, PLACEHOLDER_FIELDS, compareVersion, type PfifVersion, type RecordKind } from './model.ts';
import { readPfifXml, type PfifElement } from './xmlTree.ts';
import type { Issue } from '../../../core/errors.ts';

/** Names of the checks, after pfif_validator's validate_* methods. */
export type PfifCheck = 'document' | 'rootHasChild' | 'rootHasMandatoryChildren' | 'mandatoryFields' | 'fieldFormat'
  | 'uniqueIds' | 'notesBelongToPersons' | 'fieldOrder' | 'expiredRecords' | 'linkedRecords' | 'extraneousFields';

/** One validator finding. `field` (from Issue) is the element the message is about, when any. */
export interface PfifMessage extends Issue {
  readonly severity: 'error' | 'warning';
  readonly check: PfifCheck;
  /** Kind of the record the message is about; null for document- and root-level messages. */
  readonly recordKind: RecordKind | null;
  readonly personRecordId: string | null;
  readonly noteRecordId: string | null;
}

/** Validator result: the document's version (null when unreadable) and every finding. */
export interface PfifValidation {
  readonly version: PfifVersion | null;
  readonly valid: boolean;
  readonly messages: readonly PfifMessage[];
}

/** Options: the current time used by the expiry check (default: now). */
export interface PfifValidateOptions {
  readonly now?: Date;
}

const WARNINGS = new Set<string>([PfifErrors.PFIF_FIELD_BLANK, PfifErrors.PFIF_LINK_ASYMMETRIC, PfifErrors.PFIF_ID_PERSON_AS_NOTE]);
const DAY_MS = 86_400_000;

interface NoteRef { readonly el: PfifElement; readonly parent: PfifElement | null }

class Context {
  readonly messages: PfifMessage[] = [];
  readonly persons: PfifElement[];
  readonly notes: NoteRef[];
  constructor(readonly version: PfifVersion, readonly ns: string, readonly root: PfifElement) {
    this.persons = root.children.filter((c) => this.is(c, 'person'));
    const top = root.children.filter((c) => this.is(c, 'note')).map((el) => ({ el, parent: null }));
    const nested = this.persons.flatMap((p) => p.children.filter((c) => this.is(c, 'note')).map((el) => ({ el, parent: p })));
    this.notes = [...top, ...nested];
  }
  is(el: PfifElement, local: string): boolean {
    return el.ns === this.ns && el.local === local;
  }
  child(el: PfifElement, local: string): PfifElement | undefined {
    return el.children.find((c) => this.is(c, local));
  }
  text(el: PfifElement | null, local: string): string | null {
    const c = el ? this.child(el, local) : undefined;
    return c ? c.text.trim() : null;
  }
  add(check: PfifCheck, code: string, record: PfifElement | null, parent: PfifElement | null, params?: Issue['params'], field?: string): void {
    const base = issue(code, params, field);
    const personRecordId = (record && this.text(record, 'person_record_id')) || this.text(parent, 'person_record_id') || null;
    const noteRecordId = (record && this.text(record, 'note_record_id')) || null;
    const recordKind: RecordKind | null = record ? (record.local === 'note' ? 'note' : 'person') : null;
    this.messages.push({ ...base, severity: WARNINGS.has(code) ? 'warning' : 'error', check, recordKind, personRecordId, noteRecordId });
  }
}

function checkRoot(c: Context): void {
  if (c.root.children.length === 0) c.add('rootHasChild', PfifErrors.PFIF_ROOT_EMPTY, null, null);
  const ok = c.root.children.some((ch) => c.is(ch, 'person') || (compareVersion(c.version, '1.2') >= 0 && c.is(ch, 'note')));
  if (!ok) c.add('rootHasMandatoryChildren', PfifErrors.PFIF_ROOT_NO_RECORD, null, null);
}

function checkMandatory(c: Context): void {
  const rules = MANDATORY[c.version];
  const missing = (record: PfifElement, parent: PfifElement | null, kind: string, fields: readonly string[]) => {
    for (const f of fields) if (!c.child(record, f)) c.add('mandatoryFields', PfifErrors.PFIF_FIELD_MISSING, record, parent, { kind, field: f }, f);
  };
  for (const p of c.persons) missing(p, null, 'person', rules.person);
  for (const n of c.notes) missing(n.el, n.parent, 'note', n.parent ? rules.subnote : rules.note);
}

function checkFormats(c: Context): void {
  const formats = FORMATS[c.version];
  const run = (record: PfifElement, parent: PfifElement | null, kind: RecordKind) => {
    for (const el of record.children) {
      const rule = el.ns === c.ns ? formats[kind][el.local] : undefined;
      if (rule === undefined) continue;
      if (el.text === '') c.add('fieldFormat', PfifErrors.PFIF_FIELD_BLANK, record, parent, { field: el.local }, el.local);
      else if (!matchesFormat(rule, el.text)) c.add('fieldFormat', PfifErrors.PFIF_FIELD_FORMAT, record, parent, { field: el.local, value: el.text, version: c.version, rule }, el.local);
    }
  };
  for (const p of c.persons) run(p, null, 'person');
  for (const n of c.notes) run(n.el, n.parent, 'note');
}

function checkUniqueIds(c: Context): void {
  const seen = (records: { el: PfifElement; parent: PfifElement | null }[], field: string, code: string) => {
    const ids = new Set<string>();
    for (const r of records) {
      const id = c.text(r.el, field);
      if (!id) continue;
      if (ids.has(id)) c.add('uniqueIds', code, r.el, r.parent, { recordId: id }, field);
      else ids.add(id);
    }
    return ids;
  };
  const personIds = seen(c.persons.map((el) => ({ el, parent: null })), 'person_record_id', PfifErrors.PFIF_ID_DUPLICATE_PERSON);
  seen(c.notes, 'note_record_id', PfifErrors.PFIF_ID_DUPLICATE_NOTE);
  for (const n of c.notes) {
    const id = c.text(n.el, 'note_record_id');
    if (id && personIds.has(id)) c.add('uniqueIds', PfifErrors.PFIF_ID_PERSON_AS_NOTE, n.el, n.parent, { recordId: id }, 'note_record_id');
  }
}

function checkNotesBelong(c: Context): void {
  for (const n of c.notes) {
    const own = c.child(n.el, 'person_record_id');
    if (!n.parent) {
      if (!own) c.add('notesBelongToPersons', PfifErrors.PFIF_NOTE_WITHOUT_PERSON, n.el, null, undefined, 'person_record_id');
      continue;
    }
    const parentId = c.child(n.parent, 'person_record_id');
    if (own && parentId && own.text !== parentId.text) {
      c.add('notesBelongToPersons', PfifErrors.PFIF_NOTE_PERSON_MISMATCH, n.el, n.parent, { notePersonId: own.text, personId: parentId.text }, 'person_record_id');
    }
  }
}

function checkOrder(c: Context): void {
  const order = FIELD_ORDER[c.version];
  if (!order) return;
  const run = (record: PfifElement, parent: PfifElement | null, ranks: Readonly<Record<string, number>>) => {
    let max = 0;
    for (const el of record.children) {
      const rank = el.ns === c.ns ? ranks[el.local] : undefined;
      if (rank === undefined) continue;
      if (rank >= max) max = rank;
      else {
        c.add('fieldOrder', PfifErrors.PFIF_FIELD_ORDER, record, parent, { field: el.local, version: c.version }, el.local);
        return;
      }
    }
  };
  for (const p of c.persons) run(p, null, order.person);
  for (const n of c.notes) run(n.el, n.parent, order.note);
}

function personalData(c: Context, record: PfifElement, parent: PfifElement | null, recordId: string): void {
  for (const el of record.children) {
    if (el.ns === c.ns && PLACEHOLDER_FIELDS.includes(el.local)) continue;
    if (c.is(el, 'note')) personalData(c, el, record, recordId);
    else if (el.text.trim() !== '') c.add('expiredRecords', PfifErrors.PFIF_EXPIRED_HAS_DATA, record, parent, { recordId, field: el.local }, el.local);
  }
}

function checkExpiry(c: Context, now: number): void {
  if (compareVersion(c.version, '1.3') < 0) return;
  for (const p of c.persons) {
    const expiryText = c.text(p, 'expiry_date');
    const expiry = expiryText ? parsePfifDate(expiryText) : null;
    // Data must be gone one day after expiry_date (PFIF 1.3 §3.2 expiry_date).
    if (expiry === null || expiry + DAY_MS >= now) continue;
    const id = c.text(p, 'person_record_id') ?? '';
    personalData(c, p, null, id);
    const source = c.text(p, 'source_date');
    if (!source || source !== c.text(p, 'entry_date')) c.add('expiredRecords', PfifErrors.PFIF_EXPIRED_DATES_MISMATCH, p, null, { recordId: id }, 'source_date');
    const sourceMs = source ? parsePfifDate(source) : null;
    if (sourceMs !== null && sourceMs > expiry + DAY_MS) c.add('expiredRecords', PfifErrors.PFIF_EXPIRED_PLACEHOLDER_LATE, p, null, { recordId: id }, 'source_date');
    for (const n of c.notes) if (!n.parent && id && c.text(n.el, 'person_record_id') === id) personalData(c, n.el, null, id);
  }
}

function checkLinks(c: Context): void {
  const links = new Map<string, Map<string, NoteRef>>();
  for (const n of c.notes) {
    const pid = n.parent ? c.text(n.parent, 'person_record_id') : c.text(n.el, 'person_record_id');
    const linked = c.text(n.el, 'linked_person_record_id');
    if (pid === null || linked === null) continue;
    const m = links.get(pid) ?? new Map<string, NoteRef>();
    m.set(linked, n);
    links.set(pid, m);
  }
  for (const [pid, m] of links) {
    for (const [linked, n] of m) {
      if (!links.get(linked)?.has(pid)) c.add('linkedRecords', PfifErrors.PFIF_LINK_ASYMMETRIC, n.el, n.parent, { personId: pid, linkedId: linked }, 'linked_person_record_id');
    }
  }
}

function checkExtraneous(c: Context): void {
  const run = (record: PfifElement, parent: PfifElement | null, parentName: string, approved: readonly string[], isRecord: boolean) => {
    const used = new Set<string>();
    for (const el of record.children) {
      const tag = el.ns === c.ns ? el.local : `{${el.ns ?? ''}}${el.local}`;
      const rec = isRecord ? record : null;
      if (used.has(tag) && tag !== 'note' && tag !== 'person') c.add('extraneousFields', PfifErrors.PFIF_FIELD_DUPLICATE, rec, parent, { field: el.local, parent: parentName }, el.local);
      else if (!approved.includes(tag)) c.add('extraneousFields', PfifErrors.PFIF_FIELD_EXTRANEOUS, rec, parent, { field: el.local, parent: parentName, version: c.version }, el.local);
      else used.add(tag);
    }
  };
  run(c.root, null, 'pfif', c.version === '1.1' ? ['person'] : ['person', 'note'], false);
  for (const p of c.persons) run(p, null, 'person', [...PERSON_FIELDS[c.version], 'note'], true);
  for (const n of c.notes) run(n.el, n.parent, 'note', NOTE_FIELDS[c.version], true);
}

/**
 * Validate a PFIF 1.1–1.4 XML document. A document that cannot be read (malformed XML, root
 * not pfif, no or unknown namespace, unsupported version) gives exactly one 'document' error.
 * `valid` is true when no message has severity 'error'. Never throws.
 */
export function validatePfif(xml: string, options: PfifValidateOptions = {}): PfifValidation {
  const read = readPfifXml(xml);
  if (!read.ok) return { version: null, valid: false, messages: [{ ...read.error, severity: 'error', check: 'document', recordKind: null, personRecordId: null, noteRecordId: null }] };
  const c = new Context(read.doc.version, read.doc.namespace, read.doc.root);
  checkRoot(c);
  checkMandatory(c);
  checkFormats(c);
  checkUniqueIds(c);
  checkNotesBelong(c);
  checkOrder(c);
  checkExpiry(c, (options.now ?? new Date()).getTime());
  checkLinks(c);
  checkExtraneous(c);
  return { version: read.doc.version, valid: !c.messages.some((m) => m.severity === 'error'), messages: c.messages };
}
