/**
 * The `gongzhi` command (commander). Each module contributes its sub-commands through
 * `GongzhiModule.commands`; commands that need no database (validate) register here.
 */
import { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { modules } from '../modules.ts';
import { openPlatform } from '../platform/platform.ts';
import type { PlatformContext } from '../platform/module.ts';
import { registerStandaloneCommands } from './commands.ts';

export function buildProgram(): Command {
  const program = new Command('gongzhi')
    .description('共治 Gongzhi — social governance data platform')
    .showHelpAfterError();
  let ctx: Promise<PlatformContext> | undefined;
  const open = () => (ctx ??= openPlatform(loadConfig(), { modules }));
  registerStandaloneCommands(program, open);
  for (const m of modules) m.commands?.(program, open);
  program.hook('postAction', async () => {
    if (ctx) await (await ctx).database.close();
  });
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (e) {
    process.stderr.write(`gongzhi: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = process.exitCode || 1;
  }
}
