import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { exportPfif14 } from '../src/apps/reunion/pfif/export.ts';
import { importPfifXml } from '../src/apps/reunion/pfif/import.ts';
import { validatePfif, type PfifCheck, type PfifMessage } from '../src/apps/reunion/pfif/validator.ts';

const dir = path.join(loadConfig().sharedDataDir, 'pfif', 'validator_fixtures');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.xml')).map((f) => f.slice(0, -4)).sort();
/** The time test_validator.py sets for its expiry tests (EXPIRED_TIME). */
const EXPIRED_TIME = new Date('1999-03-01T00:00:00Z');
const run = (name: string, now = EXPIRED_TIME) => validatePfif(readFileSync(path.join(dir, `${name}.xml`), 'utf8'), { now });

function countBy(messages: readonly PfifMessage[], key: (m: PfifMessage) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of messages) out[key(m)] = (out[key(m)] ?? 0) + 1;
  return out;
}

const MISSING = 'PFIF_FIELD_MISSING';
const BLANK = 'PFIF_FIELD_BLANK';
const NO_PERSON = 'PFIF_NOTE_WITHOUT_PERSON';
const EXTRA = 'PFIF_FIELD_EXTRANEOUS';

/**
 * Every fixture, with the exact codes (and how many of each) a full validation at
 * EXPIRED_TIME gives. {} means the document must pass clean. The counts for the check a
 * fixture was written for come from test_validator.py (see BY_CHECK below); the other codes
 * are the remaining rules of the standard firing on the same small documents (most fixtures
 * omit mandatory fields that are not what they test).
 */
