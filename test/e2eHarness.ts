/**
 * What every browser test shares: the repository root, where screenshots go, Debian's chromium
 * with the project's flags, and `ensureWebBuilt` — the one staleness rule of
 * scripts/build-web-if-stale.mjs, which test/globalSetup.ts also runs once before any test file,
 * so that parallel browser tests never build web/dist at the same time.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
