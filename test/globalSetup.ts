/**
 * Vitest global setup: build the web UI once, before any test file runs, when it is stale (the
 * browser tests run in parallel and would otherwise race to rebuild web/dist).
 */
import { ensureWebBuilt } from './e2eHarness.ts';

/** Called once by vitest before the test files. */
export default function setup(): void {
  ensureWebBuilt();
}