const EXPECTED: Record<string, Record<string, number>> = {
  XML_11_FULL: {},
  XML_11_SMALL: { [MISSING]: 3 },
  XML_ADDED_DELETED_CHANGED_1: { [MISSING]: 3, [EXTRA]: 1 },
  XML_ADDED_DELETED_CHANGED_2: { [MISSING]: 5, PFIF_FIELD_FORMAT: 1, [NO_PERSON]: 1, [EXTRA]: 1 },
  XML_ASYMMETRICALLY_LINKED_RECORDS: { [MISSING]: 3, PFIF_LINK_ASYMMETRIC: 1 },
  XML_BAD_PFIF_VERSION: { PFIF_VERSION_UNSUPPORTED: 1 },
  XML_BAD_PFIF_WEBSITE: { PFIF_NAMESPACE_UNKNOWN: 1 },
  XML_BLANK_FIELDS: { [MISSING]: 1, [BLANK]: 1 },
  XML_CORRECTLY_LINKED_RECORDS: { [MISSING]: 8 },
  XML_CORRECT_FIELD_ORDER_12: { [MISSING]: 15, [BLANK]: 18 },
  XML_CORRECT_FORMAT_13: { [MISSING]: 2 },
  XML_DUPLICATE_FIELDS: { [MISSING]: 12, [BLANK]: 8, [NO_PERSON]: 1, PFIF_NOTE_PERSON_MISMATCH: 1, PFIF_FIELD_DUPLICATE: 3 },
  XML_DUPLICATE_NOTE_IDS: { [MISSING]: 18, PFIF_ID_DUPLICATE_NOTE: 2, [NO_PERSON]: 3 },
  XML_DUPLICATE_PERSON_AND_NOTE_ID: { [MISSING]: 6, PFIF_ID_PERSON_AS_NOTE: 1, [NO_PERSON]: 1 },
  XML_DUPLICATE_PERSON_IDS: { [MISSING]: 8, PFIF_ID_DUPLICATE_PERSON: 2 },
  XML_EMPTY_EXPIRY_DATE: { [MISSING]: 1, [BLANK]: 1 },
  XML_EXPIRE_99_12: { [MISSING]: 2, [EXTRA]: 1 },
  XML_EXPIRE_99_EMPTY_DATA: { [MISSING]: 4, [BLANK]: 2 },
  XML_EXPIRE_99_HAS_DATA_NONSYNCED_DATES: { [MISSING]: 7, PFIF_EXPIRED_HAS_DATA: 3, PFIF_EXPIRED_DATES_MISMATCH: 1 },
  XML_EXPIRE_99_HAS_DATA_SYNCED_DATES: { [MISSING]: 1, PFIF_EXPIRED_HAS_DATA: 1 },
  XML_EXPIRE_99_HAS_NOTE_DATA: { [MISSING]: 4, PFIF_EXPIRED_HAS_DATA: 1 },
  XML_EXPIRE_99_HAS_NOTE_SYNCED_DATES: { [MISSING]: 4, PFIF_EXPIRED_HAS_DATA: 1 },
  XML_EXPIRE_99_NO_DATA: { [MISSING]: 1 },
  XML_EXPIRE_99_NO_DATA_NONSYNCED_DATES: { [MISSING]: 2, PFIF_EXPIRED_DATES_MISMATCH: 1, PFIF_EXPIRED_PLACEHOLDER_LATE: 1 },
  XML_EXTRANEOUS_FIELD_11: { [MISSING]: 2, [BLANK]: 1, [EXTRA]: 1 },
  XML_FULL_12: { [MISSING]: 28, [NO_PERSON]: 1, PFIF_LINK_ASYMMETRIC: 1 },
  XML_GIBBERISH_FIELDS: { [MISSING]: 11, [NO_PERSON]: 1, [EXTRA]: 5 },
  XML_INCORRECT_FIELD_ORDER_11: { [MISSING]: 11, [BLANK]: 10, PFIF_FIELD_ORDER: 5 },
  XML_INCORRECT_FORMAT_11: { [MISSING]: 5, PFIF_FIELD_FORMAT: 23 },
  XML_INCORRECT_FORMAT_12: { [MISSING]: 17, PFIF_FIELD_FORMAT: 12, PFIF_LINK_ASYMMETRIC: 1 },
  XML_INCORRECT_FORMAT_13: { [MISSING]: 3, PFIF_FIELD_FORMAT: 1 },
  XML_INCORRECT_NOTE_FIELD_ORDER_12: { [MISSING]: 10, [BLANK]: 10, [NO_PERSON]: 1, PFIF_FIELD_ORDER: 4 },
  XML_INCORRECT_PERSON_FIELD_ORDER_12: { [MISSING]: 18, [BLANK]: 6, PFIF_FIELD_ORDER: 3 },
  XML_INVALID: { PFIF_XML_MALFORMED: 1 },
  XML_MANDATORY_13: {},
  XML_MANDATORY_13_NONSUB: {},
  XML_MANDATORY_13_SUBNOTE: {},
  XML_MISSING_FIELDS_11: { [MISSING]: 4 },
  XML_NON_PFIF_ROOT: { PFIF_ROOT_NOT_PFIF: 1 },
  XML_NOTES_BELONG_TO_PEOPLE: { [MISSING]: 14 },
  XML_NOTES_NO_CHILDREN: { [MISSING]: 12, [NO_PERSON]: 1 },
  XML_NOTES_WITHOUT_PEOPLE: { [MISSING]: 11, [NO_PERSON]: 1, PFIF_NOTE_PERSON_MISMATCH: 1 },
  XML_NOTES_WITH_CHILDREN: { [MISSING]: 3, [BLANK]: 9 },
  XML_NO_EXPIRY_DATE: { [MISSING]: 1 },
  XML_NO_NAMESPACE: { PFIF_NAMESPACE_MISSING: 1 },
  XML_ODD_ORDER_13: { [MISSING]: 11, [BLANK]: 10 },
  XML_ONE_BLANK_RECORD_ID: { [MISSING]: 4, [BLANK]: 1 },
  XML_ONE_PERSON_ONE_FIELD: { [MISSING]: 2 },
  XML_ONE_PERSON_TWO_FIELDS: { [MISSING]: 1 },
  XML_ONE_PERSON_TWO_FIELDS_NEW_VALUE: { [MISSING]: 1, PFIF_FIELD_FORMAT: 1 },
  XML_PERSON_NO_CHILDREN_13: { [MISSING]: 3 },
  XML_PERSON_WITH_CHILDREN_11: { [BLANK]: 3 },
  XML_PERSON_WITH_CHILDREN_13: { [BLANK]: 3 },
  XML_ROOT_HAS_BAD_CHILD: { PFIF_ROOT_NO_RECORD: 1, [EXTRA]: 1 },
  XML_ROOT_LACKS_CHILD: { PFIF_ROOT_EMPTY: 1, PFIF_ROOT_NO_RECORD: 1 },
  XML_TOP_LEVEL_NOTE_11: { PFIF_ROOT_NO_RECORD: 1, [MISSING]: 5, [NO_PERSON]: 1, [EXTRA]: 1 },
  XML_TOP_LEVEL_NOTE_12: { [MISSING]: 5, [NO_PERSON]: 1 },
  XML_TOP_LEVEL_NOTE_PERSON_11: { [MISSING]: 14, [BLANK]: 2, [NO_PERSON]: 2, [EXTRA]: 2 },
  XML_TWO_DUPLICATE_NO_CHILD: { PFIF_ROOT_NO_RECORD: 1, [EXTRA]: 2 },
  XML_TWO_PERSONS_ONE_FIELD: { [MISSING]: 4 },
  XML_UNICODE_12: {},
  XML_UNIQUE_NOTE_IDS: { [MISSING]: 16, [NO_PERSON]: 4 },
  XML_UNIQUE_PERSON_IDS: { [MISSING]: 8 },
  XML_UNLINKED_RECORDS: { [MISSING]: 5 },
};

