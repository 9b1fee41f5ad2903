import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/api/app.ts';
import { parcelsModule } from '../src/apps/parcels/index.ts';
import type { ParcelInput } from '../src/apps/parcels/types.ts';
import type { PlatformContext } from '../src/platform/module.ts';
import { openPlatform } from '../src/platform/platform.ts';
import { listAudit } from '../src/security/audit.ts';
import { securityModule } from '../src/security/index.ts';
import { generatePassword } from '../src/security/passwords.ts';
import { createUser } from '../src/security/users.ts';
import { testDialects } from '../src/store/testing.ts';

const base: ParcelInput = {
  courier: 'ZTO', waybillNo: '78912345678901', senderName: '李娜', senderIdType: 'resident', senderIdNumber: '11010519491231002X',
  senderPhone: '13812345678', senderAddress: '浙江省杭州市西湖区文三路1号', receiverName: '王强', receiverPhone: '13987654321',
  receiverAddress: '北京市东城区东华门街道1号', itemName: '连衣裙', itemNature: 'clothing', itemQuantity: 1, weightGrams: 450,
  outlet: 'ZTO33010601', clerk: 'ZTO33010601-01', acceptedAt: '2026-11-11T09:30:00+08:00', inspected: true,
};

describe.each(testDialects())('parcels API on $name', (dialect) => {
  let ctx: PlatformContext;
  let app: FastifyInstance;
  let drop: () => Promise<void>;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    const created = await dialect.create();
    drop = created.drop;
    ctx = await openPlatform(created.config, { modules: [securityModule, parcelsModule], now: () => new Date('2026-11-30T02:00:00Z') });
    app = await buildApp(ctx, [securityModule, parcelsModule], { logger: false });
    for (const role of ['clerk', 'investigator', 'regulator']) {
      const password = generatePassword();
      await createUser(ctx, { username: `${role}1`, role, password, outlet: role === 'clerk' ? 'ZTO33010601' : null });
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `${role}1`, password } });
      cookies[role] = `gongzhi_session=${res.cookies.find((c) => c.name === 'gongzhi_session')!.value}`;
    }
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.database.close();
    await drop?.();
  });

  const post = (url: string, payload: unknown, role = 'clerk') => app.inject({ method: 'POST', url, payload: payload as object, headers: { cookie: cookies[role]! } });
  const get = (url: string, role: string) => app.inject({ method: 'GET', url, headers: { cookie: cookies[role]! } });

  it('registers one parcel, answers a re-submission as a duplicate and refuses changed content', async () => {
    const first = await post('/api/parcels', base);
    expect(first.statusCode).toBe(201);
    const r = first.json();
    expect(r).toMatchObject({ index: 0, ok: true, duplicate: false, errors: [], flags: [] });
    expect(typeof r.id).toBe('number');
    const again = await post('/api/parcels', base);
    expect(again.json()).toMatchObject({ ok: true, id: r.id, duplicate: true });
    const changed = await post('/api/parcels', { ...base, itemName: '衬衫' });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error.code).toBe('PARCEL_CONFLICT');
    const count = await ctx.database.db.selectFrom('parcels').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    expect(Number(count!.n)).toBe(1);
  });

  it('refuses a registration without the sender ID (real-name rule) and one for another outlet, naming field and code', async () => {
    const res = await post('/api/parcels', { ...base, waybillNo: '78912345678902', senderIdNumber: '' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'PARCEL_INVALID', details: [{ field: 'senderIdNumber', code: 'PARCEL_ID_MISSING' }] });
    const other = await post('/api/parcels', { ...base, waybillNo: '78912345678903', outlet: 'ZTO11010101' });
    expect(other.json().error.details[0]).toMatchObject({ field: 'outlet', code: 'PARCEL_OUTLET_NOT_OWN' });
  });

  it('registers a batch: the bad record is rejected with field and code, the others are accepted', async () => {
    const records = [11, 12, 13, 14, 15].map((n) => ({ ...base, waybillNo: `789123456789${n}`, itemName: n === 14 ? '仿真枪配件' : base.itemName }));
    records[2] = { ...records[2]!, waybillNo: '7891234567891X' };
    const res = await post('/api/parcels/batch', { records });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect([body.accepted, body.rejected]).toEqual([4, 1]);
    expect(body.results.map((x: { ok: boolean }) => x.ok)).toEqual([true, true, false, true, true]);
    expect(body.results[2].errors[0].field).toBe('waybillNo');
    expect(body.results[3].flags).toEqual([{ term: '仿真枪', category: 'firearms' }]);
    const tooMany = await post('/api/parcels/batch', { records: Array.from({ length: 1001 }, () => base) });
    expect(tooMany.statusCode).toBe(422);
  });

  it('refuses a look-up without purpose (audited) and answers one with purpose, writing one audit entry', async () => {
    expect((await get('/api/parcels/lookup?idNumber=11010519491231002X&purpose=核查案件线索', 'clerk')).statusCode).toBe(403);
    const refused = await get('/api/parcels/lookup?idNumber=11010519491231002X', 'investigator');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('ACCESS_PURPOSE_REQUIRED');
    let entries = await listAudit(ctx, { limit: 1 });
    expect(entries[0]).toMatchObject({ actor: 'investigator1', action: 'parcel.lookup', outcome: 'refused' });
    const ok = await get('/api/parcels/lookup?idNumber=11010519491231002x&purpose=' + encodeURIComponent('核查案件线索') + '&legalBasis=' + encodeURIComponent('（2026）刑侦字第12号'), 'investigator');
    expect(ok.statusCode).toBe(200);
    const body = ok.json();
    expect(body.by).toBe('idNumber');
    expect(body.count).toBe(5);
    expect(body.parcels[0]).toMatchObject({ senderIdNumber: '11010519491231002X', senderPhone: '13812345678', matchedAs: ['sender'] });
    entries = await listAudit(ctx, { limit: 1 });
    expect(entries[0]).toMatchObject({ action: 'parcel.lookup', outcome: 'allowed', purpose: '核查案件线索', legalBasis: '（2026）刑侦字第12号', seq: body.auditSeq });
    expect([...entries[0]!.recordIds].sort()).toEqual(body.parcels.map((p: { id: number }) => String(p.id)).sort());
    const byPhone = (await get('/api/parcels/lookup?phone=139%208765%204321&purpose=' + encodeURIComponent('核查案件线索'), 'investigator')).json();
    expect(byPhone.count).toBe(5);
    expect(byPhone.parcels[0].matchedAs).toEqual(['receiver']);
    const byWaybill = (await get('/api/parcels/lookup?waybillNo=78912345678901&purpose=' + encodeURIComponent('核查案件线索'), 'investigator')).json();
    expect(byWaybill.parcels.map((p: { courier: string }) => p.courier)).toEqual(['ZTO']);
    expect((await get('/api/parcels/lookup?purpose=' + encodeURIComponent('核查案件线索'), 'investigator')).json().error.code).toBe('PARCEL_LOOKUP_CRITERIA');
  });

  it('serves statistics without personal data to the regulator and the form options', async () => {
    expect((await get('/api/parcels/stats', 'clerk')).statusCode).toBe(403);
    const s = (await get('/api/parcels/stats?from=2026-11-01&to=2026-11-30', 'regulator')).json();
    expect(s.daily).toEqual([{ day: '2026-11-11', total: 5, realNameOk: 5, rate: 1 }]);
    expect(s.byCourier).toEqual([{ courier: 'ZTO', name: expect.stringContaining('中通'), total: 5, realNameOk: 5, rate: 1 }]);
    expect(s.flows).toEqual([{ originProvince: '浙江省', destinationProvince: '北京市', count: 5 }]);
    expect(s.flagged.total).toBe(1);
    expect(s.flagged.byCategory).toEqual([{ category: 'firearms', count: 1 }]);
    expect(s.flagged.recent[0]).toMatchObject({ waybillNo: '78912345678914', terms: ['仿真枪'] });
    expect(JSON.stringify(s)).not.toContain('李娜');
    const meta = (await get('/api/parcels/meta', 'clerk')).json();
    expect(meta.couriers).toHaveLength(20);
    expect(meta.idTypes).toContain('resident');
  });
});
