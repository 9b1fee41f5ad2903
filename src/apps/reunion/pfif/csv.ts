/**
 * Person Finder's CSV import format: a header row of PFIF 1.4 field names, then one row per
 * person, optionally carrying one note (when note_record_id is filled). The note shares the
 * row's author_*, source_date and text columns with the person, as in Person Finder's CSV
 * import. A record id without a domain ('1') is placed in the importing repository's domain
 * ('example.org/1'). Several rows may repeat a person to carry several notes; the person is
 * taken from its first row. Booleans are accepted in any case ('FALSE' → 'false').
 * Field rules: PFIF 1.4 §3.2–3.3.
 */
import { CsvParser } from '../../../ingest/csvParser.ts';
import { PfifErrors } from './errors.ts';
import type { PfifImportResult } from './import.ts';
import { RecordCollector } from './import.ts';
import { NOTE_FIELDS_14, PERSON_FIELDS_14, type PfifNote, type PfifPerson } from './model.ts';
import { rejection, type PfifImportOptions } from './records.ts';

/** Options of the CSV import: the repository domain for ids written without one. */
export interface PfifCsvImportOptions extends PfifImportOptions {
  /** Domain prefixed to record ids that have no '/', e.g. 'reunion.example.org'. */
  readonly domain: string;
}

const NOTE_ONLY = new Set(['note_record_id', 'linked_person_record_id', 'author_made_contact', 'status', 'email_of_found_person', 'phone_of_found_person', 'last_known_location', 'text']);
const ID_FIELDS = new Set(['person_record_id', 'note_record_id', 'linked_person_record_id']);

function value(row: Readonly<Record<string, string>>, field: string, domain: string): string | undefined {
  let v = row[field]?.trim();
  if (v === undefined || v === '') return undefined;
  if (ID_FIELDS.has(field) && !v.includes('/')) v = `${domain}/${v}`;
  if (field === 'author_made_contact') v = v.toLowerCase();
  return v;
}

function rowRecords(row: Readonly<Record<string, string>>, domain: string): { person: PfifPerson; note: PfifNote | null } {
  const person: Record<string, string> = {};
  for (const f of PERSON_FIELDS_14) {
    const v = value(row, f, domain);
    if (v !== undefined) person[f] = v;
  }
  if (value(row, 'note_record_id', domain) === undefined) return { person, note: null };
  const note: Record<string, string> = {};
  for (const f of NOTE_FIELDS_14) {
    if (f === 'photo_url') continue; // the row's photo_url is the person's
    const v = value(row, f, domain);
    if (v !== undefined) note[f] = v;
  }
  note.person_record_id = person.person_record_id ?? '';
  if (note.person_record_id === '') delete note.person_record_id;
  return { person, note };
}

/**
 * Import Person Finder CSV text. Returns the same result set as importPfifXml (version '1.4').
 * Unknown columns give PFIF_CSV_COLUMN_UNKNOWN warnings; cells are matched to columns by
 * position and cells beyond the header are ignored with a PFIF_CSV_EXTRA_CELLS warning (as
 * Python's csv.DictReader, which Person Finder uses, does); rows the CSV parser flags
 * (unbalanced quotes) are rejected with PFIF_CSV_ROW_MALFORMED; records failing the PFIF checks are rejected as in the XML import.
 * Never throws.
 */
export function importPfifCsv(text: string, options: PfifCsvImportOptions): PfifImportResult {
  const out = new RecordCollector(options);
  const known = new Set<string>([...PERSON_FIELDS_14, ...NOTE_ONLY]);
  let header: string[] | null = null;
  const seen = new Set<string>();
  const parser = new CsvParser((fields, line, error) => {
    if (header === null) {
      header = fields.map((f) => f.trim().replace(/^\uFEFF/, ''));
      for (const column of header) if (!known.has(column)) out.warn(PfifErrors.PFIF_CSV_COLUMN_UNKNOWN, null, { column });
      return;
    }
    if (error !== null) {
      out.rejected.push(rejection('person', null, null, PfifErrors.PFIF_CSV_ROW_MALFORMED, { line, reason: error }));
      return;
    }
    if (fields.length > header.length) out.warn(PfifErrors.PFIF_CSV_EXTRA_CELLS, null, { line, cells: fields.length, columns: header.length });
    const row: Record<string, string> = {};
    header.forEach((column, i) => { row[column] = fields[i] ?? ''; });
    const { person, note } = rowRecords(row, options.domain);
    // Further rows of a person already read carry more of its notes.
    const pid = person.person_record_id;
    if (pid === undefined || !seen.has(pid)) out.addPerson(person);
    if (pid !== undefined) seen.add(pid);
    if (note) out.addNote(note);
  });
  parser.push(text);
  parser.end();
  return { version: '1.4', persons: out.persons, notes: out.notes, rejected: out.rejected, warnings: out.warnings, error: null };
}
