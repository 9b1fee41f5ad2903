import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { importPfifCsv } from '../src/apps/reunion/pfif/csv.ts';
import { escapeXmlText, exportPfif14 } from '../src/apps/reunion/pfif/export.ts';
import { importPfifXml, otherToDescription } from '../src/apps/reunion/pfif/import.ts';
import { NOTE_FIELDS_14, PERSON_FIELDS_14 } from '../src/apps/reunion/pfif/model.ts';

const dir = path.join(loadConfig().sharedDataDir, 'pfif');
const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
const samples = readdirSync(dir).filter((f) => f.endsWith('.xml')).sort();

/** Compare two record lists field by field over the given PFIF 1.4 fields. */
function expectSameRecords(a: readonly Record<string, string | undefined>[], b: readonly Record<string, string | undefined>[], fields: readonly string[]): void {
  expect(b.length).toBe(a.length);
  a.forEach((rec, i) => {
    for (const f of fields) expect({ i, f, v: b[i]![f] }).toEqual({ i, f, v: rec[f] });
    expect(Object.keys(b[i]!).sort()).toEqual(Object.keys(rec).sort());
  });
}

describe('PFIF XML import of the shared samples', () => {
  it('finds the nine sample documents', () => {
    expect(samples).toHaveLength(9);
  });

  it.each(samples)('%s imports without a document error', (name) => {
    const r = importPfifXml(read(name));
    expect(r.error).toBeNull();
    expect(r.persons.length + r.notes.length).toBeGreaterThan(0);
    expect(r.rejected).toEqual([]);
  });

  it('maps PFIF 1.1 fields to 1.4 names, trims values and fills nested notes\' person id', () => {
    const r = importPfifXml(read('test.pfif-1.1.xml'));
    expect(r.version).toBe('1.1');
    const p = r.persons[0]!;
    expect(p.person_record_id).toBe('test.google.com/person.21009');
    expect(p.given_name).toBe('_test_first_name');
    expect(p.family_name).toBe('_test_last_name');
    expect(p.full_name).toBe('_test_first_name _test_last_name');
    expect(p.home_postal_code).toBe('_test_home_zip');
    expect(p.home_city).toBe('_test_home_city');
    expect(p.description).toBe('_test_description');
    expect(r.notes.every((n) => n.person_record_id === 'test.google.com/person.21009')).toBe(true);
    expect(r.notes.map((n) => n.author_made_contact)).toEqual(['true', undefined]);
  });

  it('turns a labelled 1.x other into a 1.4 description, keeping any other labelled text whole', () => {
    expect(otherToDescription('description:\n    line one\n    line two\n')).toBe('line one\nline two');
    expect(otherToDescription('description: inline')).toBe('inline');
    expect(otherToDescription('height: 170cm\ndescription: x')).toBe('height: 170cm\ndescription: x');
    expect(otherToDescription('free text without label')).toBe('free text without label');
  });

  it('reads PFIF 1.4 fields and keeps multi-line values', () => {
    const r = importPfifXml(read('test.pfif-1.4.xml'));
    const p = r.persons[0]!;
    expect(p.full_name).toBe('_test_full_name1\n_test_full_name2');
    expect(p.alternate_names).toBe('_test_alternate_name1\n_test_alternate_name2');
    expect(p.profile_urls).toBe('_test_profile_url1\n_test_profile_url2');
    expect(r.notes).toHaveLength(4);
    expect(r.notes[0]).toMatchObject({ note_record_id: 'test.google.com/note.27009', photo_url: '_test_note_photo_url', linked_person_record_id: 'test.google.com/person.999', author_made_contact: 'false', status: 'believed_missing' });
    expect(r.notes[1]!.email_of_found_person).toBeUndefined();
  });

  it('imports top-level notes of PFIF 1.2', () => {
    const r = importPfifXml(read('test.pfif-1.2-notification.xml'));
    expect(r.persons).toEqual([]);
    expect(r.notes).toEqual([expect.objectContaining({ note_record_id: 'test.google.com/note.27009', person_record_id: 'test.google.com/person.21009', status: 'believed_missing', source_date: '2001-01-16T04:05:06Z' })]);
  });

  it('badrecord: imports the good person and its four notes, rejects the foreign-domain person with a reason', () => {
    const r = importPfifXml(read('test.pfif-1.2-badrecord.xml'), { authorizedDomains: ['test.google.com'] });
    expect(r.persons.map((p) => p.person_record_id)).toEqual(['test.google.com/person.21009']);
    expect(r.notes).toHaveLength(4);
    expect(r.rejected).toEqual([expect.objectContaining({ kind: 'person', recordId: 'foo.google.com/person.666', field: 'person_record_id', code: 'PFIF_IMPORT_DOMAIN_NOT_AUTHORIZED' })]);
    expect(r.rejected[0]!.messageEn).toContain('foo.google.com');
  });

  it('rejects bad records one by one without throwing', () => {
    const xml = `<?xml version="1.0"?><pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4">
      <pfif:person><pfif:person_record_id>ex.org/a</pfif:person_record_id><pfif:source_date>2020-13-01T00:00:00Z</pfif:source_date><pfif:full_name>A</pfif:full_name></pfif:person>
      <pfif:person><pfif:full_name>no id</pfif:full_name></pfif:person>
      <pfif:person><pfif:person_record_id>no-slash</pfif:person_record_id></pfif:person>
      <pfif:person><pfif:person_record_id>ex.org/b</pfif:person_record_id><pfif:sex>M</pfif:sex><pfif:foo>x</pfif:foo></pfif:person>
      <pfif:person><pfif:person_record_id>ex.org/c</pfif:person_record_id><pfif:full_name>C &amp; D</pfif:full_name></pfif:person>
      <pfif:person><pfif:person_record_id>ex.org/c</pfif:person_record_id></pfif:person>
      <pfif:note><pfif:note_record_id>ex.org/n1</pfif:note_record_id><pfif:text>t</pfif:text></pfif:note>
      <pfif:note><pfif:note_record_id>ex.org/n2</pfif:note_record_id><pfif:person_record_id>ex.org/c</pfif:person_record_id><pfif:status>lost</pfif:status></pfif:note>
    </pfif:pfif>`;
    const r = importPfifXml(xml);
    expect(r.persons).toEqual([{ person_record_id: 'ex.org/c', full_name: 'C & D' }]);
    expect(r.rejected.map((x) => [x.recordId, x.field, x.code])).toEqual([
      ['ex.org/a', 'source_date', 'PFIF_IMPORT_FIELD_FORMAT'],
      [null, 'person_record_id', 'PFIF_IMPORT_RECORD_ID_MISSING'],
      ['no-slash', 'person_record_id', 'PFIF_IMPORT_RECORD_ID_FORMAT'],
      ['ex.org/b', 'sex', 'PFIF_IMPORT_FIELD_FORMAT'],
      ['ex.org/c', 'person_record_id', 'PFIF_IMPORT_DUPLICATE_ID'],
      ['ex.org/n1', 'person_record_id', 'PFIF_IMPORT_NOTE_WITHOUT_PERSON'],
      ['ex.org/n2', 'status', 'PFIF_IMPORT_FIELD_FORMAT'],
    ]);
    expect(r.warnings.map((w) => [w.code, w.recordId, w.field])).toEqual([['PFIF_IMPORT_FIELD_IGNORED', 'ex.org/b', 'foo']]);
  });

  it('gives one coded error for malformed XML and for a non-PFIF root', () => {
    const bad = importPfifXml('<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.2"><pfif:person>');
    expect(bad.error?.code).toBe('PFIF_XML_MALFORMED');
    expect(bad.persons).toEqual([]);
    expect(importPfifXml('<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/2.0"/>').error?.code).toBe('PFIF_VERSION_UNSUPPORTED');
    expect(importPfifXml('<pfif><person/></pfif>').error?.code).toBe('PFIF_NAMESPACE_MISSING');
  });
});

