/**
 * The leads commands as a user runs them (child processes of bin/gongzhi.js on a fresh SQLite
 * data directory): demo parcels, an investigator, `case open`, `rules run --dry-run` and a real
 * run, `leads score`, `graph expand --json` and `graph export`; a non-member is refused, exits 1,
 * and the refusal is in the audit log.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { generateParcels } from '../../demo/parcels.ts';

const repo = path.resolve(import.meta.dirname, '../../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-leads-cli-'));
const env: Record<string, string | undefined> = { ...process.env, GONGZHI_DATA_DIR: dir, GONGZHI_SECRET: 'cli-test-secret-cli-test-secret-0123', GONGZHI_LOG_LEVEL: 'silent' };
delete env.DATABASE_URL;

function gongzhi(args: string[]) {
  const r = spawnSync(process.execPath, ['bin/gongzhi.js', ...args], { cwd: repo, env, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('gongzhi case / rules / leads / graph', () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('opens a case, runs the rules, scores, expands and exports as a member; refuses a non-member', () => {
    expect(gongzhi(['demo', 'generate', '--parcels', '3000', '--end', '2026-11-29', '--no-ring', '--quiet']).code).toBe(0);
    expect(gongzhi(['user', 'add', 'zhao', '--role', 'investigator']).code).toBe(0);
    expect(gongzhi(['user', 'add', 'qian', '--role', 'investigator']).code).toBe(0);
    const opened = gongzhi(['case', 'open', '--number', 'C-2026-7', '--legal-basis', '立案决定书 2026-7', '--purpose', '寄递渠道线索研判', '--owner', 'zhao']);
    expect([opened.code, opened.out]).toEqual([0, '已立案 opened C-2026-7: owner zhao, members zhao\n']);
    const dry = gongzhi(['rules', 'run', '--case', 'C-2026-7', '--user', 'zhao', '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    const dryRun = JSON.parse(dry.out) as { dryRun: boolean; subjects: number; rules: { ruleId: string; hits: number; stored: number; errors: unknown[] }[] };
    expect(dryRun.dryRun).toBe(true);
    expect(dryRun.subjects).toBeGreaterThan(100);
    expect(dryRun.rules.map((r) => r.ruleId)).toEqual(['generic-descriptions', 'many-receivers-many-provinces', 'one-id-several-names', 'prohibited-item-screening', 'shared-phone-across-senders']);
    for (const r of dryRun.rules) expect([r.ruleId, r.errors, r.stored]).toEqual([r.ruleId, [], 0]);
    const run = JSON.parse(gongzhi(['rules', 'run', '--case', 'C-2026-7', '--user', 'zhao', '--json']).out) as typeof dryRun;
    expect(run.rules.map((r) => r.stored)).toEqual(dryRun.rules.map((r) => r.hits));
    const score = gongzhi(['leads', 'score', '--case', 'C-2026-7', '--user', 'zhao']);
    expect(score.out).toMatch(/^C-2026-7: \d+ persons scored \(declared\), \d+ leads awaiting review\n$/);

    const seed = [...generateParcels({ count: 3000, seed: 20261111, end: '2026-11-29' })].find((p) => /^\d{17}[\dX]$/.test(p.senderIdNumber))!;
    const expand = gongzhi(['graph', 'expand', '--case', 'C-2026-7', '--user', 'zhao', '--seed', seed.senderIdNumber, '--hops', '2', '--json']);
    expect(expand.err).toBe('');
    const net = JSON.parse(expand.out) as { nodes: { hop: number; evidence: number[]; phone: string }[]; countsByHop: number[] };
    expect(net.countsByHop[0]).toBe(1);
    expect(net.nodes.length).toBe(net.countsByHop.reduce((a, b) => a + b, 0));
    for (const n of net.nodes) expect(n.evidence.length).toBeGreaterThan(0);
    expect(expand.out).not.toContain(seed.senderIdNumber);
    const file = path.join(dir, 'net.graphml');
    const exported = gongzhi(['graph', 'export', '--case', 'C-2026-7', '--user', 'zhao', '--seed', seed.senderIdNumber, '--hops', '2', '--format', 'graphml', '--out', file]);
    expect(exported.out).toBe(`${file}: ${net.nodes.length} nodes, ${exported.out.match(/, (\d+) edges/)![1]} edges (graphml)\n`);
    expect(fs.readFileSync(file, 'utf8')).toContain('<graphml');

    const refused = gongzhi(['graph', 'expand', '--case', 'C-2026-7', '--user', 'qian', '--seed', seed.senderIdNumber]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('qian is not a member of case C-2026-7');
    const db = new SQLite(path.join(dir, 'gongzhi.db'), { readonly: true });
    const last = db.prepare('select actor, action, outcome, legal_basis, detail from audit_log order by seq desc limit 1').get() as Record<string, string>;
    db.close();
    expect(last).toEqual({ actor: 'qian', action: 'leads.graph.read', outcome: 'refused', legal_basis: 'C-2026-7', detail: '{"reason":"LEADS_NOT_A_MEMBER","via":"cli"}' });
  }, 600_000); // a dozen CLI processes on a shared machine; nothing here measures time
});
