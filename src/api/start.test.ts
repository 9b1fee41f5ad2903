import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-start-'));

/** Run `gongzhi start` until the login banner is printed; returns the output and the child. */
function start(): Promise<{ out: string; stop: () => Promise<void> }> {
  const env: Record<string, string | undefined> = { ...process.env, GONGZHI_DATA_DIR: dir, GONGZHI_PORT: '0', GONGZHI_DEMO_PARCELS: '2000', GONGZHI_LOG_LEVEL: 'warn', GONGZHI_SECRET: 'start-test-secret-start-test-secret-01' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['bin/gongzhi.js', 'start'], { cwd: repo, env });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      // The banner is written in one piece: it is complete once its docs line has arrived.
      if (out.includes('API 文档 docs:') && out.endsWith('\n')) resolve({ out, stop });
    });
    child.once('exit', (code) => reject(new Error(`gongzhi start exited ${code}: ${err}\n${out}`)));
  });
}

describe('gongzhi start', () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('generates demo data and accounts on first start, serves, and prints how to log in; later starts only serve', async () => {
    const first = await start();
    try {
      expect(first.out).toContain('first start: generating 2,000 demo parcels');
      expect(first.out).toContain('evidence demo case files: 32 loaded');
      const url = /is running: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(first.out)![1]!;
      const admin = /^ {2}admin {9}([A-HJ-NP-Za-km-z2-9]{20}) {2}管理员/m.exec(first.out);
      expect(admin).not.toBeNull();
      expect(first.out).toMatch(/^ {2}clerk {9}[A-HJ-NP-Za-km-z2-9]{20} {2}收寄员/m);
      const login = await fetch(`${url}api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: admin![1] }) });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const stats = await (await fetch(`${url}api/parcels/stats`, { headers: { cookie } })).json();
      const total = (stats.daily as { total: number }[]).reduce((a, d) => a + d.total, 0);
      expect(total).toBeGreaterThan(1900);
      const clerk = await (await fetch(`${url}api/users`, { headers: { cookie } })).json();
      expect((clerk.users as { role: string; outlet: string | null }[]).find((u) => u.role === 'clerk')!.outlet).toMatch(/\S/);
    } finally {
      await first.stop();
    }
    const second = await start();
    await second.stop();
    expect(second.out).not.toContain('generating');
    expect(second.out).not.toContain('evidence demo case files');
    expect(second.out).toContain(`demo passwords from the first start are in ${path.join(dir, 'demo-credentials.txt')}`);
  }, 600_000); // two server processes and a demo load: generous for a loaded shared machine; nothing here measures time
});
