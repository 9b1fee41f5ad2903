/**
 * Commands that are not owned by one module (validate, start, serve, migrate), one line each.
 */
import type { Command } from 'commander';
import type { PlatformContext } from '../platform/module.ts';
import { registerValidateCommand } from './validate.ts';
import { registerDemoCommand } from '../demo/cli.ts';
import { registerServeCommand } from '../api/server.ts';
import { registerStartCommand } from '../api/start.ts';
import { modules } from '../modules.ts';

export function registerStandaloneCommands(program: Command, open: () => Promise<PlatformContext>): void {
  registerValidateCommand(program);
  program
    .command('migrate')
    .description('create or migrate the database to the latest schema / 创建或升级数据库')
    .action(async () => {
      const ctx = await open();
      process.stdout.write(`database ready (${ctx.database.dialect})\n`);
    });
  registerServeCommand(program, open, () => modules);
  registerStartCommand(program, open, () => modules);
  registerDemoCommand(program, open);
}
