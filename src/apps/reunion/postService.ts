/**
 * Posts: create (checked by postInput.ts, contacts encrypted, the workflow's creation event
 * recorded), read for staff (contacts masked; every read audited), list, consent, unmasked
 * contacts for police with a purpose (audited), close/reopen, timeline.
 */
import crypto from 'node:crypto';
import { AppError } from '../../core/errors.ts';
import { timeline } from '../../engines/workflow/index.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { appendAudit } from '../../security/audit.ts';
import { maskAddress, maskName, maskPhone } from '../../security/masking.ts';
import type { ReunionActor } from './access.ts';
import { ReunionErrors as E } from './errors.ts';
import { CONSENT_FIELDS, type Consent, type Contact, type DnaStatus, type PostKind, type PostState, type ReunionPost } from './model.ts';
import { normalizePost, type PostInput } from './postInput.ts';
import { contactCipher, findPostRow, postToRow, rowToPost } from './postRepository.ts';
import { reunionDb } from './schema.ts';
import { eventToRow, loadInstance, postWorkflow, type PostTransition } from './workflow.ts';

/** A post as staff see it: every field, contacts masked. */
export type PostView = Omit<ReunionPost, 'contacts'> & { readonly contacts: readonly Contact[]; readonly contactsMasked: true };

/** Mask a contact (name 张*, phone 138****5678, address cut to the district). */
export function maskContact(c: Contact): Contact {
  return { name: maskName(c.name), relation: c.relation, ...(c.phone ? { phone: maskPhone(c.phone) } : {}), ...(c.address ? { address: maskAddress(c.address) } : {}) };
}

/** The staff view of a post. */
export function viewOf(post: ReunionPost): PostView {
  return { ...post, contacts: post.contacts.map(maskContact), contactsMasked: true };
}

/** A new post id: 'F' (family) or 'C' (child) + 12 hex digits. */
export function newPostId(kind: PostKind): string {
  return (kind === 'familySearch' ? 'F' : 'C') + crypto.randomBytes(6).toString('hex');
}

/** Build the stored post from checked input (no I/O). Throws AppError with the first issue's code and all issues as details. */
export function buildPost(input: PostInput, actor: string, now: Date, extra: { id?: string; pfifRecordId?: string | null } = {}): ReunionPost {
  const n = normalizePost(input, now);
  if (!n.value) throw new AppError(n.issues[0]!.code, n.issues[0]!.params, n.issues);
  const at = now.toISOString();
  return {
    id: extra.id ?? input.id ?? newPostId(input.kind), kind: input.kind, status: 'searching', sex: input.sex,
    name: input.name ?? null, nameUnknown: input.nameUnknown ?? !input.name, nickname: input.nickname ?? null, formerName: input.formerName ?? null,
    birthDate: n.value.birthDate, lossDate: n.value.lossDate, lostAt: n.value.lostAt, lossPlace: n.value.lossPlace, heightCm: input.heightCm ?? null,
    marks: { items: input.marks?.items ?? [], text: input.marks?.text ?? '' }, dialect: input.dialect ?? null, memories: input.memories ?? '',
    relatives: input.relatives ?? [], dnaStatus: input.dnaStatus ?? 'none', policeCaseNo: input.policeCaseNo ?? null,
    contacts: input.contacts ?? [], consent: n.value.consent, postedOn: n.value.postedOn, pfifRecordId: extra.pfifRecordId ?? null,
    createdAt: at, updatedAt: at, createdBy: actor,
  };
}

/**
 * Create a post and its workflow (state 'searching', creation event by the actor); audited.
 * @throws AppError REUNION_DATE_INVALID, REUNION_LUNAR_DATE_INVALID, REUNION_DATE_IN_FUTURE,
 *   REUNION_LOSS_BEFORE_BIRTH, REUNION_DIVISION_INVALID, REUNION_NAME_REQUIRED (422, all issues in
 *   details); REUNION_POST_EXISTS (409).
 */
export async function createPost(ctx: PlatformContext, input: PostInput, actor: ReunionActor): Promise<PostView> {
  const post = buildPost(input, actor.username, ctx.now());
  const db = reunionDb(ctx.database.db);
  if (await findPostRow(db, post.id)) throw new AppError(E.REUNION_POST_EXISTS, { id: post.id });
  const created = postWorkflow.create({ actor: actor.username, role: actor.role, at: post.createdAt, reason: 'post registered' });
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('reunion_posts').values(postToRow(post, contactCipher(ctx.secret))).execute();
    await trx.insertInto('reunion_events').values(eventToRow(post.id, created.events[0]!)).execute();
  });
  await appendAudit(ctx, { actor: actor.username, role: actor.platformRole, action: 'reunion.post.write', recordKind: 'reunion_post', recordIds: [post.id], outcome: 'allowed', detail: { op: 'create', kind: post.kind } });
  return viewOf(post);
}

/** Load a post (contacts decrypted). @throws AppError REUNION_POST_NOT_FOUND. */
export async function loadPost(ctx: PlatformContext, id: string): Promise<ReunionPost> {
  const row = await findPostRow(ctx.database.db, id);
  if (!row) throw new AppError(E.REUNION_POST_NOT_FOUND, { id });
  return rowToPost(row, contactCipher(ctx.secret));
}

/** Read a post for staff (contacts masked); the read is audited. */
export async function readPost(ctx: PlatformContext, id: string, actor: ReunionActor): Promise<PostView> {
  const post = await loadPost(ctx, id);
  await appendAudit(ctx, { actor: actor.username, role: actor.platformRole, action: 'reunion.post.read', recordKind: 'reunion_post', recordIds: [id], outcome: 'allowed' });
  return viewOf(post);
}

