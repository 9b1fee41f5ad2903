/**
 * `gongzhi open311 …` commands (administrator):
 * - `open311 key create --label "区 12345 热线对接"` creates an API key and prints it once;
 * - `open311 key list` lists keys (prefix, label, creator, revocation);
 * - `open311 key revoke ID` revokes a key.
 * Key creation and revocation are audited with actor `cli:<os user>`.
 */
import os from 'node:os';
import type { Command } from 'commander';
import type { PlatformContext } from '../../../platform/module.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './apiKeys.ts';

/** Register the commands on the program. */
export function open311Commands(program: Command, open: () => Promise<PlatformContext>): void {
  const actor = () => `cli:${os.userInfo().username}`;
  const key = program.command('open311').description('Open311 GeoReport v2 端点 endpoint').command('key').description('API 密钥 API keys of Open311 clients');
  key
    .command('create')
    .description('创建 API 密钥（只显示一次） create an API key (shown once)')
    .requiredOption('--label <label>', '使用方 who uses the key')
    .action(async (o: { label: string }) => {
      const ctx = await open();
      const k = await createApiKey(ctx, { label: o.label, actor: actor() });
      process.stdout.write(`API key #${k.id} (${o.label}):\n${k.key}\n请妥善保存，此后不再显示 / store it now; it is not shown again\n`);
    });
  key
    .command('list')
    .description('列出 API 密钥 list API keys')
    .action(async () => {
      const ctx = await open();
      for (const k of await listApiKeys(ctx)) process.stdout.write(`#${k.id}\t${k.prefix}…\t${k.label}\t${k.createdAt}\t${k.createdBy}\t${k.revokedAt ? `revoked ${k.revokedAt}` : 'active'}\n`);
    });
  key
    .command('revoke')
    .description('吊销 API 密钥 revoke an API key')
    .argument('<id>')
    .action(async (id: string) => {
      const ctx = await open();
      const k = await revokeApiKey(ctx, Number(id), actor());
      process.stdout.write(`#${k.id} ${k.label} revoked ${k.revokedAt}\n`);
    });
}