/**
 * test_validator.py's expectations, per check: [fixture, check, record kind or null (both),
 * expected number of messages of that check]. Pair fixtures sit side by side: the first of each
 * pair must pass that check clean, the second must fail it.
 */
const BY_CHECK: readonly [string, PfifCheck, 'person' | 'note' | null, number][] = [
  ['XML_11_SMALL', 'rootHasChild', null, 0], ['XML_ROOT_LACKS_CHILD', 'rootHasChild', null, 1],
  ['XML_11_SMALL', 'rootHasMandatoryChildren', null, 0], ['XML_ROOT_HAS_BAD_CHILD', 'rootHasMandatoryChildren', null, 1],
  ['XML_TOP_LEVEL_NOTE_12', 'rootHasMandatoryChildren', null, 0], ['XML_TOP_LEVEL_NOTE_11', 'rootHasMandatoryChildren', null, 1],
  ['XML_NOTES_WITH_CHILDREN', 'mandatoryFields', 'note', 0], ['XML_NOTES_NO_CHILDREN', 'mandatoryFields', 'note', 9],
  ['XML_PERSON_WITH_CHILDREN_11', 'mandatoryFields', 'person', 0], ['XML_11_SMALL', 'mandatoryFields', 'person', 3],
  ['XML_PERSON_WITH_CHILDREN_13', 'mandatoryFields', 'person', 0], ['XML_PERSON_NO_CHILDREN_13', 'mandatoryFields', 'person', 3],
  ['XML_MANDATORY_13_SUBNOTE', 'mandatoryFields', null, 0], ['XML_MANDATORY_13_NONSUB', 'mandatoryFields', null, 0], ['XML_MANDATORY_13', 'mandatoryFields', null, 0],
  ['XML_PERSON_NO_CHILDREN_13', 'fieldFormat', null, 0], ['XML_NOTES_NO_CHILDREN', 'fieldFormat', null, 0],
  ['XML_11_FULL', 'fieldFormat', null, 0], ['XML_INCORRECT_FORMAT_11', 'fieldFormat', null, 23],
  ['XML_FULL_12', 'fieldFormat', null, 0], ['XML_INCORRECT_FORMAT_12', 'fieldFormat', null, 12],
  ['XML_CORRECT_FORMAT_13', 'fieldFormat', null, 0], ['XML_INCORRECT_FORMAT_13', 'fieldFormat', null, 1],
  ['XML_ONE_PERSON_TWO_FIELDS', 'fieldFormat', null, 0], ['XML_ONE_PERSON_TWO_FIELDS_NEW_VALUE', 'fieldFormat', null, 1],
  ['XML_UNIQUE_PERSON_IDS', 'uniqueIds', null, 0], ['XML_DUPLICATE_PERSON_IDS', 'uniqueIds', null, 2],
  ['XML_UNIQUE_NOTE_IDS', 'uniqueIds', null, 0], ['XML_DUPLICATE_NOTE_IDS', 'uniqueIds', null, 2],
  ['XML_TWO_PERSONS_ONE_FIELD', 'uniqueIds', null, 0], ['XML_DUPLICATE_PERSON_AND_NOTE_ID', 'uniqueIds', null, 1],
  ['XML_NOTES_BELONG_TO_PEOPLE', 'notesBelongToPersons', null, 0], ['XML_NOTES_WITHOUT_PEOPLE', 'notesBelongToPersons', null, 2],
  ['XML_11_FULL', 'fieldOrder', null, 0], ['XML_MISSING_FIELDS_11', 'fieldOrder', null, 0],
  ['XML_INCORRECT_FIELD_ORDER_11', 'fieldOrder', 'person', 3], ['XML_INCORRECT_FIELD_ORDER_11', 'fieldOrder', 'note', 2],
  ['XML_EXTRANEOUS_FIELD_11', 'fieldOrder', 'person', 0],
  ['XML_CORRECT_FIELD_ORDER_12', 'fieldOrder', null, 0], ['XML_INCORRECT_PERSON_FIELD_ORDER_12', 'fieldOrder', 'person', 3],
  ['XML_INCORRECT_NOTE_FIELD_ORDER_12', 'fieldOrder', 'note', 4], ['XML_ODD_ORDER_13', 'fieldOrder', null, 0],
  ['XML_EXPIRE_99_EMPTY_DATA', 'expiredRecords', null, 0], ['XML_EXPIRE_99_NO_DATA', 'expiredRecords', null, 0],
  ['XML_EXPIRE_99_HAS_NOTE_SYNCED_DATES', 'expiredRecords', null, 1], ['XML_EXPIRE_99_HAS_DATA_SYNCED_DATES', 'expiredRecords', null, 1],
  ['XML_EXPIRE_99_HAS_NOTE_DATA', 'expiredRecords', null, 1], ['XML_EXPIRE_99_NO_DATA_NONSYNCED_DATES', 'expiredRecords', null, 2],
  ['XML_EXPIRE_99_12', 'expiredRecords', null, 0], ['XML_NO_EXPIRY_DATE', 'expiredRecords', null, 0], ['XML_EMPTY_EXPIRY_DATE', 'expiredRecords', null, 0],
  ['XML_UNLINKED_RECORDS', 'linkedRecords', null, 0], ['XML_CORRECTLY_LINKED_RECORDS', 'linkedRecords', null, 0],
  ['XML_ASYMMETRICALLY_LINKED_RECORDS', 'linkedRecords', null, 1],
  ['XML_11_FULL', 'extraneousFields', null, 0], ['XML_GIBBERISH_FIELDS', 'extraneousFields', null, 5],
  ['XML_DUPLICATE_FIELDS', 'extraneousFields', null, 3], ['XML_TOP_LEVEL_NOTE_PERSON_11', 'extraneousFields', null, 2],
];