/** Unmasked contacts of a post for police/admin with a stated purpose; audited with the purpose. */
export async function readContacts(ctx: PlatformContext, id: string, actor: ReunionActor, purpose: string, legalBasis: string | null): Promise<{ id: string; contacts: readonly Contact[] }> {
  const post = await loadPost(ctx, id);
  await appendAudit(ctx, { actor: actor.username, role: actor.platformRole, action: 'reunion.contact.read', purpose, legalBasis, recordKind: 'reunion_post', recordIds: [id], outcome: 'allowed' });
  return { id, contacts: post.contacts };
}

/** Summary rows for staff lists (no contacts, no memories). */
export interface PostSummary { readonly id: string; readonly kind: PostKind; readonly status: PostState; readonly sex: string | null; readonly name: string | null; readonly nickname: string | null; readonly birthYear: number | null; readonly lossYear: number | null; readonly lossDivision: string | null; readonly postedOn: string }

/** List posts (newest id first within a kind), filtered by kind and status. */
export async function listPosts(ctx: PlatformContext, filter: { kind?: PostKind | undefined; status?: PostState | undefined; limit: number; offset: number }): Promise<{ total: number; posts: PostSummary[] }> {
  const db = reunionDb(ctx.database.db);
  let q = db.selectFrom('reunion_posts');
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.status) q = q.where('status', '=', filter.status);
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await q.select(['id', 'kind', 'status', 'sex', 'name', 'nickname', 'birth_year', 'loss_year', 'loss_division', 'posted_on']).orderBy('id').limit(filter.limit).offset(filter.offset).execute();
  return { total, posts: rows.map((r) => ({ id: r.id, kind: r.kind as PostKind, status: r.status as PostState, sex: r.sex, name: r.name, nickname: r.nickname, birthYear: r.birth_year, lossYear: r.loss_year, lossDivision: r.loss_division, postedOn: r.posted_on })) };
}

/** Replace the consent flags (absent = false) and the public search columns built from them; audited. */
export async function setConsent(ctx: PlatformContext, id: string, consent: Partial<Consent>, actor: ReunionActor): Promise<PostView> {
  const post = await loadPost(ctx, id);
  const next: ReunionPost = { ...post, consent: Object.fromEntries(CONSENT_FIELDS.map((f) => [f, consent[f] === true])) as Consent, updatedAt: ctx.now().toISOString() };
  const row = postToRow(next, contactCipher(ctx.secret));
  await reunionDb(ctx.database.db).updateTable('reunion_posts').set({ consent_json: row.consent_json, search_names: row.search_names, search_place: row.search_place, updated_at: row.updated_at }).where('id', '=', id).execute();
  await appendAudit(ctx, { actor: actor.username, role: actor.platformRole, action: 'reunion.post.write', recordKind: 'reunion_post', recordIds: [id], outcome: 'allowed', detail: { op: 'consent', consent: next.consent } });
  return viewOf(next);
}

/** Record the DNA sample status (and the police case number when given) of a post; audited. */
export async function setDnaStatus(ctx: PlatformContext, id: string, dnaStatus: DnaStatus, policeCaseNo: string | null | undefined, actor: ReunionActor): Promise<PostView> {
  await loadPost(ctx, id);
  await reunionDb(ctx.database.db).updateTable('reunion_posts')
    .set({ dna_status: dnaStatus, ...(policeCaseNo !== undefined ? { police_case_no: policeCaseNo } : {}), updated_at: ctx.now().toISOString() }).where('id', '=', id).execute();
  await appendAudit(ctx, { actor: actor.username, role: actor.platformRole, action: 'reunion.post.write', recordKind: 'reunion_post', recordIds: [id], outcome: 'allowed', detail: { op: 'dna', dnaStatus } });
  return viewOf(await loadPost(ctx, id));
}

/**
 * Fire a workflow transition on one post and store the event (in `trx` when given). Status is
 * updated only if it still is the state the event leaves (optimistic; the unique seq also guards).
 * @throws AppError REUNION_TRANSITION_REFUSED (409) with the workflow's issues as details.
 */
export async function transitionPost(
  ctx: PlatformContext, id: string, transition: PostTransition, actor: ReunionActor, reason: string | null, data?: Record<string, unknown>,
  trx = reunionDb(ctx.database.db),
): Promise<PostState> {
  const instance = await loadInstance(trx, id);
  const r = postWorkflow.apply(instance, transition, { actor: actor.username, role: actor.role, at: ctx.now(), ...(reason ? { reason } : {}), ...(data ? { data } : {}) });
  if (!r.ok) throw new AppError(E.REUNION_TRANSITION_REFUSED, { id, transition, reason: r.errors.map((e) => e.message).join('；'), reasonEn: r.errors.map((e) => e.messageEn).join('; ') }, r.errors);
  await trx.insertInto('reunion_events').values(eventToRow(id, r.event)).execute();
  await trx.updateTable('reunion_posts').set({ status: r.event.to, updated_at: r.event.at }).where('id', '=', id).where('status', '=', instance.state).execute();
  return r.event.to;
}

/** The recorded steps of a post, oldest first, with labels (zh, en). */
export async function postTimeline(ctx: PlatformContext, id: string): Promise<{ id: string; state: PostState; events: ReturnType<typeof timeline> }> {
  await loadPost(ctx, id);
  const instance = await loadInstance(reunionDb(ctx.database.db), id);
  return { id, state: instance.state, events: timeline(postWorkflow, instance) };
}
