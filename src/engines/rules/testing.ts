/**
 * A small parcels-like fixture for the rule engine's tests and bench: a fact catalogue over
 * tables `rule_persons`, `rule_parcels`, `rule_phones` (with a derived "phone shared with another
 * person" kind), the same data in memory, and a loader into a real database (SQLite or PostgreSQL).
 */
import { sql } from 'kysely';
import type { Database } from '../../store/database.ts';
import type { FactCatalogue } from './catalogue.ts';
import type { InMemoryData, RecordRow } from './memory.ts';

export const DAY_MS = 86_400_000;

/** The fixture's catalogue: person facts, parcels (sender/receiver), shared phones; context and lists. */
export const fixtureCatalogue: FactCatalogue = {
  subjects: { table: 'rule_persons', key: 'person_key' },
  facts: {
    householdSize: { type: 'number', table: 'rule_persons', key: 'person_key', value: 'household_size' },
    divisionCode: { type: 'string', table: 'rule_persons', key: 'person_key', value: 'division_code' },
    registered: { type: 'boolean', table: 'rule_persons', key: 'person_key', value: 'registered' },
  },
  records: {
    parcels: {
      table: 'rule_parcels', id: 'id', time: 'sent_at', personKeys: ['sender', 'receiver'], defaultPersonKey: 'sender',
      fields: {
        sender: { type: 'string', column: 'sender' },
        receiver: { type: 'string', column: 'receiver' },
        flagged: { type: 'boolean', column: 'flagged' },
        receiverProvince: { type: 'string', column: 'receiver_province' },
        weightGrams: { type: 'number', column: 'weight_g' },
      },
    },
    sharedPhones: {
      table: 'shared_phones', id: 'id', personKeys: ['owner'],
      source: '(select a.id as id, a.person_key as owner, b.person_key as other, a.phone as phone from rule_phones a join rule_phones b on a.phone = b.phone and a.person_key <> b.person_key)',
      fields: { owner: { type: 'string', column: 'owner' }, other: { type: 'string', column: 'other' }, phone: { type: 'string', column: 'phone' } },
    },
  },
  context: { 'case.divisionCode': 'string', 'case.minParcels': 'number' },
  lists: { 'grid.allowedDivisions': 'string', 'watch.provinces': 'string' },
};

export interface FixturePerson { key: string; householdSize: number | null; divisionCode: string | null; registered: boolean | null }
export interface FixtureParcel { id: number; sender: string; receiver: string; sentAt: number; flagged: boolean | null; receiverProvince: string | null; weightGrams: number | null }
export interface FixturePhone { id: number; person: string; phone: string }
export interface Fixture { persons: FixturePerson[]; parcels: FixtureParcel[]; phones: FixturePhone[] }

/** The fixture as in-memory data (shared phones derived exactly as the catalogue's SQL does). */
export function fixtureToMemory(f: Fixture): InMemoryData {
  const facts: Record<string, Record<string, unknown>> = {};
  for (const p of f.persons) facts[p.key] = { householdSize: p.householdSize, divisionCode: p.divisionCode, registered: p.registered };
  const parcels: RecordRow[] = f.parcels.map((p) => ({ id: p.id, time: p.sentAt, sender: p.sender, receiver: p.receiver, flagged: p.flagged, receiverProvince: p.receiverProvince, weightGrams: p.weightGrams }));
  const shared: RecordRow[] = [];
  for (const a of f.phones) for (const b of f.phones) if (a.phone === b.phone && a.person !== b.person) shared.push({ id: a.id, owner: a.person, other: b.person, phone: a.phone });
  return { subjects: f.persons.map((p) => p.key), facts, records: { parcels, sharedPhones: shared } };
}

/** Create the fixture tables in `database` and insert `f` (sent_at as epoch ms in a bigint). */
export async function loadFixture(database: Database, f: Fixture): Promise<void> {
  const db = database.db;
  const bool = database.dialect === 'postgres' ? 'boolean' : 'integer';
  await sql.raw(`create table rule_persons (person_key text primary key, household_size integer, division_code text, registered ${bool})`).execute(db);
  await sql.raw(`create table rule_parcels (id integer primary key, sender text not null, receiver text not null, sent_at bigint not null, flagged ${bool}, receiver_province text, weight_g integer)`).execute(db);
  await sql.raw('create table rule_phones (id integer primary key, person_key text not null, phone text not null)').execute(db);
  const b = (v: boolean | null): boolean | number | null => (v === null ? null : database.dialect === 'postgres' ? v : v ? 1 : 0);
  for (let i = 0; i < f.persons.length; i += 500) {
    const chunk = f.persons.slice(i, i + 500).map((p) => ({ person_key: p.key, household_size: p.householdSize, division_code: p.divisionCode, registered: b(p.registered) }));
    await db.insertInto('rule_persons').values(chunk).execute();
  }
  for (let i = 0; i < f.parcels.length; i += 500) {
    const chunk = f.parcels.slice(i, i + 500).map((p) => ({ id: p.id, sender: p.sender, receiver: p.receiver, sent_at: p.sentAt, flagged: b(p.flagged), receiver_province: p.receiverProvince, weight_g: p.weightGrams }));
    await db.insertInto('rule_parcels').values(chunk).execute();
  }
  if (f.phones.length) await db.insertInto('rule_phones').values(f.phones.map((p) => ({ id: p.id, person_key: p.person, phone: p.phone }))).execute();
}

