import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformContext } from '../../platform/module.ts';
import { openPlatform } from '../../platform/platform.ts';
import { listAudit } from '../../security/audit.ts';
import { securityModule } from '../../security/index.ts';
import { createUser } from '../../security/users.ts';
import { testDialects } from '../../store/testing.ts';
import { parcelsModule } from '../parcels/index.ts';
import { addMember, closeCase, DEMO_CASE_NO, ensureDemoCase, listCaseViews, openCase, readCase } from './caseService.ts';
import { leadsModule } from './index.ts';
import { runTagRules } from './tagRunner.ts';

const inv = { username: 'inv1', role: 'investigator' };
const inv2 = { username: 'inv2', role: 'investigator' };

describe.each(testDialects())('leads cases on $name', (dialect) => {
  let ctx: PlatformContext;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const created = await dialect.create();
    drop = created.drop;
    ctx = await openPlatform(created.config, { modules: [securityModule, parcelsModule, leadsModule], now: () => new Date('2026-11-30T02:00:00Z') });
    for (const [username, role] of [['inv1', 'investigator'], ['inv2', 'investigator'], ['clerk1', 'clerk']] as const) await createUser(ctx, { username, role, password: `${username}-password-long`, ...(role === 'clerk' ? { outlet: 'O1' } : {}) });
  });
  afterAll(async () => {
    await ctx?.database.close();
    await drop?.();
  });

  it('opens the demo case once, for the demo investigator', async () => {
    expect(await ensureDemoCase(ctx)).toBe(true);
    expect(await ensureDemoCase(ctx)).toBe(false);
    const all = await listCaseViews(ctx, { username: 'root', role: 'admin' });
    expect(all.map((c) => [c.caseNo, c.owner, c.members, c.open])).toEqual([[DEMO_CASE_NO, 'investigator', ['investigator'], true]]);
    expect(await listCaseViews(ctx, inv)).toEqual([]);
  });

  it('checks what opening a case needs', async () => {
    const base = { caseNo: 'K-1', legalBasis: '立案决定书 K-1', purpose: '诈骗团伙寄递研判', owner: 'inv1' };
    await expect(openCase(ctx, inv, { ...base, purpose: '查' })).rejects.toMatchObject({ code: 'LEADS_CASE_FIELD_REQUIRED' });
    await expect(openCase(ctx, inv, { ...base, owner: 'clerk1' })).rejects.toMatchObject({ code: 'LEADS_OWNER_ROLE' });
    await expect(openCase(ctx, inv, { ...base, owner: 'nobody' })).rejects.toMatchObject({ code: 'LEADS_USER_UNKNOWN' });
    await expect(openCase(ctx, { username: 'clerk1', role: 'clerk' }, base)).rejects.toMatchObject({ code: 'LEADS_ROLE_DENIED' });
    const v = await openCase(ctx, inv, base);
    expect(v).toMatchObject({ caseNo: 'K-1', owner: 'inv1', members: ['inv1'], openedBy: 'inv1', open: true });
    await expect(openCase(ctx, inv, base)).rejects.toMatchObject({ code: 'LEADS_CASE_EXISTS' });
    expect((await listAudit(ctx, { limit: 1 }))[0]).toMatchObject({ action: 'leads.case.open', legalBasis: 'K-1', purpose: '诈骗团伙寄递研判', outcome: 'allowed' });
  });

  it('lets only the owner manage; a closed case refuses work, and the refusal is audited', async () => {
    await expect(addMember(ctx, inv2, 'K-1', 'inv2')).rejects.toMatchObject({ code: 'LEADS_NOT_A_MEMBER' });
    expect((await addMember(ctx, inv, 'K-1', 'inv2')).members).toEqual(['inv1', 'inv2']);
    await expect(closeCase(ctx, inv2, 'K-1', '侦查终结')).rejects.toMatchObject({ code: 'LEADS_NOT_CASE_MANAGER' });
    const closed = await closeCase(ctx, inv, 'K-1', '侦查终结，移送起诉');
    expect([closed.open, closed.closedBy, closed.closeReason]).toEqual([false, 'inv1', '侦查终结，移送起诉']);
    await expect(runTagRules(ctx, inv2, 'K-1', { dryRun: true })).rejects.toMatchObject({ code: 'LEADS_CASE_CLOSED' });
    expect((await listAudit(ctx, { limit: 1 }))[0]).toMatchObject({ actor: 'inv2', action: 'leads.rules.run', outcome: 'refused', legalBasis: 'K-1', detail: { reason: 'LEADS_CASE_CLOSED' } });
    expect((await readCase(ctx, inv2, 'K-1')).open).toBe(false);
  });
});
