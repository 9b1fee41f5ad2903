/**
 * Verification of the hash-chained audit log (see audit.ts for the chain). Walks every entry
 * in seq order and reports the first problem:
 * - SEQ_GAP: a seq is missing (an entry was deleted from the middle); firstBadSeq = the missing seq.
 * - HASH_MISMATCH: an entry's fields no longer give its stored hash (edited); firstBadSeq = that seq.
 * - CHAIN_BROKEN: an entry's prev_hash is not the previous entry's hash (an entry was edited and
 *   re-hashed, or entries were replaced); firstBadSeq = that seq.
 * - HEAD_MISSING / HEAD_MAC_INVALID: the signed head is gone or does not carry a valid HMAC
 *   under the platform secret (forged head, or the secret changed).
 * - TAIL_TRUNCATED: the signed head names a later seq than the last entry (newest entries
 *   deleted); firstBadSeq = the first deleted seq.
 * - HEAD_MISMATCH: the last entry differs from the signed head (entries appended or replaced
 *   outside appendAudit); firstBadSeq = the first entry after the signed head, or the head seq.
 * - ANCHOR_MISMATCH / ANCHOR_MISSING: with an anchor (a head recorded outside the database
 *   earlier), the entry at the anchor's seq has another hash, or no longer exists.
 * Deleting every entry and the head together leaves an empty log that only an anchor can expose:
 * keep the head printed by `gongzhi audit verify` outside the database and pass it back.
 */
import crypto from 'node:crypto';
import type { PlatformContext } from '../platform/module.ts';
import { GENESIS_HASH, entryHash, headMac } from './audit.ts';
import { securityDb } from './schema.ts';

/** The first problem verifyAuditLog found (see the file header for each). */
export type AuditProblem =
  | 'SEQ_GAP'
  | 'HASH_MISMATCH'
  | 'CHAIN_BROKEN'
  | 'HEAD_MISSING'
  | 'HEAD_MAC_INVALID'
  | 'TAIL_TRUNCATED'
  | 'HEAD_MISMATCH'
  | 'ANCHOR_MISMATCH'
  | 'ANCHOR_MISSING';

/** A (seq, hash) pair recorded outside the database earlier (e.g. printed by `gongzhi audit verify`). */
export interface AuditAnchor {
  readonly seq: number;
  readonly hash: string;
}

/** Result of verifyAuditLog. */
export interface AuditVerification {
  readonly ok: boolean;
  /** Entries checked before the first problem (all of them when ok). */
  readonly checked: number;
  readonly firstBadSeq?: number;
  readonly problem?: AuditProblem;
  /** seq and hash of the last entry checked, when any. */
  readonly lastSeq?: number;
  readonly lastHash?: string;
}

const PAGE = 2000;

function macEquals(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/**
 * Verify the whole audit log, its signed head and, when given, an anchor kept outside the
 * database. Reads the log in pages of 2,000 entries (constant memory). Returns
 * { ok: true, checked, lastSeq, lastHash } or the first problem found.
 */
export async function verifyAuditLog(ctx: PlatformContext, options: { anchor?: AuditAnchor } = {}): Promise<AuditVerification> {
  const anchor = options.anchor;
  const db = securityDb(ctx.database.db);
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(PAGE).execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      const last = checked > 0 ? { lastSeq: expectedSeq - 1, lastHash: prevHash } : {};
      if (seq !== expectedSeq) return { ok: false, checked, firstBadSeq: expectedSeq, problem: 'SEQ_GAP', ...last };
      if (entryHashSafe(row) !== row.hash) return { ok: false, checked, firstBadSeq: seq, problem: 'HASH_MISMATCH', ...last };
      if (row.prev_hash !== prevHash) return { ok: false, checked, firstBadSeq: seq, problem: 'CHAIN_BROKEN', ...last };
      if (anchor && seq === anchor.seq && row.hash !== anchor.hash) return { ok: false, checked, firstBadSeq: seq, problem: 'ANCHOR_MISMATCH', ...last };
      prevHash = row.hash;
      expectedSeq = seq + 1;
      checked++;
    }
    if (rows.length < PAGE) break;
  }
  const lastSeq = expectedSeq - 1;
  const tail = checked > 0 ? { lastSeq, lastHash: prevHash } : {};
  if (anchor && anchor.seq > lastSeq) return { ok: false, checked, firstBadSeq: lastSeq + 1, problem: 'ANCHOR_MISSING', ...tail };
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!head) return checked === 0 ? { ok: true, checked } : { ok: false, checked, problem: 'HEAD_MISSING', ...tail };
  const headSeq = Number(head.seq);
  if (!macEquals(head.mac, headMac(ctx.secret, headSeq, head.hash))) return { ok: false, checked, problem: 'HEAD_MAC_INVALID', ...tail };
  if (headSeq > lastSeq) return { ok: false, checked, firstBadSeq: lastSeq + 1, problem: 'TAIL_TRUNCATED', ...tail };
  if (headSeq < lastSeq) return { ok: false, checked, firstBadSeq: headSeq + 1, problem: 'HEAD_MISMATCH', ...tail };
  if (head.hash !== prevHash) return { ok: false, checked, firstBadSeq: headSeq, problem: 'HEAD_MISMATCH', ...tail };
  return { ok: true, checked, ...tail };
}

/** entryHash, treating unparsable JSON text (an edit) as a mismatch rather than a crash. */
function entryHashSafe(row: Parameters<typeof entryHash>[0]): string | null {
  try {
    return entryHash(row);
  } catch {
    return null;
  }
}
