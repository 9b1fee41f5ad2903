/**
 * The append-only, hash-chained audit log (审计日志). Every read of personal data, every refused
 * person-level request and every login attempt appends one entry: who, when, role, action,
 * purpose, legal basis, record kind, which records, outcome and detail.
 *
 * Chain: entry n stores prev_hash = hash of entry n−1 (64 zeros for n = 1) and
 * hash = hex SHA-256(prev_hash ‖ canonicalJson({seq, at, actor, role, action, purpose,
 * legal_basis, record_kind, record_ids, outcome, detail})), canonical JSON per canonicalJson.ts.
 * The head (seq, hash) is also kept with an HMAC-SHA256 under the platform secret in
 * `audit_head`, written in the same transaction, so deleting the newest entries is detected.
 *
 * Appends are serialised: an in-process queue per database (concurrent appends are written
 * together, in order, in one transaction); on PostgreSQL the transaction also takes an
 * advisory lock and reads the previous entry inside it, so several API servers can append
 * to one database; on SQLite the transaction is BEGIN IMMEDIATE (one writer across processes).
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { PlatformContext } from '../platform/module.ts';
import type { Database } from '../store/database.ts';
import { canonicalJson } from './canonicalJson.ts';
import { securityDb, type AuditRow } from './schema.ts';

/** prev_hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);
/** Key of the PostgreSQL transaction-level advisory lock that serialises appends ("gzaudi" in ASCII; below 2^53). */
const AUDIT_LOCK_KEY = 0x677a61756469;

/** What a caller appends: one event; seq, time and hashes are assigned by appendAudit. */
export interface AuditEntryInput {
  /** Username of the acting user, or 'anonymous' / 'cli:<os user>' for actions without a session. */
  readonly actor: string;
  readonly role?: string | null;
  /** Policy action (e.g. 'parcel.lookup') or event (e.g. 'auth.login'). */
  readonly action: string;
  readonly purpose?: string | null;
  /** 法律依据 / case number stated with the purpose. */
  readonly legalBasis?: string | null;
  readonly recordKind?: string | null;
  /** Ids of the records read (stored as strings, in the given order). */
  readonly recordIds?: readonly (string | number)[];
  readonly outcome: 'allowed' | 'refused';
  /** Further facts (reason code, query kind, counts, client address); JSON values only. */
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** A stored entry as the API and CLI present it. */
export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly role: string | null;
  readonly action: string;
  readonly purpose: string | null;
  readonly legalBasis: string | null;
  readonly recordKind: string | null;
  readonly recordIds: string[];
  readonly outcome: 'allowed' | 'refused';
  readonly detail: Record<string, unknown>;
  readonly prevHash: string;
  readonly hash: string;
}

const str = (v: string | null) => (v === null ? 'null' : JSON.stringify(v));

/**
 * hex SHA-256 of prev_hash followed by the canonical JSON of the hashed fields of a row:
 * `{"action":…,"actor":…,"at":…,"detail":…,"legal_basis":…,"outcome":…,"purpose":…,
 * "record_ids":…,"record_kind":…,"role":…,"seq":…}` (keys in code-unit order, no whitespace).
 * `record_ids` and `detail` enter as their stored text, which appendAudit writes in canonical
 * form; so the text equals canonicalJson of the parsed values for every genuine row, and a row
 * whose JSON text was rewritten in any way (even to an equivalent form) fails verification.
 */
export function entryHash(row: Omit<AuditRow, 'hash'>): string {
  const text =
    `{"action":${str(row.action)},"actor":${str(row.actor)},"at":${str(row.at)},"detail":${row.detail},` +
    `"legal_basis":${str(row.legal_basis)},"outcome":${str(row.outcome)},"purpose":${str(row.purpose)},` +
    `"record_ids":${row.record_ids},"record_kind":${str(row.record_kind)},"role":${str(row.role)},"seq":${Number(row.seq)}}`;
  return crypto.createHash('sha256').update(row.prev_hash).update(text).digest('hex');
}