describe('PFIF validator on the 64 Person Finder fixtures', () => {
  it('has an expectation for every fixture and a fixture for every expectation', () => {
    expect(fixtures).toHaveLength(64);
    expect(Object.keys(EXPECTED).sort()).toEqual(fixtures);
  });

  it.each(fixtures)('%s gives exactly the expected codes', (name) => {
    const v = run(name);
    expect(countBy(v.messages, (m) => m.code)).toEqual(EXPECTED[name]);
    expect(v.valid).toBe(v.messages.every((m) => m.severity === 'warning'));
  });

  it.each(BY_CHECK.map((row) => [`${row[0]} ${row[1]}${row[2] ? ` (${row[2]})` : ''} → ${row[3]}`, row] as const))('%s', (_label, [name, check, kind, count]) => {
    const got = run(name).messages.filter((m) => m.check === check && (kind === null || m.recordKind === kind));
    expect(got).toHaveLength(count);
  });

  it('run_validations: a valid 1.1 document passes, the duplicate-no-child one gives three errors', () => {
    expect(run('XML_11_FULL')).toEqual({ version: '1.1', valid: true, messages: [] });
    const v = run('XML_TWO_DUPLICATE_NO_CHILD');
    expect(v.valid).toBe(false);
    expect(v.messages.map((m) => [m.code, m.field ?? null])).toEqual([['PFIF_ROOT_NO_RECORD', null], [EXTRA, 'foo'], [EXTRA, 'foo']]);
  });

  it('expiry depends on the time: not expired before a day after expiry_date, expired just after', () => {
    expect(run('XML_EXPIRE_99_HAS_DATA_NONSYNCED_DATES', new Date('1998-11-01T01:01:01Z')).messages.filter((m) => m.check === 'expiredRecords')).toEqual([]);
    expect(run('XML_EXPIRE_99_HAS_DATA_NONSYNCED_DATES', new Date('1999-02-04T04:05:05Z')).messages.filter((m) => m.check === 'expiredRecords')).toEqual([]);
    const just = run('XML_EXPIRE_99_HAS_NOTE_SYNCED_DATES', new Date('1999-02-04T04:05:07Z')).messages.filter((m) => m.check === 'expiredRecords');
    expect(just.map((m) => [m.code, m.personRecordId, m.noteRecordId, m.field])).toEqual([['PFIF_EXPIRED_HAS_DATA', 'example.org/id1', 'not/deleted', 'note_record_id']]);
  });

  it('messages carry record ids, the field and both languages', () => {
    const [dup] = run('XML_DUPLICATE_PERSON_IDS').messages.filter((m) => m.code === 'PFIF_ID_DUPLICATE_PERSON');
    expect(dup).toMatchObject({ severity: 'error', recordKind: 'person', personRecordId: 'example.org/1', field: 'person_record_id', messageEn: 'duplicate person_record_id example.org/1' });
    expect(dup!.message).toBe('人员记录编号 example.org/1 重复');
    const [link] = run('XML_ASYMMETRICALLY_LINKED_RECORDS').messages.filter((m) => m.check === 'linkedRecords');
    expect(link).toMatchObject({ severity: 'warning', noteRecordId: 'example.com/n2', personRecordId: 'example.org/p2', params: { personId: 'example.org/p2', linkedId: 'example.org/p1' } });
    const formats = run('XML_INCORRECT_FORMAT_13').messages.filter((m) => m.code === 'PFIF_FIELD_FORMAT');
    expect(formats.map((m) => [m.field, m.params?.value])).toEqual([['expiry_date', '12a4-56-78T90:12:34Z']]);
    expect(run('XML_INVALID').messages).toEqual([expect.objectContaining({ code: 'PFIF_XML_MALFORMED', check: 'document', severity: 'error' })]);
  });
});

