/**
 * PFIF exchange of posts (People Finder Interchange Format, zesty.ca/pfif): import PFIF 1.1–1.4
 * XML (pfif/import.ts) into posts, and export posts as PFIF 1.4 (pfif/export.ts).
 *
 * Import: each accepted person becomes a post of the chosen kind (default familySearch) keyed by
 * its person_record_id (re-importing a record updates nothing and is counted as a duplicate);
 * full_name → name, sex (female/male; 'other' → unknown), date_of_birth (YYYY, YYYY-MM or
 * YYYY-MM-DD, precision kept; an impossible date rejects the record with REUNION_DATE_INVALID),
 * description → memories, author name/email/phone → private contacts (encrypted), home
 * address words → the place text when src/core finds a division in them. PFIF records are
 * already published by their source, so the fields they carry are marked consented. The exact
 * PFIF record is kept beside the post and its notes in reunion_pfif_notes, so export → import is
 * lossless for imported records.
 *
 * Export: imported records as they came; other posts as PFIF 1.4 persons built from their
 * published fields only (publicView.ts) — a post without a published name or nickname is left
 * out (full_name is mandatory in PFIF 1.4 §3.2) and counted in `skipped`.
 */
import crypto from 'node:crypto';
import { parseAddress } from '../../core/index.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { appendAudit } from '../../security/audit.ts';
import type { ReunionActor } from './access.ts';
import type { Issue } from '../../core/errors.ts';
import { NO_CONSENT, type Consent, type PostKind, type ReunionPost } from './model.ts';
import { exportPfif14, importPfifXml, type PfifNote, type PfifPerson, type PfifRejection } from './pfif/index.ts';
import { parsePostDate } from './postInput.ts';
import { contactCipher, postToRow, rowToPost } from './postRepository.ts';
import { publicFields } from './publicView.ts';
import { reunionDb } from './schema.ts';

/** The result set of an import (batch work returns results, STYLE). */
export interface PfifPostImport {
  readonly accepted: readonly { readonly personRecordId: string; readonly postId: string }[];
  readonly rejected: readonly (PfifRejection | { readonly recordId: string; readonly issues: readonly Issue[] })[];
  readonly stats: { readonly version: string | null; readonly persons: number; readonly notes: number; readonly duplicates: number; readonly error: Issue | null };
}

/** Post id of a PFIF record: kind letter + 'P' + the first 12 hex digits of SHA-256(record id). */
export function pfifPostId(kind: PostKind, recordId: string): string {
  return (kind === 'familySearch' ? 'FP' : 'CP') + crypto.createHash('sha256').update(recordId).digest('hex').slice(0, 12);
}

function personToPost(p: PfifPerson, kind: PostKind, now: Date, actor: string): { post: ReunionPost | null; issues: Issue[] } {
  const id = p.person_record_id!;
  const today = now.toISOString().slice(0, 10);
  const birth = p.date_of_birth ? parsePostDate(p.date_of_birth, 'date_of_birth', today) : { date: null, issues: [] };
  if (birth.issues.length) return { post: null, issues: birth.issues };
  const name = p.full_name ?? ([p.family_name, p.given_name].filter(Boolean).join(' ') || null);
  const words = [p.home_state, p.home_city, p.home_neighborhood, p.home_street].filter(Boolean).join('');
  const parsed = words ? parseAddress(words) : null;
  const code = parsed?.divisionCode ?? null;
  const contacts = p.author_name || p.author_email || p.author_phone ? [{ name: p.author_name ?? '', relation: 'PFIF author', ...(p.author_phone ? { phone: p.author_phone } : {}), ...(p.author_email ? { address: p.author_email } : {}) }] : [];
  const consent: Consent = { ...NO_CONSENT, sex: Boolean(p.sex), name: Boolean(name), birthDate: Boolean(birth.date), lossPlace: Boolean(code), memories: Boolean(p.description) };
  const at = now.toISOString();
  return {
    issues: [],
    post: {
      id: pfifPostId(kind, id), kind, status: 'searching', sex: p.sex === 'female' || p.sex === 'male' ? p.sex : null, name, nameUnknown: !name,
      nickname: null, formerName: null, birthDate: birth.date, lossDate: null, lostAt: null, lossPlace: code ? { divisionCode: code, text: words } : null,
      heightCm: null, marks: { items: [], text: '' }, dialect: null, memories: p.description ?? '', relatives: [], dnaStatus: 'none', policeCaseNo: null,
      contacts, consent, postedOn: (p.source_date ?? at).slice(0, 10), pfifRecordId: id, createdAt: at, updatedAt: at, createdBy: actor,
    },
  };
}

/**
 * Import a PFIF document into posts of `kind`; audited. A document that cannot be read gives
 * `stats.error` (and nothing stored); bad records land in `rejected` with coded reasons.
 */