/** The same hash computed from parsed values with canonicalJson (the definition; tests compare both). */
export function entryHashByDefinition(row: Omit<AuditRow, 'hash'>): string {
  const fields = {
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    role: row.role,
    action: row.action,
    purpose: row.purpose,
    legal_basis: row.legal_basis,
    record_kind: row.record_kind,
    record_ids: JSON.parse(row.record_ids) as unknown,
    outcome: row.outcome,
    detail: JSON.parse(row.detail) as unknown,
  };
  return crypto.createHash('sha256').update(row.prev_hash).update(canonicalJson(fields)).digest('hex');
}

/** hex HMAC-SHA256 under the platform secret of the head `${seq}:${hash}`. */
export function headMac(secret: Buffer, seq: number, hash: string): string {
  return crypto.createHmac('sha256', secret).update(`audit-head:${seq}:${hash}`).digest('hex');
}

/** The row → API shape. */
export function presentAudit(row: AuditRow): AuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    role: row.role,
    action: row.action,
    purpose: row.purpose,
    legalBasis: row.legal_basis,
    recordKind: row.record_kind,
    recordIds: JSON.parse(row.record_ids) as string[],
    outcome: row.outcome,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function chainRows(inputs: readonly AuditEntryInput[], last: { seq: number; hash: string }, at: string): AuditRow[] {
  const rows: AuditRow[] = [];
  let { seq, hash } = last;
  for (const e of inputs) {
    const base = {
      seq: seq + 1,
      at,
      actor: e.actor,
      role: e.role ?? null,
      action: e.action,
      purpose: e.purpose?.trim() || null,
      legal_basis: e.legalBasis?.trim() || null,
      record_kind: e.recordKind ?? null,
      record_ids: canonicalJson((e.recordIds ?? []).map(String)),
      outcome: e.outcome,
      detail: canonicalJson(e.detail ?? {}),
      prev_hash: hash,
    };
    const row = { ...base, hash: entryHash(base) };
    rows.push(row);
    seq = row.seq;
    hash = row.hash;
  }
  return rows;
}

/**
 * Where the next entry goes, given the last stored entry and the signed head. Deleted newest
 * entries are never papered over: when the signed head is ahead of the last entry, numbering
 * continues after the head, so the gap stays visible to verifyAuditLog (SEQ_GAP). A missing,
 * unsigned or diverging head is recorded by an 'audit.anomaly' entry written first.
 */
function planAppend(
  secret: Buffer,
  last: { seq: number; hash: string } | undefined,
  head: { seq: number; hash: string; mac: string } | undefined,
): { start: { seq: number; hash: string }; anomaly: AuditEntryInput | null } {
  const lastSeq = last ? Number(last.seq) : 0;
  const lastHash = last ? last.hash : GENESIS_HASH;
  const headSeq = head ? Number(head.seq) : 0;
  const signed = head !== undefined && head.mac === headMac(secret, headSeq, head.hash);
  let problem: string | null = null;
  if (!head && lastSeq > 0) problem = 'HEAD_MISSING';
  else if (head && !signed) problem = 'HEAD_MAC_INVALID';
  else if (head && headSeq > lastSeq) problem = 'TAIL_TRUNCATED';
  else if (head && (headSeq < lastSeq || head.hash !== lastHash)) problem = 'HEAD_MISMATCH';
  const start = { seq: signed && headSeq > lastSeq ? headSeq : lastSeq, hash: lastHash };
  const anomaly: AuditEntryInput | null = problem
    ? { actor: 'system', action: 'audit.anomaly', outcome: 'allowed', detail: { problem, lastSeq, headSeq: head ? headSeq : null } }
    : null;
  return { start, anomaly };
}

