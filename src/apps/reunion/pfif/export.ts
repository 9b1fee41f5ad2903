/**
 * PFIF 1.4 XML export (PFIF 1.4 §3 "XML format"): a <pfif:pfif> root in the namespace
 * http://zesty.ca/pfif/1.4, each person with its fields in the standard order (§3.2) followed
 * by its notes (§3.3, fields in order), then notes whose person is not in the export as
 * top-level notes. Empty fields are omitted except mandatory ones, which are written empty.
 * Text is XML-escaped and characters XML 1.0 forbids (§2.2 of XML 1.0) are removed.
 */
import { MANDATORY, NOTE_FIELDS_14, PERSON_FIELDS_14, pfifNamespace, type PfifNote, type PfifPerson } from './model.ts';

// XML 1.0 Char production: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escape text for an XML element body: drops forbidden characters, escapes & < > and CR. */
export function escapeXmlText(value: string): string {
  return value.replace(NOT_XML_CHAR, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

function writeFields(lines: string[], record: Readonly<Record<string, string | undefined>>, fields: readonly string[], mandatory: readonly string[], indent: string): void {
  for (const field of fields) {
    const value = record[field];
    if ((value !== undefined && value !== '') || mandatory.includes(field)) {
      lines.push(`${indent}<pfif:${field}>${escapeXmlText(value ?? '')}</pfif:${field}>`);
    }
  }
}

function writeNote(lines: string[], note: PfifNote, indent: string, nested: boolean): void {
  lines.push(`${indent}<pfif:note>`);
  writeFields(lines, note, NOTE_FIELDS_14, MANDATORY['1.4'][nested ? 'subnote' : 'note'], indent + '  ');
  lines.push(`${indent}</pfif:note>`);
}

/**
 * Serialize persons and notes as a PFIF 1.4 document (UTF-8 text with an XML declaration).
 * Notes are nested under the person whose person_record_id they carry when that person is in
 * `persons`, in the order given; the rest are written at the top level. Nested notes keep
 * their person_record_id (allowed by §3.3), so an import gives back equal records.
 */
export function exportPfif14(persons: readonly PfifPerson[], notes: readonly PfifNote[]): string {
  const byPerson = new Map<string, PfifNote[]>();
  const personIds = new Set(persons.map((p) => p.person_record_id).filter((id): id is string => id !== undefined));
  const topLevel: PfifNote[] = [];
  for (const note of notes) {
    const pid = note.person_record_id;
    if (pid !== undefined && personIds.has(pid)) {
      const list = byPerson.get(pid) ?? [];
      list.push(note);
      byPerson.set(pid, list);
    } else topLevel.push(note);
  }
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<pfif:pfif xmlns:pfif="${pfifNamespace('1.4')}">`];
  const written = new Set<string>();
  for (const person of persons) {
    lines.push('  <pfif:person>');
    writeFields(lines, person, PERSON_FIELDS_14, MANDATORY['1.4'].person, '    ');
    const pid = person.person_record_id;
    if (pid !== undefined && !written.has(pid)) {
      written.add(pid);
      for (const note of byPerson.get(pid) ?? []) writeNote(lines, note, '    ', true);
    }
    lines.push('  </pfif:person>');
  }
  for (const note of topLevel) writeNote(lines, note, '  ', false);
  lines.push('</pfif:pfif>', '');
  return lines.join('\n');
}