describe('PFIF 1.4 export', () => {
  it.each(samples)('%s: export then import gives the same records field by field', (name) => {
    const first = importPfifXml(read(name));
    const xml = exportPfif14(first.persons, first.notes);
    const again = importPfifXml(xml);
    expect(again.error).toBeNull();
    expect(again.version).toBe('1.4');
    expect(again.rejected).toEqual([]);
    expect(again.warnings).toEqual([]);
    expectSameRecords(first.persons, again.persons, PERSON_FIELDS_14);
    expectSameRecords(first.notes, again.notes, NOTE_FIELDS_14);
  });

  it('round-trips every PFIF 1.4 field with characters XML must escape', () => {
    const tricky = 'Zhāng 张 "Q" <a> & b ]]> 😀\r\nline 2';
    const person = Object.fromEntries(PERSON_FIELDS_14.map((f) => [f, f.endsWith('record_id') ? 'ex.org/p&1' : f.endsWith('_date') ? '2020-02-29T23:59:59Z' : f === 'sex' ? 'female' : f === 'age' ? '3-5' : f === 'date_of_birth' ? '2017-02' : `${f}: ${tricky}`]));
    const note = Object.fromEntries(NOTE_FIELDS_14.map((f) => [f, f === 'person_record_id' ? 'ex.org/p&1' : f.endsWith('record_id') ? 'ex.org/n<1>' : f.endsWith('_date') ? '2020-03-01T00:00:00Z' : f === 'author_made_contact' ? 'true' : f === 'status' ? 'believed_alive' : `${f}: ${tricky}`]));
    const back = importPfifXml(exportPfif14([person], [note]));
    expect(back.rejected).toEqual([]);
    expectSameRecords([person], back.persons, PERSON_FIELDS_14);
    expectSameRecords([note], back.notes, NOTE_FIELDS_14);
  });

  it('round-trips the records of the CSV sample', () => {
    const csv = importPfifCsv(read('sample-import.csv'), { domain: 'test.google.com' });
    const back = importPfifXml(exportPfif14(csv.persons, csv.notes));
    expectSameRecords(csv.persons, back.persons, PERSON_FIELDS_14);
  });

  it('writes fields in the PFIF 1.4 order, nests notes, escapes text and writes empty mandatory fields', () => {
    const xml = exportPfif14(
      [{ full_name: 'Li <Ming> & co', source_date: '2020-01-01T00:00:00Z', person_record_id: 'ex.org/p1', sex: 'male' }],
      [{ text: 'seen\u0001', note_record_id: 'ex.org/n1', person_record_id: 'ex.org/p1' }, { note_record_id: 'ex.org/n2', person_record_id: 'ex.org/p9', text: 'x' }],
    );
    expect(xml).toBe([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4">',
      '  <pfif:person>',
      '    <pfif:person_record_id>ex.org/p1</pfif:person_record_id>',
      '    <pfif:source_date>2020-01-01T00:00:00Z</pfif:source_date>',
      '    <pfif:full_name>Li &lt;Ming&gt; &amp; co</pfif:full_name>',
      '    <pfif:sex>male</pfif:sex>',
      '    <pfif:note>',
      '      <pfif:note_record_id>ex.org/n1</pfif:note_record_id>',
      '      <pfif:person_record_id>ex.org/p1</pfif:person_record_id>',
      '      <pfif:author_name></pfif:author_name>',
      '      <pfif:source_date></pfif:source_date>',
      '      <pfif:text>seen</pfif:text>',
      '    </pfif:note>',
      '  </pfif:person>',
      '  <pfif:note>',
      '    <pfif:note_record_id>ex.org/n2</pfif:note_record_id>',
      '    <pfif:person_record_id>ex.org/p9</pfif:person_record_id>',
      '    <pfif:author_name></pfif:author_name>',
      '    <pfif:source_date></pfif:source_date>',
      '    <pfif:text>x</pfif:text>',
      '  </pfif:note>',
      '</pfif:pfif>',
      '',
    ].join('\n'));
    expect(escapeXmlText('a\r\nb')).toBe('a&#13;\nb');
  });
});