/** Write a batch of entries atomically after the current last entry; returns the rows written. */
async function writeBatch(ctx: PlatformContext, inputs: readonly AuditEntryInput[]): Promise<AuditRow[]> {
  const at = ctx.now().toISOString();
  const { database } = ctx;
  if (database.dialect === 'sqlite' && database.sqlite) {
    const raw = database.sqlite;
    // Hold Kysely's connection (so no Kysely transaction is open on the shared handle), then
    // write synchronously: no await inside the transaction, nothing can interleave with it.
    return database.db.connection().execute(async () => {
      const run = raw.transaction(() => {
        const last = raw.prepare('select seq, hash from audit_log order by seq desc limit 1').get() as { seq: number; hash: string } | undefined;
        const head = raw.prepare('select seq, hash, mac from audit_head where id = 1').get() as { seq: number; hash: string; mac: string } | undefined;
        const plan = planAppend(ctx.secret, last, head);
        const rows = chainRows(plan.anomaly ? [plan.anomaly, ...inputs] : inputs, plan.start, at);
        const insert = raw.prepare(
          'insert into audit_log (seq, at, actor, role, action, purpose, legal_basis, record_kind, record_ids, outcome, detail, prev_hash, hash) values (@seq, @at, @actor, @role, @action, @purpose, @legal_basis, @record_kind, @record_ids, @outcome, @detail, @prev_hash, @hash)',
        );
        for (const r of rows) insert.run(r);
        const top = rows[rows.length - 1]!;
        raw
          .prepare('insert into audit_head (id, seq, hash, mac) values (1, ?, ?, ?) on conflict (id) do update set seq = excluded.seq, hash = excluded.hash, mac = excluded.mac')
          .run(top.seq, top.hash, headMac(ctx.secret, top.seq, top.hash));
        return rows.slice(rows.length - inputs.length);
      });
      return run.immediate();
    });
  }
  return securityDb(database.db)
    .transaction()
    .execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
      const last = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
      const head = await trx.selectFrom('audit_head').select(['seq', 'hash', 'mac']).where('id', '=', 1).executeTakeFirst();
      const plan = planAppend(ctx.secret, last, head);
      const rows = chainRows(plan.anomaly ? [plan.anomaly, ...inputs] : inputs, plan.start, at);
      for (let i = 0; i < rows.length; i += 500) await trx.insertInto('audit_log').values(rows.slice(i, i + 500)).execute();
      const top = rows[rows.length - 1]!;
      const mac = headMac(ctx.secret, top.seq, top.hash);
      await trx
        .insertInto('audit_head')
        .values({ id: 1, seq: top.seq, hash: top.hash, mac })
        .onConflict((oc) => oc.column('id').doUpdateSet({ seq: top.seq, hash: top.hash, mac }))
        .execute();
      return rows.slice(rows.length - inputs.length);
    });
}

interface Pending {
  readonly input: AuditEntryInput;
  readonly resolve: (e: AuditEntry) => void;
  readonly reject: (e: unknown) => void;
}

const queues = new WeakMap<Database, { pending: Pending[]; draining: boolean }>();

async function drain(ctx: PlatformContext, q: { pending: Pending[]; draining: boolean }): Promise<void> {
  q.draining = true;
  try {
    while (q.pending.length > 0) {
      const batch = q.pending.splice(0, 1000);
      try {
        const rows = await writeBatch(
          ctx,
          batch.map((b) => b.input),
        );
        rows.forEach((r, i) => batch[i]!.resolve(presentAudit(r)));
      } catch (e) {
        for (const b of batch) b.reject(e);
      }
    }
  } finally {
    q.draining = false;
  }
}

/**
 * Append one entry to the audit log; resolves once it is committed, with its seq and hash.
 * Concurrent calls on one database are committed in call order, batched into one transaction.
 * @throws the database error when the write fails (the caller must then fail its request:
 *   an unaudited read of personal data must not be served).
 */
export function appendAudit(ctx: PlatformContext, entry: AuditEntryInput): Promise<AuditEntry> {
  let q = queues.get(ctx.database);
  if (!q) queues.set(ctx.database, (q = { pending: [], draining: false }));
  const queue = q;
  return new Promise<AuditEntry>((resolve, reject) => {
    queue.pending.push({ input: entry, resolve, reject });
    if (!queue.draining) void drain(ctx, queue);
  });
}

/**
 * Entries newest first: at most `limit` (1–1000, default 100) with seq < `before` when given.
 */
export async function listAudit(ctx: PlatformContext, options: { limit?: number; before?: number } = {}): Promise<AuditEntry[]> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 100), 1), 1000);
  let q = securityDb(ctx.database.db).selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(limit);
  if (options.before !== undefined) q = q.where('seq', '<', options.before);
  const rows = await q.execute();
  return rows.map((r) => presentAudit(r));
}
