import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-cli-'));
const env: Record<string, string | undefined> = { ...process.env, GONGZHI_DATA_DIR: dir, GONGZHI_SECRET: 'cli-test-secret-cli-test-secret-0123', GONGZHI_LOG_LEVEL: 'silent' };
delete env.DATABASE_URL;

function gongzhi(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['bin/gongzhi.js', ...args], { cwd: repo, env, input, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('gongzhi user / audit commands', () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('adds and lists users, then verifies and tails the audit log; a tampered log exits 1', () => {
    const add = gongzhi(['user', 'add', 'zhao', '--role', 'investigator', '--display-name', '赵警官']);
    expect(add.err).toBe('');
    expect(add.code).toBe(0);
    expect(add.out).toMatch(/^created zhao \(investigator\)\npassword: [A-HJ-NP-Za-km-z2-9]{20}\n$/);
    const clerk = gongzhi(['user', 'add', 'qian', '--role', 'clerk', '--outlet', 'NJ-001', '--password-stdin'], 'a chosen password 1\n');
    expect(clerk.out).toBe('created qian (clerk, outlet NJ-001)\n');
    const list = gongzhi(['user', 'list']);
    expect(list.out.split('\n').filter(Boolean).map((l) => l.trim().split(/\s+/).slice(0, 4))).toEqual([
      ['1', 'zhao', 'investigator', '-'],
      ['2', 'qian', 'clerk', 'NJ-001'],
    ]);
    const passwd = gongzhi(['user', 'passwd', 'zhao']);
    expect(passwd.out).toMatch(/^password of zhao changed\npassword: [A-HJ-NP-Za-km-z2-9]{20}\n$/);
    const ok = gongzhi(['audit', 'verify']);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^audit log OK: 3 entries, head 3:[0-9a-f]{64}\n$/);
    const anchor = /head (3:[0-9a-f]{64})/.exec(ok.out)![1]!;
    const tail = gongzhi(['audit', 'tail', '-n', '1']);
    expect(tail.out).toMatch(/^3\t\S+\tcli:\S+\tuser\.manage\tallowed records=1\n$/);

    // Wiping the whole log and its head leaves nothing to check, except against the anchor.
    const db = new SQLite(path.join(dir, 'gongzhi.db'));
    const saved = db.prepare('select * from audit_log order by seq').all();
    const head = db.prepare('select * from audit_head').all();
    db.prepare('delete from audit_log').run();
    db.prepare('delete from audit_head').run();
    const wiped = gongzhi(['audit', 'verify', '--anchor', anchor]);
    expect(wiped.code).toBe(1);
    expect(wiped.out).toBe('audit log BROKEN: ANCHOR_MISSING at seq 1 (0 entries verified before it)\n');
    const insert = db.prepare('insert into audit_log values (@seq, @at, @actor, @role, @action, @purpose, @legal_basis, @record_kind, @record_ids, @outcome, @detail, @prev_hash, @hash)');
    for (const r of saved) insert.run(r);
    db.prepare('insert into audit_head values (@id, @seq, @hash, @mac)').run(head[0]);
    db.prepare("update audit_log set detail = '{}' where seq = 1").run();
    db.close();
    const broken = gongzhi(['audit', 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.out).toBe('audit log BROKEN: HASH_MISMATCH at seq 1 (0 entries verified before it)\n');
  }, 600_000); // eight CLI processes: generous for a loaded shared machine; nothing here measures time
});
