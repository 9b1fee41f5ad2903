/**
 * The PFIF record model: person and note fields of PFIF 1.1, 1.2, 1.3 and 1.4, in each
 * version's standard order, with the mandatory fields per version and record kind, the field
 * formats and the field-order rules. Sources: PFIF 1.1–1.4 (zesty.ca/pfif/1.N), §2 "Data
 * model" (record ids, dates) and §3 "XML format" (elements, order, mandatory fields); the rules
 * Person Finder's pfif_validator applies (tools/pfif-tools) for 1.1–1.3.
 *
 * Records are kept the way PFIF carries them: every value is the element's text (dates as
 * 'YYYY-MM-DDTHH:MM:SSZ', booleans as 'true'/'false'); imports of older versions are mapped to
 * PFIF 1.4 names (first_name → given_name, last_name → family_name, home_zip →
 * home_postal_code, other → description, found → author_made_contact).
 */

export type PfifVersion = '1.1' | '1.2' | '1.3' | '1.4';
export const PFIF_VERSIONS: readonly PfifVersion[] = ['1.1', '1.2', '1.3', '1.4'];
/** The namespace URI prefix; a version's namespace is this plus the version ('…/pfif/1.4'). */
export const PFIF_NAMESPACE_PREFIX = 'http://zesty.ca/pfif/';

/** PFIF 1.4 §3.2 person fields, in the standard order. */
export const PERSON_FIELDS_14 = [
  'person_record_id', 'entry_date', 'expiry_date', 'author_name', 'author_email', 'author_phone',
  'source_name', 'source_date', 'source_url', 'full_name', 'given_name', 'family_name',
  'alternate_names', 'description', 'sex', 'date_of_birth', 'age', 'home_street',
  'home_neighborhood', 'home_city', 'home_state', 'home_postal_code', 'home_country', 'photo_url',
  'profile_urls',
] as const;
/** PFIF 1.4 §3.3 note fields, in the standard order. */
export const NOTE_FIELDS_14 = [
  'note_record_id', 'person_record_id', 'linked_person_record_id', 'entry_date', 'author_name',
  'author_email', 'author_phone', 'source_date', 'author_made_contact', 'status',
  'email_of_found_person', 'phone_of_found_person', 'last_known_location', 'text', 'photo_url',
] as const;

export type PersonField = (typeof PERSON_FIELDS_14)[number];
export type NoteField = (typeof NOTE_FIELDS_14)[number];
/** A person record with PFIF 1.4 field names; absent fields are omitted (never ''). */
export type PfifPerson = { [K in PersonField]?: string };
/** A note record with PFIF 1.4 field names; person_record_id is always set after import. */
export type PfifNote = { [K in NoteField]?: string };
export type RecordKind = 'person' | 'note';

/** Person fields of each version, in its standard order (1.1 §3.1, 1.2 §3.1, 1.3 §3.2, 1.4 §3.2). */
export const PERSON_FIELDS: Readonly<Record<PfifVersion, readonly string[]>> = {
  '1.1': ['person_record_id', 'entry_date', 'author_name', 'author_email', 'author_phone', 'source_name',
    'source_date', 'source_url', 'first_name', 'last_name', 'home_city', 'home_state', 'home_neighborhood',
    'home_street', 'home_zip', 'photo_url', 'other'],
  '1.2': ['person_record_id', 'entry_date', 'author_name', 'author_email', 'author_phone', 'source_name',
    'source_date', 'source_url', 'first_name', 'last_name', 'sex', 'date_of_birth', 'age', 'home_street',
    'home_neighborhood', 'home_city', 'home_state', 'home_postal_code', 'home_country', 'photo_url', 'other'],
  '1.3': ['person_record_id', 'entry_date', 'expiry_date', 'author_name', 'author_email', 'author_phone',
    'source_name', 'source_date', 'source_url', 'full_name', 'first_name', 'last_name', 'sex', 'date_of_birth',
    'age', 'home_street', 'home_neighborhood', 'home_city', 'home_state', 'home_postal_code', 'home_country',
    'photo_url', 'other'],
  '1.4': PERSON_FIELDS_14,
};

