/**
 * Real databases for tests, no mocks (kysely's rule): every dialect test runs on a fresh
 * SQLite file, and also on a fresh PostgreSQL database when `GONGZHI_TEST_POSTGRES_URL` is
 * set (CI sets it). Use with vitest's `describe.each(testDialects())`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '../config.ts';

export interface TestDialect {
  readonly name: 'sqlite' | 'postgres';
  /** Create a fresh, empty database and return a Config pointing at it, plus a cleanup. */
  create(): Promise<{ config: Config; drop: () => Promise<void> }>;
}

/** The dialects available to this test run: sqlite always, postgres when configured. */
export function testDialects(): TestDialect[] {
  const base = loadConfig();
  const list: TestDialect[] = [
    {
      name: 'sqlite',
      async create() {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-test-'));
        const config = loadConfig({}, { dataDir: dir, databaseUrl: undefined, sharedDataDir: base.sharedDataDir, secret: 'test-secret-test-secret-test-secret-0' });
        return { config, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
      },
    },
  ];
  const adminUrl = base.testPostgresUrl;
  if (adminUrl) {
    list.push({
      name: 'postgres',
      async create() {
        const name = `gz_test_${crypto.randomBytes(6).toString('hex')}`;
        const admin = new pg.Client({ connectionString: adminUrl });
        await admin.connect();
        await admin.query(`create database ${name}`);
        await admin.end();
        const url = new URL(adminUrl);
        url.pathname = `/${name}`;
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-test-'));
        const config = loadConfig({}, { dataDir: dir, databaseUrl: url.toString(), sharedDataDir: base.sharedDataDir, secret: 'test-secret-test-secret-test-secret-0' });
        return {
          config,
          drop: async () => {
            const c = new pg.Client({ connectionString: adminUrl });
            await c.connect();
            await c.query(`drop database if exists ${name} with (force)`);
            await c.end();
            fs.rmSync(dir, { recursive: true, force: true });
          },
        };
      },
    });
  }
  return list;
}