describe('PFIF 1.4 rules', () => {
  const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4">${body}</pfif:pfif>`;

  it('a 1.4 export of the shared 1.4 sample is flagged only for the sample placeholder values and the empty mandatory author_name it writes', () => {
    const sample = readFileSync(path.join(loadConfig().sharedDataDir, 'pfif', 'test.pfif-1.4.xml'), 'utf8');
    const r = importPfifXml(sample);
    const v = validatePfif(exportPfif14(r.persons, r.notes));
    expect(v.version).toBe('1.4');
    expect(countBy(v.messages, (m) => `${m.code}:${m.field}`)).toEqual({
      'PFIF_FIELD_FORMAT:author_email': 2, 'PFIF_FIELD_FORMAT:author_phone': 3, 'PFIF_FIELD_FORMAT:photo_url': 2,
      'PFIF_FIELD_FORMAT:profile_urls': 1, 'PFIF_FIELD_FORMAT:source_url': 1, 'PFIF_FIELD_FORMAT:email_of_found_person': 1,
      'PFIF_FIELD_FORMAT:phone_of_found_person': 1, 'PFIF_FIELD_FORMAT:home_state': 1, 'PFIF_FIELD_BLANK:author_name': 2,
      'PFIF_LINK_ASYMMETRIC:linked_person_record_id': 1,
    });
  });

  it('a note without text is complete in 1.4 but not in 1.3 (text became optional in 1.4)', () => {
    const note = '<pfif:note><pfif:note_record_id>ex.org/n</pfif:note_record_id><pfif:person_record_id>ex.org/p</pfif:person_record_id><pfif:author_name>a</pfif:author_name><pfif:source_date>2020-01-01T00:00:00Z</pfif:source_date></pfif:note>';
    expect(validatePfif(doc(note)).messages).toEqual([]);
    const v13 = validatePfif(doc(note).replace('pfif/1.4', 'pfif/1.3'));
    expect(v13.messages.map((m) => [m.code, m.field, m.noteRecordId])).toEqual([[MISSING, 'text', 'ex.org/n']]);
  });

  it('accepts the 1.4 fields and rejects 1.3-only names and bad 1.4 values', () => {
    const v = validatePfif(doc(`<pfif:person><pfif:person_record_id>ex.org/p</pfif:person_record_id><pfif:source_date>2020-01-01T00:00:00Z</pfif:source_date>
      <pfif:full_name>李明</pfif:full_name><pfif:given_name>明</pfif:given_name><pfif:first_name>x</pfif:first_name>
      <pfif:profile_urls>https://a.example/x\nhttp://b.example/y</pfif:profile_urls>
      <pfif:note><pfif:note_record_id>ex.org/n</pfif:note_record_id><pfif:author_name>a</pfif:author_name><pfif:source_date>2020-01-01T00:00:00Z</pfif:source_date>
      <pfif:author_made_contact>yes</pfif:author_made_contact><pfif:text>t</pfif:text><pfif:photo_url>ftp://x/y</pfif:photo_url></pfif:note></pfif:person>`));
    expect(v.messages.map((m) => [m.code, m.field])).toEqual([
      ['PFIF_FIELD_FORMAT', 'author_made_contact'], ['PFIF_FIELD_FORMAT', 'photo_url'], [EXTRA, 'first_name'],
    ]);
  });
});