/** Note fields of each version, in its standard order. */
export const NOTE_FIELDS: Readonly<Record<PfifVersion, readonly string[]>> = {
  '1.1': ['note_record_id', 'entry_date', 'author_name', 'author_email', 'author_phone', 'source_date', 'found',
    'email_of_found_person', 'phone_of_found_person', 'last_known_location', 'text'],
  '1.2': ['note_record_id', 'person_record_id', 'linked_person_record_id', 'entry_date', 'author_name',
    'author_email', 'author_phone', 'source_date', 'found', 'status', 'email_of_found_person',
    'phone_of_found_person', 'last_known_location', 'text'],
  '1.3': ['note_record_id', 'person_record_id', 'linked_person_record_id', 'entry_date', 'author_name',
    'author_email', 'author_phone', 'source_date', 'found', 'status', 'email_of_found_person',
    'phone_of_found_person', 'last_known_location', 'text'],
  '1.4': NOTE_FIELDS_14,
};

/**
 * Mandatory fields per version and record kind. 'subnote' is a note nested in a person (its
 * person_record_id comes from the person); 'note' is a top-level note, which must name its
 * person. PFIF 1.3 made full_name and source_date mandatory for persons instead of first/last
 * name (1.3 §3.2, as Person Finder's validator checks); PFIF 1.4 made a note's text optional
 * (1.4 §3.3; Person Finder's PFIF_1_4 mandatory note fields).
 */
export const MANDATORY: Readonly<Record<PfifVersion, Readonly<Record<'person' | 'subnote' | 'note', readonly string[]>>>> = {
  '1.1': { person: ['person_record_id', 'first_name', 'last_name'], subnote: ['note_record_id', 'author_name', 'source_date', 'text'], note: ['person_record_id', 'note_record_id', 'author_name', 'source_date', 'text'] },
  '1.2': { person: ['person_record_id', 'first_name', 'last_name'], subnote: ['note_record_id', 'author_name', 'source_date', 'text'], note: ['person_record_id', 'note_record_id', 'author_name', 'source_date', 'text'] },
  '1.3': { person: ['person_record_id', 'source_date', 'full_name'], subnote: ['note_record_id', 'author_name', 'source_date', 'text'], note: ['person_record_id', 'note_record_id', 'author_name', 'source_date', 'text'] },
  '1.4': { person: ['person_record_id', 'source_date', 'full_name'], subnote: ['note_record_id', 'author_name', 'source_date'], note: ['person_record_id', 'note_record_id', 'author_name', 'source_date'] },
};

/** Names of the format rules a field follows (see FORMAT_RULES in format.ts). */
export type FormatRule = 'record_id' | 'date' | 'text' | 'email' | 'phone' | 'url' | 'url_list' | 'caps' | 'us_state'
  | 'country' | 'iso_state' | 'integer' | 'boolean' | 'status' | 'sex' | 'date_of_birth' | 'age';

const COMMON_PERSON: Record<string, FormatRule> = {
  person_record_id: 'record_id', entry_date: 'date', author_name: 'text', author_email: 'email',
  author_phone: 'phone', source_name: 'text', source_date: 'date', source_url: 'url', photo_url: 'url',
};
const COMMON_NOTE: Record<string, FormatRule> = {
  note_record_id: 'record_id', entry_date: 'date', author_name: 'text', author_email: 'email', author_phone: 'phone',
  source_date: 'date', email_of_found_person: 'email', phone_of_found_person: 'phone', last_known_location: 'text', text: 'text',
};
const NOTE_12: Record<string, FormatRule> = { ...COMMON_NOTE, person_record_id: 'record_id', linked_person_record_id: 'record_id', found: 'boolean', status: 'status' };
const PERSON_12: Record<string, FormatRule> = {
  ...COMMON_PERSON, first_name: 'text', last_name: 'text', sex: 'sex', date_of_birth: 'date_of_birth', age: 'age',
  home_street: 'text', home_city: 'text', home_neighborhood: 'text', home_state: 'iso_state', home_postal_code: 'integer',
  home_country: 'country', other: 'text',
};

