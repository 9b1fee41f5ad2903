/**
 * `gongzhi start` (what `npm start` runs): on an empty database, generate the demo data set
 * (GONGZHI_DEMO_PARCELS parcels, default 1,000,000) and create one demo account per role; then
 * serve, and print where and how to log in. Later starts only serve.
 */
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { countParcels, outletTotals } from '../apps/parcels/repository.ts';
import { formatSummary } from '../demo/cli.ts';
import { generateDemo } from '../demo/generate.ts';
import type { GongzhiModule, PlatformContext } from '../platform/module.ts';
import { ROLE_LABELS } from '../security/policies.ts';
import { demoCredentialsPath, ensureDemoUsers, type DemoCredential } from '../security/users.ts';
import { startServer } from './server.ts';

/**
 * Generate the demo parcels when the parcels table is empty (and GONGZHI_DEMO_PARCELS > 0);
 * returns the printed summary, or null when nothing was generated. Progress goes to stderr
 * on a terminal.
 */
export async function ensureDemoData(ctx: PlatformContext): Promise<string | null> {
  if (ctx.config.demoParcels === 0 || (await countParcels(ctx.database)) > 0) return null;
  process.stdout.write(`首次启动：生成 ${ctx.config.demoParcels.toLocaleString('en')} 件演示快递 / first start: generating ${ctx.config.demoParcels.toLocaleString('en')} demo parcels…\n`);
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar({ stream: process.stderr, format: '{bar} {percentage}% | {value}/{total} parcels | ETA {eta_formatted}', hideCursor: true }, cliProgress.Presets.shades_classic)
    : null;
  bar?.start(ctx.config.demoParcels, 0);
  const summary = await generateDemo(ctx, { onProgress: (s) => bar?.update(s.processed) });
  bar?.stop();
  return formatSummary(summary);
}

/** The login instructions printed after the server starts. */
export function loginBanner(url: string, credentialsFile: string, created: readonly DemoCredential[] | null): string {
  const lines = [``, `共治 Gongzhi 已启动 is running: ${url}`, `API 文档 docs: ${url}api/docs`];
  if (created) {
    lines.push(`演示账号 demo accounts (also saved in ${credentialsFile}, mode 0600):`);
    for (const c of created) lines.push(`  ${c.username.padEnd(13)} ${c.password}  ${ROLE_LABELS[c.role].zh} ${ROLE_LABELS[c.role].en}`);
  } else {
    lines.push(`登录 log in with an existing account; demo passwords from the first start are in ${credentialsFile}`);
    lines.push(`新建账号 new account: gongzhi user add NAME --role admin|clerk|regulator|investigator|viewer [--outlet CODE]`);
  }
  return `${lines.join('\n')}\n`;
}

/** Register `gongzhi start`. `modules` is passed by src/cli/commands.ts (no import cycle). */
export function registerStartCommand(program: Command, open: () => Promise<PlatformContext>, modules: () => readonly GongzhiModule[]): void {
  program
    .command('start')
    .description('first start generates demo data and accounts, then serves / 启动（首次启动生成演示数据与账号）')
    .action(async () => {
      const ctx = await open();
      const summary = await ensureDemoData(ctx);
      if (summary) process.stdout.write(summary);
      for (const m of modules()) {
        const line = await m.seedDemo?.(ctx);
        if (line) process.stdout.write(`${line}\n`);
      }
      const [busiest] = await outletTotals(ctx.database, {}, 1);
      const created = await ensureDemoUsers(ctx, busiest ? { clerkOutlet: busiest.outlet } : {});
      const { app, url } = await startServer(ctx, modules(), { handleSignals: true });
      process.stdout.write(loginBanner(url, demoCredentialsPath(ctx), created));
      await new Promise<void>((resolve) => app.server.once('close', () => resolve()));
    });
}
