/**
 * What every browser test shares: the repository root, where screenshots go, Debian's chromium
 * with the project's flags, `startE2e` (a seeded platform served on a free port, and chromium),
 * `loggedInPage`, and `ensureWebBuilt` — the one staleness rule of
 * scripts/build-web-if-stale.mjs, which test/globalSetup.ts also runs once before any test file,
 * so that parallel browser tests never build web/dist at the same time.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildApp } from '../src/api/app.ts';
import { loadConfig } from '../src/config.ts';
import { modules } from '../src/modules.ts';
import type { PlatformContext } from '../src/platform/module.ts';
import { openPlatform } from '../src/platform/platform.ts';

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where browser tests write their screenshots (outside the repository). */
export const SCREENS = '/tmp/gongzhi-screens';
/** Debian's chromium. */
export const CHROMIUM = '/usr/bin/chromium';
/** Flags for a headless chromium in CI and containers. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * Build web/dist with vite when it is missing or older than web/ or src/ (the bundle imports
 * policies and pure helpers from src). Throws with vite's output when the build fails.
 */
export function ensureWebBuilt(): void {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-web-if-stale.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`web build failed:\n${r.stdout}\n${r.stderr}`);
}

/** A served platform for one browser test file (startE2e). */
export interface E2eServer {
  /** The temporary data directory. */
  readonly dir: string;
  readonly ctx: PlatformContext;
  readonly app: FastifyInstance;
  /** http://127.0.0.1:PORT */
  readonly base: string;
  readonly browser: Browser;
  /** Close the browser, the app and the database, and remove the data directory. */
  stop(): Promise<void>;
}

/**
 * What every browser test starts with: the web bundle built, a platform with every module on
 * a fresh temporary data directory (random secret, silent log), `seed(ctx)` run on it, the app
 * served on a free port of 127.0.0.1, and Debian's chromium launched. `name` goes into the
 * directory's name.
 */
export async function startE2e(name: string, seed: (ctx: PlatformContext) => Promise<void>): Promise<E2eServer> {
  ensureWebBuilt();
  fs.mkdirSync(SCREENS, { recursive: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `gongzhi-e2e-${name}-`));
  const config = loadConfig({}, { dataDir: dir, databaseUrl: undefined, secret: crypto.randomBytes(32).toString('hex'), logLevel: 'silent' });
  const ctx = await openPlatform(config, { modules });
  await seed(ctx);
  const app = await buildApp(ctx, modules, { logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    dir, ctx, app, browser,
    base: `http://127.0.0.1:${address.port}`,
    async stop() {
      await browser.close();
      await app.close();
      await ctx.database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Options of loggedInPage: the viewport (default 1366 × 900), page timeout (default 30 s), first navigation's timeout. */
export interface PageOptions {
  readonly viewport?: { width: number; height: number };
  readonly timeout?: number;
  readonly gotoTimeout?: number;
  readonly acceptDownloads?: boolean;
}

/** A page (zh-CN, Asia/Shanghai) on the app's start page, logged in as `user` through the login form. */
export async function loggedInPage(e2e: E2eServer, user: { username: string; password: string }, options: PageOptions = {}): Promise<Page> {
  const context = await e2e.browser.newContext({ viewport: options.viewport ?? { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: options.acceptDownloads ?? false });
  const page = await context.newPage();
  page.setDefaultTimeout(options.timeout ?? 30_000);
  await page.goto(`${e2e.base}/`, options.gotoTimeout ? { timeout: options.gotoTimeout } : undefined);
  await page.fill('input[name=username]', user.username);
  await page.fill('input[name=password]', user.password);
  await page.click('form button[type=submit]');
  await page.waitForSelector('[data-testid=user-name]');
  return page;
}

/** Poll until the expectation holds; generous by default (60 s), since the 2-core machine may be busy. */
export function pollUntil<T>(fn: () => T | Promise<T>, options: { timeout: number; interval: number } = { timeout: 60_000, interval: 100 }) {
  return expect.poll(fn, options);
}
