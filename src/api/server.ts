/**
 * Listening: `startServer` builds the app and listens on config.host:config.port; `gongzhi serve`
 * is the CLI entry. Only this file listens (tests use buildApp + inject).
 */
import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import type { GongzhiModule, PlatformContext } from '../platform/module.ts';
import { buildApp, type BuildAppOptions } from './app.ts';

/**
 * Build the app and listen on `ctx.config.host:ctx.config.port` (port 0 = any free port).
 * Logs and returns the URL; closes the app on SIGINT/SIGTERM when `handleSignals` is set.
 */
export async function startServer(
  ctx: PlatformContext,
  modules: readonly GongzhiModule[],
  options: BuildAppOptions & { readonly handleSignals?: boolean } = {},
): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildApp(ctx, modules, options);
  await app.listen({ host: ctx.config.host, port: ctx.config.port });
  const addr = app.server.address();
  const port = addr && typeof addr === 'object' ? addr.port : ctx.config.port;
  const host = ctx.config.host.includes(':') ? `[${ctx.config.host}]` : ctx.config.host;
  const url = `http://${host}:${port}/`;
  app.log.info(`Gongzhi listening on ${url} (API docs ${url}api/docs)`);
  if (options.handleSignals) {
    for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void app.close());
  }
  return { app, url };
}

/**
 * Register `gongzhi serve`: open (and migrate) the platform and serve until stopped.
 * `modules` is passed in by the caller (src/cli/commands.ts) to avoid an import cycle.
 */
export function registerServeCommand(program: Command, open: () => Promise<PlatformContext>, modules: () => readonly GongzhiModule[]): void {
  program
    .command('serve')
    .description('serve the API and web app on GONGZHI_HOST:GONGZHI_PORT / 启动服务')
    .action(async () => {
      const ctx = await open();
      const { app, url } = await startServer(ctx, modules(), { handleSignals: true });
      process.stdout.write(`共治 Gongzhi: ${url}  (API docs: ${url}api/docs)\n`);
      await new Promise<void>((resolve) => app.server.once('close', () => resolve()));
    });
}
