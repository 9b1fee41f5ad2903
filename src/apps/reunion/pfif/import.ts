/**
 * PFIF XML import (PFIF 1.1, 1.2, 1.3 and 1.4): persons with nested notes and top-level notes
 * (1.2+) are read into PFIF 1.4 records (see model.ts for the renames of older versions).
 * Values are trimmed and empty values dropped, as Person Finder's importer does. A nested
 * note without person_record_id takes its person's (PFIF 1.4 §3.3). A bad record never stops
 * the import: it lands in `rejected` with its id, field and coded reason; a malformed document
 * gives one coded `error` and no records.
 */
import { issue, type Issue } from '../../../core/errors.ts';
import { PfifErrors } from './errors.ts';
import { NOTE_FIELDS, PERSON_FIELDS, RENAMED_TO_14, type PfifNote, type PfifPerson, type PfifVersion, type RecordKind } from './model.ts';
import { checkNote, checkPerson, deriveFullName, rejection, type PfifImportOptions, type PfifImportWarning, type PfifRejection } from './records.ts';
import { readPfifXml, type PfifElement } from './xmlTree.ts';

export type { PfifImportOptions, PfifImportWarning, PfifRejection } from './records.ts';

/** The result set of an import. `error` is set (and nothing else) when the document is unreadable. */
export interface PfifImportResult {
  readonly version: PfifVersion | null;
  readonly persons: PfifPerson[];
  readonly notes: PfifNote[];
  readonly rejected: PfifRejection[];
  readonly warnings: PfifImportWarning[];
  readonly error: Issue | null;
}

/** Collects accepted records, refusing a second record with an id already accepted. */
export class RecordCollector {
  readonly persons: PfifPerson[] = [];
  readonly notes: PfifNote[] = [];
  readonly rejected: PfifRejection[] = [];
  readonly warnings: PfifImportWarning[] = [];
  private readonly personIds = new Set<string>();
  private readonly noteIds = new Set<string>();
  constructor(private readonly options: PfifImportOptions) {}

  /** Accept or reject a person. */
  addPerson(person: PfifPerson): void {
    const bad = checkPerson(person, this.options);
    if (bad) this.rejected.push(bad);
    else if (this.personIds.has(person.person_record_id!)) this.rejected.push(rejection('person', person.person_record_id!, 'person_record_id', PfifErrors.PFIF_IMPORT_DUPLICATE_ID, { recordId: person.person_record_id! }));
    else {
      this.personIds.add(person.person_record_id!);
      this.persons.push(person);
    }
  }

  /** Accept or reject a note. */
  addNote(note: PfifNote): void {
    const bad = checkNote(note, this.options);
    if (bad) this.rejected.push(bad);
    else if (this.noteIds.has(note.note_record_id!)) this.rejected.push(rejection('note', note.note_record_id!, 'note_record_id', PfifErrors.PFIF_IMPORT_DUPLICATE_ID, { recordId: note.note_record_id! }));
    else {
      this.noteIds.add(note.note_record_id!);
      this.notes.push(note);
    }
  }

  /** Record a warning. */
  warn(code: string, recordId: string | null, params: Issue['params'], field?: string): void {
    this.warnings.push({ ...issue(code, params, field), recordId });
  }
}

const DESCRIPTION_LABEL = 'description:';

/**
 * PFIF 1.1–1.3 'other' to 1.4 'description' (1.4 §1: 'other' was replaced by 'description').
 * Person Finder wrote descriptions into 'other' under a 'description:' label with indented
 * lines; when 'other' holds only that labelled section, the label and indentation are removed;
 * any other 'label:' line means the text is kept whole, so nothing is lost.
 */
export function otherToDescription(other: string): string {
  const kept: string[] = [];
  let labelled = false;
  for (const raw of other.split('\n')) {
    let line = raw;
    if (line.startsWith(DESCRIPTION_LABEL)) {
      labelled = true;
      line = line.slice(DESCRIPTION_LABEL.length);
      if (line.trim() === '') continue;
    } else if (/^\S+:/.test(line)) return other;
    kept.push(line.replace(/^[ \t]+|[ \t]+$/g, ''));
  }
  return labelled ? kept.join('\n').trim() : other;
}

function readFields(el: PfifElement, ns: string, kind: RecordKind, version: PfifVersion, out: RecordCollector): Record<string, string> {
  const allowed = kind === 'person' ? PERSON_FIELDS[version] : NOTE_FIELDS[version];
  const renames = version === '1.4' ? {} : RENAMED_TO_14[kind];
  const record: Record<string, string> = {};
  const idField = kind === 'person' ? 'person_record_id' : 'note_record_id';
  const recordId = el.children.find((c) => c.ns === ns && c.local === idField)?.text.trim() || null;
  for (const child of el.children) {
    if (kind === 'person' && child.ns === ns && child.local === 'note') continue;
    if (child.ns !== ns || !allowed.includes(child.local)) {
      out.warn(PfifErrors.PFIF_IMPORT_FIELD_IGNORED, recordId, { version, kind, field: child.local }, child.local);
      continue;
    }
    const name = renames[child.local] ?? child.local;
    const value = (child.local === 'other' && version !== '1.4' ? otherToDescription(child.text) : child.text).trim();
    if (value !== '' && record[name] === undefined) record[name] = value;
  }
  return record;
}

function readNote(el: PfifElement, ns: string, version: PfifVersion, out: RecordCollector, parentId: string | undefined): void {
  const note = readFields(el, ns, 'note', version, out) as PfifNote;
  if (parentId !== undefined) {
    if (note.person_record_id !== undefined && note.person_record_id !== parentId) {
      out.rejected.push(rejection('note', note.note_record_id ?? null, 'person_record_id', PfifErrors.PFIF_NOTE_PERSON_MISMATCH, { notePersonId: note.person_record_id, personId: parentId }));
      return;
    }
    note.person_record_id = parentId;
  }
  out.addNote(note);
}

/**
 * Import a PFIF 1.1–1.4 XML document. Returns the accepted persons and notes (PFIF 1.4 field
 * names, notes in document order with person_record_id set), rejected records with reasons,
 * and warnings for fields the document's version does not define. Never throws; a document
 * that is not well-formed XML or not PFIF gives `error` (PFIF_XML_MALFORMED, PFIF_ROOT_NOT_PFIF,
 * PFIF_NAMESPACE_MISSING, PFIF_NAMESPACE_UNKNOWN, PFIF_VERSION_UNSUPPORTED).
 */
export function importPfifXml(xml: string, options: PfifImportOptions = {}): PfifImportResult {
  const read = readPfifXml(xml);
  if (!read.ok) return { version: null, persons: [], notes: [], rejected: [], warnings: [], error: read.error };
  const { version, namespace: ns, root } = read.doc;
  const out = new RecordCollector(options);
  for (const child of root.children) {
    if (child.ns === ns && child.local === 'person') {
      const person = readFields(child, ns, 'person', version, out) as PfifPerson;
      deriveFullName(person);
      out.addPerson(person);
      for (const n of child.children) if (n.ns === ns && n.local === 'note') readNote(n, ns, version, out, person.person_record_id);
    } else if (child.ns === ns && child.local === 'note' && version !== '1.1') {
      readNote(child, ns, version, out, undefined);
    } else {
      out.warn(PfifErrors.PFIF_IMPORT_FIELD_IGNORED, null, { version, kind: 'pfif', field: child.local }, child.local);
    }
  }
  return { version, persons: out.persons, notes: out.notes, rejected: out.rejected, warnings: out.warnings, error: null };
}