/**
 * Field formats per version and kind. 1.1 names and address lines are upper case and the state
 * a US code (1.1 §3.1); 1.2 added ISO 3166 states and countries (1.2 §3.1); 1.3 let postal
 * codes be local text (1.3 §3.2); 1.4 renamed the name, description and found fields and added
 * profile_urls and the note photo_url (1.4 §3.2–3.3).
 */
export const FORMATS: Readonly<Record<PfifVersion, Readonly<Record<RecordKind, Readonly<Record<string, FormatRule>>>>>> = {
  '1.1': {
    person: { ...COMMON_PERSON, first_name: 'caps', last_name: 'caps', home_city: 'caps', home_state: 'us_state', home_neighborhood: 'caps', home_street: 'caps', home_zip: 'integer', other: 'text' },
    note: { ...COMMON_NOTE, found: 'boolean' },
  },
  '1.2': { person: PERSON_12, note: NOTE_12 },
  '1.3': { person: { ...PERSON_12, expiry_date: 'date', full_name: 'text', home_postal_code: 'text' }, note: NOTE_12 },
  '1.4': {
    person: {
      ...COMMON_PERSON, expiry_date: 'date', full_name: 'text', given_name: 'text', family_name: 'text', alternate_names: 'text',
      description: 'text', sex: 'sex', date_of_birth: 'date_of_birth', age: 'age', home_street: 'text', home_neighborhood: 'text',
      home_city: 'text', home_state: 'iso_state', home_postal_code: 'text', home_country: 'country', profile_urls: 'url_list',
    },
    note: {
      ...COMMON_NOTE, person_record_id: 'record_id', linked_person_record_id: 'record_id', author_made_contact: 'boolean',
      status: 'status', photo_url: 'url',
    },
  },
};

/**
 * Field-order ranks: a field may not follow a field of higher rank. PFIF 1.1 fixes the whole
 * order (1.1 §3.1); PFIF 1.2 only requires person_record_id first and notes last in a person,
 * and note_record_id then person_record_id first in a note (1.2 §3); from 1.3 order is free.
 * Fields absent from a table are not ranked.
 */
export const FIELD_ORDER: Readonly<Partial<Record<PfifVersion, Readonly<Record<RecordKind, Readonly<Record<string, number>>>>>>> = {
  '1.1': {
    person: Object.fromEntries([...PERSON_FIELDS['1.1'], 'note'].map((f, i) => [f, i + 1])),
    note: Object.fromEntries(NOTE_FIELDS['1.1'].map((f, i) => [f, i + 1])),
  },
  '1.2': {
    person: Object.fromEntries([...PERSON_FIELDS['1.2'], 'note'].map((f) => [f, f === 'person_record_id' ? 1 : f === 'note' ? 3 : 2])),
    note: Object.fromEntries(NOTE_FIELDS['1.2'].filter((f) => f !== 'status').map((f) => [f, f === 'note_record_id' ? 1 : f === 'person_record_id' ? 2 : 3])),
  },
};

/** Fields kept in the placeholder of an expired person (PFIF 1.3 §3.2 expiry_date). */
export const PLACEHOLDER_FIELDS: readonly string[] = ['person_record_id', 'expiry_date', 'source_date', 'entry_date'];

/** Renames from older versions to PFIF 1.4 names (1.4 §1 "Changes from 1.3"). */
export const RENAMED_TO_14: Readonly<Record<RecordKind, Readonly<Record<string, string>>>> = {
  person: { first_name: 'given_name', last_name: 'family_name', home_zip: 'home_postal_code', other: 'description' },
  note: { found: 'author_made_contact' },
};

/** The namespace URI of a version. */
export function pfifNamespace(version: PfifVersion): string {
  return PFIF_NAMESPACE_PREFIX + version;
}

/** Compare versions: negative, zero or positive like a sort comparator ('1.2' < '1.10' is not needed: 1.1–1.4 only). */
export function compareVersion(a: PfifVersion, b: PfifVersion): number {
  return Number(a) - Number(b);
}
