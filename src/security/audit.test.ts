import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPlatform } from '../platform/platform.ts';
import type { PlatformContext } from '../platform/module.ts';
import { testDialects } from '../store/testing.ts';
import { GENESIS_HASH, appendAudit, entryHash, entryHashByDefinition, listAudit } from './audit.ts';
import { verifyAuditLog } from './auditVerify.ts';
import { securityModule } from './index.ts';

describe.each(testDialects())('audit log on $name', (dialect) => {
  let ctx: PlatformContext;
  let second: PlatformContext;
  let drop: () => Promise<void>;
  let tick = Date.parse('2026-11-30T01:00:00Z');

  beforeAll(async () => {
    const created = await dialect.create();
    drop = created.drop;
    const now = () => new Date((tick += 1000));
    ctx = await openPlatform(created.config, { modules: [securityModule], now });
    second = await openPlatform(created.config, { modules: [securityModule], now });
  });
  afterAll(async () => {
    await second?.database.close();
    await ctx?.database.close();
    await drop?.();
  });

  const raw = (q: ReturnType<typeof sql>) => q.execute(ctx.database.db);

  it('chains concurrent appends in call order, from two connections too', async () => {
    const first = await appendAudit(ctx, { actor: 'inv1', role: 'investigator', action: 'parcel.lookup', purpose: '盗窃案侦查', legalBasis: '刑诉法第52条', recordKind: 'parcel', recordIds: [11, 12], outcome: 'allowed', detail: { query: 'idNumber', n: 2 } });
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH, recordIds: ['11', '12'], detail: { query: 'idNumber', n: 2 } });
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    const batch = await Promise.all(Array.from({ length: 30 }, (_, i) => appendAudit(i % 2 ? ctx : second, { actor: `u${i}`, action: 'auth.login', outcome: i % 3 ? 'allowed' : 'refused' })));
    const seqs = batch.map((e) => e.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => i + 2));
    const own = batch.filter((_, i) => i % 2 === 0).map((e) => e.seq);
    expect(own).toEqual([...own].sort((a, b) => a - b));
    const v = await verifyAuditLog(ctx);
    expect(v).toMatchObject({ ok: true, checked: 31, lastSeq: 31 });
    expect(await verifyAuditLog(ctx, { anchor: { seq: 31, hash: v.lastHash! } })).toMatchObject({ ok: true });
    expect(await verifyAuditLog(ctx, { anchor: { seq: 3, hash: v.lastHash! } })).toMatchObject({ ok: false, problem: 'ANCHOR_MISMATCH', firstBadSeq: 3 });
    expect(await verifyAuditLog(ctx, { anchor: { seq: 40, hash: v.lastHash! } })).toMatchObject({ ok: false, problem: 'ANCHOR_MISSING', firstBadSeq: 32 });
    const stored = (await raw(sql`select * from audit_log order by seq`)).rows as Parameters<typeof entryHash>[0][];
    for (const r of stored) expect(entryHashByDefinition(r)).toBe(entryHash(r));
    const newest = await listAudit(ctx, { limit: 3 });
    expect(newest.map((e) => e.seq)).toEqual([31, 30, 29]);
    expect((await listAudit(ctx, { limit: 2, before: 2 })).map((e) => e.seq)).toEqual([1]);
  });

  it('names an entry edited with raw SQL', async () => {
    await raw(sql`update audit_log set purpose = ${'随便看看'} where seq = 1`);
    expect(await verifyAuditLog(ctx)).toMatchObject({ ok: false, problem: 'HASH_MISMATCH', firstBadSeq: 1, checked: 0 });
    await raw(sql`update audit_log set purpose = ${'盗窃案侦查'} where seq = 1`);
    await raw(sql`update audit_log set record_ids = ${'["11"]'} where seq = 17`);
    expect(await verifyAuditLog(ctx)).toMatchObject({ ok: false, problem: 'HASH_MISMATCH', firstBadSeq: 17, checked: 16 });
    // Even an equivalent rewriting of the JSON text is an edit.
    await raw(sql`update audit_log set record_ids = ${'[ ]'} where seq = 17`);
    expect(await verifyAuditLog(ctx)).toMatchObject({ ok: false, problem: 'HASH_MISMATCH', firstBadSeq: 17 });
    await raw(sql`update audit_log set record_ids = ${'[]'} where seq = 17`);
    expect(await verifyAuditLog(ctx)).toMatchObject({ ok: true, checked: 31 });
  });

  it('detects an edited entry whose hash was recomputed (chain break)', async () => {
    const row = (await raw(sql`select * from audit_log where seq = 5`)).rows[0] as Parameters<typeof entryHash>[0] & { hash: string };
    const edited = { ...row, seq: Number(row.seq), actor: 'someone-else' };
    await raw(sql`update audit_log set actor = ${edited.actor}, hash = ${entryHash(edited)} where seq = 5`);
    expect(await verifyAuditLog(ctx)).toMatchObject({ ok: false, problem: 'CHAIN_BROKEN', firstBadSeq: 6 });
    await raw(sql`update audit_log set actor = ${row.actor}, hash = ${row.hash} where seq = 5`);
    expect((await verifyAuditLog(ctx)).ok).toBe(true);
  });

  it('detects a deleted middle entry', async () => {
    const row = (await raw(sql`select * from audit_log where seq = 12`)).rows[0] as Record<string, unknown>;
    await raw(sql`delete from audit_log where seq = 12`);
    expect(await verifyAuditLog(ctx)).toMatchObject({ ok: false, problem: 'SEQ_GAP', firstBadSeq: 12, checked: 11 });
    await ctx.database.db.insertInto('audit_log').values(row).execute();
    expect((await verifyAuditLog(ctx)).ok).toBe(true);
  });

  it('detects a deleted tail through the signed head', async () => {
    await raw(sql`delete from audit_log where seq = 31`);
    expect(await verifyAuditLog(ctx)).toMatchObject({ ok: false, problem: 'TAIL_TRUNCATED', firstBadSeq: 31, checked: 30 });
    // Re-pointing the head at the new last entry without the secret is caught by its HMAC.
    const last = (await raw(sql`select hash from audit_log where seq = 30`)).rows[0] as { hash: string };
    await raw(sql`update audit_head set seq = 30, hash = ${last.hash}`);
    expect(await verifyAuditLog(ctx)).toMatchObject({ ok: false, problem: 'HEAD_MAC_INVALID' });
    await raw(sql`delete from audit_head`);
    expect(await verifyAuditLog(ctx)).toMatchObject({ ok: false, problem: 'HEAD_MISSING' });
    // The next append records the anomaly first, then signs a new head over both entries.
    const next = await appendAudit(ctx, { actor: 'admin', action: 'audit.verify', outcome: 'allowed' });
    expect(next.seq).toBe(32);
    const [, anomaly] = await listAudit(ctx, { limit: 2 });
    expect(anomaly).toMatchObject({ seq: 31, actor: 'system', action: 'audit.anomaly', detail: { problem: 'HEAD_MISSING', lastSeq: 30, headSeq: null } });
    expect(await verifyAuditLog(ctx)).toMatchObject({ ok: true, checked: 32 });
    // With the signed head intact, a deleted tail stays visible after later appends.
    await raw(sql`delete from audit_log where seq = 32`);
    const after = await appendAudit(ctx, { actor: 'admin', action: 'audit.verify', outcome: 'allowed' });
    expect(after.seq).toBe(34);
    expect(await verifyAuditLog(ctx)).toMatchObject({ ok: false, problem: 'SEQ_GAP', firstBadSeq: 32, checked: 31 });
  });
});
