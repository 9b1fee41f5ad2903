#!/usr/bin/env node
// Build the web UI (vite) when web/dist is missing or older than any file under web/src,
// web/index.html, web/vite.config.ts or src/ (the bundle imports policies and pure helpers from
// src), so `npm start` serves the current pages without rebuilding on every start. The browser
// tests use the same rule (test/e2eHarness.ts).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'web');
const built = path.join(web, 'dist', 'index.html');

function newest(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const e of fs.readdirSync(p)) m = Math.max(m, newest(path.join(p, e)));
  return m;
}

const sources = [...['src', 'index.html', 'vite.config.ts'].map((s) => path.join(web, s)), path.join(root, 'src')].filter((p) => fs.existsSync(p));
const stale = !fs.existsSync(built) || Math.max(...sources.map(newest)) > fs.statSync(built).mtimeMs;
if (stale) {
  process.stdout.write('building the web UI / 构建网页界面…\n');
  const { build } = await import('vite');
  await build({ configFile: path.join(web, 'vite.config.ts'), logLevel: 'warn' });
}
