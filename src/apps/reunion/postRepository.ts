/**
 * Queries on reunion_posts only (STYLE: repository = queries, no domain decisions): rows ↔
 * `ReunionPost`, with contacts encrypted by the caller-supplied cipher (XChaCha20-Poly1305, key
 * 'reunion/contacts' derived from the platform secret).
 */
import type { Kysely, Transaction } from 'kysely';
import { deriveKey, FieldCipher } from '../../security/crypto.ts';
import type { Consent, Contact, DnaStatus, PostKind, PostState, ReunionPost, StoredDate } from './model.ts';
import { reunionDb, type PostRow, type ReunionTables } from './schema.ts';
import { searchNames, searchPlace } from './searchKeys.ts';

const ciphers = new WeakMap<Buffer, FieldCipher>();
/** The cipher of reunion contacts for a platform secret (HKDF purpose 'reunion/contacts'). */
export function contactCipher(secret: Buffer): FieldCipher {
  let c = ciphers.get(secret);
  if (!c) ciphers.set(secret, (c = new FieldCipher(deriveKey(secret, 'reunion/contacts'))));
  return c;
}

const json = <T>(text: string | null, fallback: T): T => (text == null ? fallback : (JSON.parse(text) as T));

/** A stored row as a post (contacts decrypted). */
export function rowToPost(row: PostRow, cipher: FieldCipher): ReunionPost {
  return {
    id: row.id, kind: row.kind as PostKind, status: row.status as PostState, sex: row.sex as ReunionPost['sex'],
    name: row.name, nameUnknown: Number(row.name_unknown) === 1, nickname: row.nickname, formerName: row.former_name,
    birthDate: json<StoredDate | null>(row.birth_date, null), lossDate: json<StoredDate | null>(row.loss_date, null), lostAt: row.lost_at,
    lossPlace: row.loss_division ? { divisionCode: row.loss_division, text: row.loss_place_text ?? '' } : null,
    heightCm: row.height_cm == null ? null : Number(row.height_cm),
    marks: { items: json(row.marks_json, []), text: row.marks_text }, dialect: row.dialect, memories: row.memories,
    relatives: json(row.relatives_json, []), dnaStatus: row.dna_status as DnaStatus, policeCaseNo: row.police_case_no,
    contacts: row.contacts_enc ? json<Contact[]>(cipher.decrypt(row.contacts_enc), []) : [],
    consent: json<Consent>(row.consent_json, {} as Consent), postedOn: row.posted_on, pfifRecordId: row.pfif_record_id,
    createdAt: row.created_at, updatedAt: row.updated_at, createdBy: row.created_by,
  };
}

/** A post as a row to insert (contacts encrypted; search columns from the consented fields only). */
export function postToRow(p: ReunionPost, cipher: FieldCipher, pfifJson: string | null = null): PostRow {
  return {
    id: p.id, kind: p.kind, status: p.status, sex: p.sex, name: p.name, name_unknown: p.nameUnknown ? 1 : 0, nickname: p.nickname,
    former_name: p.formerName, birth_date: p.birthDate ? JSON.stringify(p.birthDate) : null, birth_year: p.birthDate?.year ?? null,
    loss_date: p.lossDate ? JSON.stringify(p.lossDate) : null, loss_year: p.lossDate?.year ?? null, lost_at: p.lostAt,
    loss_division: p.lossPlace?.divisionCode ?? null, loss_place_text: p.lossPlace?.text ?? null, height_cm: p.heightCm,
    marks_text: p.marks.text, marks_json: JSON.stringify(p.marks.items), dialect: p.dialect, memories: p.memories,
    relatives_json: JSON.stringify(p.relatives), dna_status: p.dnaStatus, police_case_no: p.policeCaseNo,
    contacts_enc: p.contacts.length ? cipher.encrypt(JSON.stringify(p.contacts)) : null, consent_json: JSON.stringify(p.consent),
    posted_on: p.postedOn, search_names: searchNames(p, p.consent), search_place: searchPlace(p.lossPlace, p.consent),
    pfif_record_id: p.pfifRecordId, pfif_json: pfifJson, created_at: p.createdAt, updated_at: p.updatedAt, created_by: p.createdBy,
  };
}

type Db = Kysely<ReunionTables> | Transaction<ReunionTables>;

/** The raw row of a post, or undefined. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function findPostRow(db: Kysely<any> | Db, id: string): Promise<PostRow | undefined> {
  return reunionDb(db as Kysely<ReunionTables>).selectFrom('reunion_posts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Insert rows in batches of `batch` (both dialects; multi-row INSERT). */
export async function insertPostRows(db: Db, rows: readonly PostRow[], batch = 200): Promise<void> {
  for (let i = 0; i < rows.length; i += batch) await db.insertInto('reunion_posts').values(rows.slice(i, i + batch)).execute();
}

/** Narrowing of postRowsOfKind: same sex, and a birth year in [yearFrom, yearTo] or unknown, or one of `names` as name or former name. */
export interface PostRowFilter {
  readonly sex: string;
  readonly yearFrom: number;
  readonly yearTo: number;
  readonly names: readonly string[];
}

/** Rows of one kind in the given states, ordered by id (for matching), optionally narrowed. */
export async function postRowsOfKind(db: Db, kind: PostKind, states: readonly PostState[], filter?: PostRowFilter): Promise<PostRow[]> {
  let q = db.selectFrom('reunion_posts').selectAll().where('kind', '=', kind).where('status', 'in', [...states]);
  if (filter) {
    q = q.where('sex', '=', filter.sex).where((eb) => eb.or([
      eb.and([eb('birth_year', '>=', filter.yearFrom), eb('birth_year', '<=', filter.yearTo)]),
      eb('birth_year', 'is', null),
      ...(filter.names.length ? [eb('name', 'in', [...filter.names]), eb('former_name', 'in', [...filter.names])] : []),
    ]));
  }
  return q.orderBy('id').execute();
}

/** Count posts of each kind. */
export async function countPosts(db: Db): Promise<Record<PostKind, number>> {
  const rows = await db.selectFrom('reunion_posts').select(['kind', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('kind').execute();
  const out: Record<PostKind, number> = { familySearch: 0, childSearch: 0 };
  for (const r of rows) out[r.kind as PostKind] = Number(r.n);
  return out;
}