export async function importPfifPosts(ctx: PlatformContext, xml: string, options: { kind?: PostKind; actor: ReunionActor | { username: string; platformRole: string } }): Promise<PfifPostImport> {
  const kind = options.kind ?? 'familySearch';
  const r = importPfifXml(xml);
  const accepted: { personRecordId: string; postId: string }[] = [];
  const rejected: PfifPostImport['rejected'][number][] = [...r.rejected];
  let duplicates = 0;
  if (r.error) return { accepted, rejected, stats: { version: r.version, persons: 0, notes: 0, duplicates, error: r.error } };
  const db = reunionDb(ctx.database.db);
  const cipher = contactCipher(ctx.secret);
  const now = ctx.now();
  await db.transaction().execute(async (trx) => {
    for (const person of r.persons) {
      const recordId = person.person_record_id!;
      if (await trx.selectFrom('reunion_posts').select('id').where('pfif_record_id', '=', recordId).executeTakeFirst()) { duplicates++; continue; }
      const { post, issues } = personToPost(person, kind, now, options.actor.username);
      if (!post) { rejected.push({ recordId, issues }); continue; }
      await trx.insertInto('reunion_posts').values(postToRow(post, cipher, JSON.stringify(person))).execute();
      await trx.insertInto('reunion_events').values({ post_id: post.id, seq: 0, transition: 'create', from_state: null, to_state: 'searching', actor: options.actor.username, role: null, at: post.createdAt, reason: 'PFIF import', data: JSON.stringify({ personRecordId: recordId }) }).execute();
      accepted.push({ personRecordId: recordId, postId: post.id });
    }
    for (const note of r.notes) {
      if (await trx.selectFrom('reunion_pfif_notes').select('note_record_id').where('note_record_id', '=', note.note_record_id!).executeTakeFirst()) { duplicates++; continue; }
      await trx.insertInto('reunion_pfif_notes').values({ note_record_id: note.note_record_id!, person_record_id: note.person_record_id!, json: JSON.stringify(note) }).execute();
    }
  });
  await appendAudit(ctx, { actor: options.actor.username, role: options.actor.platformRole, action: 'reunion.pfif.exchange', recordKind: 'reunion_post', recordIds: accepted.map((a) => a.postId), outcome: 'allowed', detail: { op: 'import', version: r.version, rejected: rejected.length, duplicates } });
  return { accepted, rejected, stats: { version: r.version, persons: r.persons.length, notes: r.notes.length, duplicates, error: null } };
}

const pfifDate = (iso: string) => iso.replace(/\.\d{3}Z$/, 'Z');

/** A PFIF 1.4 person from a post's published fields (null when no name or nickname is published). */
function postToPerson(post: ReunionPost, now: Date): PfifPerson | null {
  const pub = publicFields(post, { now });
  const fullName = pub.name ?? pub.nickname;
  if (!fullName) return null;
  const dob = pub.birthDate ? [String(pub.birthDate.year).padStart(4, '0'), pub.birthDate.month ? String(pub.birthDate.month).padStart(2, '0') : null, pub.birthDate.day ? String(pub.birthDate.day).padStart(2, '0') : null].filter(Boolean).join('-') : undefined;
  const description = [pub.memories, pub.marks ? `特征：${pub.marks}` : null, pub.lossDate ? `走失日期：${pub.lossDate.given}` : null].filter(Boolean).join('\n');
  return {
    person_record_id: `gongzhi.local/${post.id}`, entry_date: pfifDate(now.toISOString()), author_name: '共治 Gongzhi', source_name: '共治 Gongzhi',
    source_date: pfifDate(new Date(post.createdAt).toISOString()), full_name: fullName, ...(pub.nickname && pub.name ? { alternate_names: pub.nickname } : {}),
    ...(description ? { description } : {}), ...(pub.sex ? { sex: pub.sex } : {}), ...(dob ? { date_of_birth: dob } : {}),
    ...(pub.lossPlace ? { home_city: pub.lossPlace.name, home_country: 'CN' } : {}),
  };
}

/** Export posts (optionally of one kind) and their notes as a PFIF 1.4 document; audited. */
export async function exportPfifPosts(ctx: PlatformContext, options: { kind?: PostKind | undefined; actor: { username: string; platformRole: string } }): Promise<{ xml: string; persons: number; notes: number; skipped: number }> {
  const db = reunionDb(ctx.database.db);
  let q = db.selectFrom('reunion_posts').selectAll().where('status', '!=', 'closed');
  if (options.kind) q = q.where('kind', '=', options.kind);
  const rows = await q.orderBy('id').execute();
  const now = ctx.now();
  const cipher = contactCipher(ctx.secret);
  const persons: PfifPerson[] = [];
  let skipped = 0;
  for (const row of rows) {
    const person = row.pfif_json ? (JSON.parse(row.pfif_json) as PfifPerson) : postToPerson(rowToPost(row, cipher), now);
    if (person) persons.push(person);
    else skipped++;
  }
  const ids = new Set(persons.map((p) => p.person_record_id));
  const notes = (await db.selectFrom('reunion_pfif_notes').selectAll().orderBy('note_record_id').execute()).map((n) => JSON.parse(n.json) as PfifNote).filter((n) => ids.has(n.person_record_id));
  await appendAudit(ctx, { actor: options.actor.username, role: options.actor.platformRole, action: 'reunion.pfif.exchange', recordKind: 'reunion_post', recordIds: [], outcome: 'allowed', detail: { op: 'export', persons: persons.length, notes: notes.length, skipped } });
  return { xml: exportPfif14(persons, notes), persons: persons.length, notes: notes.length, skipped };
}