/** The reference time of the small fixture: 2026-11-01T00:00:00Z. */
export const FIXTURE_AS_OF = Date.UTC(2026, 10, 1);

/**
 * A hand-made fixture whose hits are worked out in README.md's examples and asserted in tests:
 * p1 sends 4 flagged parcels in 30 days, p2 shares a phone with p1, p3 lacks its person facts,
 * p4 sends nothing.
 */
export function smallFixture(): Fixture {
  const ago = (d: number): number => FIXTURE_AS_OF - d * DAY_MS;
  const parcel = (id: number, sender: string, days: number, flagged: boolean | null, prov: string | null, w: number | null, receiver = 'r-other'): FixtureParcel =>
    ({ id, sender, receiver, sentAt: ago(days), flagged, receiverProvince: prov, weightGrams: w });
  return {
    persons: [
      { key: 'p1', householdSize: 1, divisionCode: '320102', registered: true },
      { key: 'p2', householdSize: 3, divisionCode: '110101', registered: false },
      { key: 'p3', householdSize: null, divisionCode: null, registered: null },
      { key: 'p4', householdSize: 2, divisionCode: '320102', registered: true },
    ],
    parcels: [
      parcel(1, 'p1', 1, true, 'A', 300), parcel(2, 'p1', 5, true, 'B', 300), parcel(3, 'p1', 10, true, 'C', 300),
      parcel(4, 'p1', 29, true, 'A', 300), parcel(5, 'p1', 40, true, 'D', 300), parcel(6, 'p1', 2, false, 'A', 100),
      parcel(7, 'p2', 3, true, 'A', 500), parcel(8, 'p2', 4, true, 'A', 600), parcel(9, 'p2', 3, null, null, null),
      parcel(10, 'p3', 20, false, 'X', 200, 'p1'), parcel(11, 'p3', 50, false, 'Y', 200), parcel(12, 'p3', 80, false, 'Z', 200),
    ],
    phones: [
      { id: 1, person: 'p1', phone: '13800000001' }, { id: 2, person: 'p2', phone: '13800000001' },
      { id: 3, person: 'p3', phone: '13900000003' }, { id: 4, person: 'p4', phone: '13900000003' }, { id: 5, person: 'p4', phone: '13700000005' },
    ],
  };
}

/** The fixture rules as expressions, with the subjects each must hit (asOf FIXTURE_AS_OF, grid lists given). */
export const FIXTURE_RULES: ReadonlyArray<{ id: string; when: string; hits: string[] }> = [
  { id: 'flagged30', when: 'count(parcels where flagged and sender = person within 30d) >= 3', hits: ['p1'] },
  { id: 'provinces90', when: 'distinctCount(parcels.receiverProvince where sender = person within 90d) >= 3', hits: ['p1', 'p3'] },
  { id: 'household', when: 'householdSize is not 1', hits: ['p2', 'p4'] },
  { id: 'grid', when: 'divisionCode in grid.allowedDivisions', hits: ['p1', 'p4'] },
  { id: 'sharedUnregistered', when: 'count(sharedPhones where owner = person) >= 1 and not registered', hits: ['p2'] },
  { id: 'received', when: 'count(parcels where receiver = person) >= 1', hits: ['p1'] },
  { id: 'weight30', when: 'sum(parcels.weightGrams where sender = person within 30d) > 1000', hits: ['p1', 'p2'] },
  { id: 'heavyOrHousehold', when: 'max(parcels.weightGrams where sender = person) >= 600 or householdSize >= 3', hits: ['p2'] },
  { id: 'notWatched', when: 'count(parcels.receiverProvince where sender = person and receiverProvince not in watch.provinces) >= 2', hits: ['p1', 'p3'] },
];