describe('Person Finder CSV import', () => {
  it('imports the sample row as a person in the repository domain, cells matched by position', () => {
    const r = importPfifCsv(read('sample-import.csv'), { domain: 'test.google.com' });
    expect(r.persons).toEqual([{
      person_record_id: 'test.google.com/1', author_name: 'Test Author', source_name: 'Test source',
      source_date: '2013-02-14T00:00:00Z', full_name: 'Test Person', description: 'This is a test entry', sex: 'male',
    }]);
    // The sample row has one cell more than its header, so its note cells are shifted right by
    // one and its note_record_id cell is empty: no note is created (as csv.DictReader reads it).
    expect(r.notes).toEqual([]);
    expect(r.warnings.map((w) => [w.code, w.params])).toEqual([['PFIF_CSV_EXTRA_CELLS', { line: 2, cells: 30, columns: 29 }]]);
    expect(r.rejected).toEqual([]);
  });

  it('creates a note from a row with note_record_id, sharing author and date, and repeats persons for more notes', () => {
    const csv = 'person_record_id,author_name,source_date,full_name,note_record_id,author_made_contact,status,text\n'
      + '7,Ann,2013-02-14T00:00:00Z,Bo Li,n1,TRUE,believed_alive,found him\n'
      + '7,Ann,2013-02-15T00:00:00Z,Bo Li,n2,false,,second\n'
      + 'other.org/8,Ann,2013-02-14T00:00:00Z,X,,,,\n';
    const r = importPfifCsv(csv, { domain: 'ex.org', authorizedDomains: ['ex.org'] });
    expect(r.persons.map((p) => p.person_record_id)).toEqual(['ex.org/7']);
    expect(r.notes).toEqual([
      { note_record_id: 'ex.org/n1', person_record_id: 'ex.org/7', author_name: 'Ann', source_date: '2013-02-14T00:00:00Z', author_made_contact: 'true', status: 'believed_alive', text: 'found him' },
      { note_record_id: 'ex.org/n2', person_record_id: 'ex.org/7', author_name: 'Ann', source_date: '2013-02-15T00:00:00Z', author_made_contact: 'false', text: 'second' },
    ]);
    expect(r.rejected.map((x) => [x.recordId, x.code])).toEqual([['other.org/8', 'PFIF_IMPORT_DOMAIN_NOT_AUTHORIZED']]);
  });
});
