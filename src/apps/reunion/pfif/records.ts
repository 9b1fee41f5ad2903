/**
 * Import-side checks of one PFIF record (PFIF 1.4 §2 "Data model"): a record id of the form
 * 'domain/unique-id' in an authorized domain, real UTC dates, and the closed value sets (sex,
 * status, author_made_contact) plus date_of_birth and age formats. Free-text fields, e-mail
 * addresses, phones and URLs are taken as given, as Person Finder's importer does. These
 * checks reject a record; the full rule set of the standard is the validator's (validator.ts).
 */
import { issue, type Issue } from '../../../core/errors.ts';
import { PfifErrors } from './errors.ts';
import { matchesFormat, parsePfifDate, recordIdDomain } from './format.ts';
import type { PfifNote, PfifPerson, RecordKind } from './model.ts';

/** One record an import refused: its id (null when it has none), the field and the reason. */
export interface PfifRejection {
  readonly kind: RecordKind;
  readonly recordId: string | null;
  readonly field: string | null;
  readonly code: string;
  readonly message: string;
  readonly messageEn: string;
}

/** A non-blocking finding of an import (ignored fields or columns), with its record id. */
export interface PfifImportWarning extends Issue {
  readonly recordId: string | null;
}

/** Options of every PFIF import. */
export interface PfifImportOptions {
  /**
   * Record-id domains this repository accepts (compared case-insensitively). When given,
   * records of any other domain are rejected with PFIF_IMPORT_DOMAIN_NOT_AUTHORIZED, as Person
   * Finder rejects records outside the domain an API key may write.
   */
  readonly authorizedDomains?: readonly string[];
}

const DATE_FIELDS = ['entry_date', 'source_date', 'expiry_date'] as const;
const ENUM_FIELDS = { sex: 'sex', date_of_birth: 'date_of_birth', age: 'age', status: 'status', author_made_contact: 'boolean' } as const;

/** Build a rejection of `record` for `code`. */
export function rejection(kind: RecordKind, recordId: string | null, field: string | null, code: string, params?: Issue['params']): PfifRejection {
  const i = issue(code, params, field ?? undefined);
  return { kind, recordId, field, code, message: i.message, messageEn: i.messageEn };
}

function checkId(kind: RecordKind, recordId: string | null, field: string, value: string | undefined, options: PfifImportOptions): PfifRejection | null {
  if (value === undefined) return rejection(kind, recordId, field, PfifErrors.PFIF_IMPORT_RECORD_ID_MISSING, { kind });
  const domain = recordIdDomain(value);
  if (domain === null) return rejection(kind, recordId, field, PfifErrors.PFIF_IMPORT_RECORD_ID_FORMAT, { value });
  const allowed = options.authorizedDomains;
  if (allowed && !allowed.some((d) => d.toLowerCase() === domain)) return rejection(kind, recordId, field, PfifErrors.PFIF_IMPORT_DOMAIN_NOT_AUTHORIZED, { domain });
  return null;
}

function checkValues(kind: RecordKind, recordId: string, record: Readonly<Record<string, string | undefined>>): PfifRejection | null {
  for (const field of DATE_FIELDS) {
    const v = record[field];
    if (v !== undefined && parsePfifDate(v) === null) return rejection(kind, recordId, field, PfifErrors.PFIF_IMPORT_FIELD_FORMAT, { field, value: v, rule: 'YYYY-MM-DDTHH:MM:SSZ (UTC)' });
  }
  for (const [field, rule] of Object.entries(ENUM_FIELDS)) {
    const v = record[field];
    if (v !== undefined && !matchesFormat(rule, v)) return rejection(kind, recordId, field, PfifErrors.PFIF_IMPORT_FIELD_FORMAT, { field, value: v, rule });
  }
  return null;
}

/** Check a person record; returns the reason it must be rejected, or null to accept it. */
export function checkPerson(person: PfifPerson, options: PfifImportOptions): PfifRejection | null {
  const id = person.person_record_id ?? null;
  return checkId('person', id, 'person_record_id', person.person_record_id, options) ?? checkValues('person', id!, person);
}

/**
 * Check a note record; returns the reason it must be rejected, or null. A note must name its
 * person (PFIF 1.4 §3.3: person_record_id is mandatory outside a person element); its linked
 * person, when given, must be a well-formed record id.
 */
export function checkNote(note: PfifNote, options: PfifImportOptions): PfifRejection | null {
  const id = note.note_record_id ?? null;
  const own = checkId('note', id, 'note_record_id', note.note_record_id, options);
  if (own) return own;
  if (note.person_record_id === undefined) return rejection('note', id, 'person_record_id', PfifErrors.PFIF_IMPORT_NOTE_WITHOUT_PERSON, { recordId: id });
  if (recordIdDomain(note.person_record_id) === null) return rejection('note', id, 'person_record_id', PfifErrors.PFIF_IMPORT_RECORD_ID_FORMAT, { value: note.person_record_id });
  const linked = note.linked_person_record_id;
  if (linked !== undefined && recordIdDomain(linked) === null) return rejection('note', id, 'linked_person_record_id', PfifErrors.PFIF_IMPORT_RECORD_ID_FORMAT, { value: linked });
  return checkValues('note', id!, note);
}

/**
 * Fill a person's full_name from given_name and family_name when it has none (records of
 * PFIF 1.1/1.2, which had no full_name; 1.4 §3.2 makes full_name mandatory).
 */
export function deriveFullName(person: PfifPerson): void {
  if (person.full_name !== undefined) return;
  const parts = [person.given_name, person.family_name].filter((p): p is string => p !== undefined);
  if (parts.length > 0) person.full_name = parts.join(' ');
}
