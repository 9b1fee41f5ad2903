/**
 * The evidence application through its HTTP API on every test dialect: demo load and ground
 * truth file, a case round trip, attaching the missing item opens the gate, overrides refused
 * without a reason and audited with one, non-overridable findings, roles.
 */
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/api/app.ts';
import { evidenceModule, generateEvidenceDemo, groundTruthPath, loadEvidenceDemo, loadStandards, stageGate, type Finding } from '../src/apps/evidence/index.ts';
import type { PlatformContext } from '../src/platform/module.ts';
import { openPlatform } from '../src/platform/platform.ts';
import { listAudit } from '../src/security/audit.ts';
import { verifyAuditLog } from '../src/security/auditVerify.ts';
import { securityModule } from '../src/security/index.ts';
import { generatePassword } from '../src/security/passwords.ts';
import { createUser } from '../src/security/users.ts';
import { testDialects } from '../src/store/testing.ts';

const demo = generateEvidenceDemo();
const modules = [securityModule, evidenceModule];

describe.each(testDialects())('evidence API on $name', (dialect) => {
  let ctx: PlatformContext;
  let app: FastifyInstance;
  let drop: () => Promise<void>;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    const created = await dialect.create();
    drop = created.drop;
    ctx = await openPlatform(created.config, { modules, now: () => new Date('2026-11-30T02:00:00Z') });
    app = await buildApp(ctx, modules, { logger: false });
    for (const role of ['investigator', 'regulator']) {
      const password = generatePassword();
      await createUser(ctx, { username: `${role}1`, role, password });
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `${role}1`, password } });
      cookies[role] = `gongzhi_session=${res.cookies.find((c) => c.name === 'gongzhi_session')!.value}`;
    }
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.database.close();
    await drop?.();
  });

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, role = 'investigator') =>
    app.inject({ method, url, ...(payload ? { payload: payload as object } : {}), headers: { cookie: cookies[role]! } });

  it('loads the demo set once and writes the ground truth beside the data', async () => {
    const first = await loadEvidenceDemo(ctx);
    expect(first).toMatchObject({ inserted: 32, existing: 0 });
    expect(first.groundTruthFile).toBe(groundTruthPath(ctx.config.dataDir));
    expect(JSON.parse(fs.readFileSync(first.groundTruthFile, 'utf8')).cases).toHaveLength(32);
    expect(await loadEvidenceDemo(ctx)).toMatchObject({ inserted: 0, existing: 32 });
    const list = (await call('GET', '/api/evidence/cases')).json().cases as { caseNo: string; passed: boolean; blocking: number }[];
    expect(list).toHaveLength(32);
    const truth = demo.groundTruth.cases;
    for (const c of list) expect(c.passed, c.caseNo).toBe(truth.find((t) => t.caseNo === c.caseNo)!.variant === 'complete');
  });

  it('returns a stored case file exactly as generated, with the same report as the pure checker', async () => {
    const file = demo.files[3]!;
    const res = await call('GET', `/api/evidence/cases/${file.caseNo}`);
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view.file).toEqual(JSON.parse(JSON.stringify({ ...file, persons: file.persons.map((p) => ({ idNumber: null, detainedAt: null, facilityAt: null, arrestRequestedAt: null, roving: false, ...p })) })));
    const pure = stageGate(loadStandards(), file);
    expect(view.report.blocking.map((f: Finding) => f.key)).toEqual(pure.blocking.map((f) => f.key));
    const audit = await listAudit(ctx, { limit: 1 });
    expect(audit[0]).toMatchObject({ action: 'evidence.read', recordIds: [file.caseNo], outcome: 'allowed', actor: 'investigator1' });
  });

  it('a new case with a gap is blocked; attaching the missing item opens the gate', async () => {
    const complete = demo.files[0]!;
    const weapon = complete.items.find((i) => i.key === 'E06')!;
    const created = await call('POST', '/api/evidence/cases', { ...complete, caseNo: 'T-0001', stage: 'transfer_for_prosecution', items: complete.items.filter((i) => i.key !== 'E06') });
    expect(created.statusCode).toBe(201);
    expect(created.json().report.blocking.map((f: Finding) => f.ruleId)).toEqual(['HOM-ACT-WEAPON']);
    expect(created.json().report.checklist.find((e: { ruleId: string }) => e.ruleId === 'HOM-ACT-WEAPON').status).toBe('missing');
    const attached = await call('POST', '/api/evidence/cases/T-0001/items', weapon);
    expect(attached.statusCode).toBe(201);
    expect(attached.json().report).toMatchObject({ passed: true, blocking: [], warnings: [] });
    expect((await call('POST', '/api/evidence/cases/T-0001/items', weapon)).json().error.code).toBe('EVIDENCE_ITEM_EXISTS');
  });

  it('refuses an override without a reason (audited), records one with a reason and shows it in the report and the trail', async () => {
    const caseNo = demo.files[3]!.caseNo; // homicide, second planted variant
    const before = (await call('GET', `/api/evidence/cases/${caseNo}`)).json().report;
    const custody = before.blocking.find((f: Finding) => f.ruleId === 'GEN-CUSTODY-CHAIN') as Finding;
    const refused = await call('POST', `/api/evidence/cases/${caseNo}/overrides`, { findingKey: custody.key, reason: '  ' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('EVIDENCE_OVERRIDE_REASON_REQUIRED');
    expect((await listAudit(ctx, { limit: 1 }))[0]).toMatchObject({ action: 'evidence.override', outcome: 'refused', detail: { reason: 'EVIDENCE_OVERRIDE_REASON_REQUIRED' } });

    const reason = '值班室系代管交接，已补正交接记录并附情况说明';
    const ok = await call('POST', `/api/evidence/cases/${caseNo}/overrides`, { findingKey: custody.key, reason });
    expect(ok.statusCode).toBe(201);
    const view = ok.json();
    expect(view.report.blocking.some((f: Finding) => f.key === custody.key)).toBe(false);
    const shown = view.report.overridden.find((f: Finding) => f.key === custody.key);
    expect(shown.override).toMatchObject({ reason, officer: 'investigator1', ruleId: 'GEN-CUSTODY-CHAIN' });
    expect(view.overrides).toHaveLength(1);
    const entry = (await listAudit(ctx, { limit: 50 })).find((e) => e.seq === shown.override.auditSeq)!;
    expect(entry).toMatchObject({ action: 'evidence.override', outcome: 'allowed', recordIds: [caseNo], detail: { findingKey: custody.key, reason } });
    expect((await verifyAuditLog(ctx)).ok).toBe(true);
  });

  it('never lets a confession-only finding be overridden', async () => {
    const file = demo.files[1]!;
    const report = (await call('GET', `/api/evidence/cases/${file.caseNo}`)).json().report;
    const confession = report.blocking.find((f: Finding) => f.ruleId === 'GEN-CONFESSION-ONLY') as Finding;
    const res = await call('POST', `/api/evidence/cases/${file.caseNo}/overrides`, { findingKey: confession.key, reason: '嫌疑人自愿认罪认罚' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'EVIDENCE_OVERRIDE_NOT_ALLOWED', params: { ruleId: 'GEN-CONFESSION-ONLY' } });
  });

  it('refuses roles without the policy, unknown charges and unknown cases with coded errors', async () => {
    const denied = await call('GET', `/api/evidence/cases/${demo.files[0]!.caseNo}`, undefined, 'regulator');
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('EVIDENCE_ROLE_DENIED');
    expect((await listAudit(ctx, { limit: 1 }))[0]).toMatchObject({ actor: 'regulator1', outcome: 'refused', action: 'evidence.read' });
    const bad = await call('POST', '/api/evidence/cases', { caseNo: 'T-0002', title: 'x', charges: ['jaywalking'] });
    expect(bad.json().error).toMatchObject({ code: 'EVIDENCE_CHARGE_UNKNOWN', params: { charge: 'jaywalking' } });
    expect((await call('GET', '/api/evidence/cases/NOPE-1')).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/evidence/cases' })).statusCode).toBe(401);
  });
});
