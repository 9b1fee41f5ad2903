/**
 * CLI of the security module: `gongzhi user add|list|passwd|disable|enable` and `gongzhi audit verify|tail`.
 * User changes made here are audited with actor `cli:<os user>`.
 */
import os from 'node:os';
import type { Command } from 'commander';
import { AppError } from '../core/errors.ts';
import type { PlatformContext } from '../platform/module.ts';
import { appendAudit, listAudit } from './audit.ts';
import { verifyAuditLog } from './auditVerify.ts';
import { generatePassword } from './passwords.ts';
import { ROLES } from './policies.ts';
import { createUser, listUsers, setPassword, setUserDisabled } from './users.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function cliActor(): string {
  return `cli:${os.userInfo().username}`;
}

function fail(e: unknown): never {
  if (e instanceof AppError) throw new Error(`${e.code}: ${e.issue.message} / ${e.issue.messageEn}`);
  throw e;
}

/** Register `user` and `audit` sub-commands. */
export function securityCommands(program: Command, open: () => Promise<PlatformContext>): void {
  const user = program.command('user').description('users and roles / 用户与角色');
  user
    .command('add <username>')
    .description('create a user; prints a generated password unless --password-stdin / 新建用户')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--outlet <code>', 'outlet code (required for clerks) / 网点编码')
    .option('--display-name <name>', 'name shown in the UI / 显示名')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (username: string, opts: { role: string; outlet?: string; displayName?: string; passwordStdin?: boolean }) => {
      const password = opts.passwordStdin ? await readStdin() : generatePassword();
      const ctx = await open();
      const created = await createUser(ctx, { username, role: opts.role, outlet: opts.outlet, displayName: opts.displayName, password }).catch(fail);
      await appendAudit(ctx, { actor: cliActor(), action: 'user.manage', recordKind: 'user', recordIds: [created.id], outcome: 'allowed', detail: { op: 'create', username: created.username, role: created.role } });
      process.stdout.write(`created ${created.username} (${created.role}${created.outlet ? `, outlet ${created.outlet}` : ''})\n`);
      if (!opts.passwordStdin) process.stdout.write(`password: ${password}\n`);
    });
  user
    .command('list')
    .description('list users / 用户列表')
    .action(async () => {
      const users = await listUsers(await open());
      for (const u of users) {
        process.stdout.write(`${String(u.id).padStart(4)}  ${u.username.padEnd(20)} ${u.role.padEnd(13)} ${(u.outlet ?? '-').padEnd(16)} ${u.disabled ? 'disabled' : 'active'}  ${u.displayName}\n`);
      }
    });
  user
    .command('passwd <username>')
    .description('set a new password (generated and printed unless --password-stdin); ends the sessions / 重设密码')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (username: string, opts: { passwordStdin?: boolean }) => {
      const password = opts.passwordStdin ? await readStdin() : generatePassword();
      const ctx = await open();
      const u = await setPassword(ctx, username, password).catch(fail);
      await appendAudit(ctx, { actor: cliActor(), action: 'user.manage', recordKind: 'user', recordIds: [u.id], outcome: 'allowed', detail: { op: 'passwd', username: u.username } });
      process.stdout.write(`password of ${u.username} changed\n`);
      if (!opts.passwordStdin) process.stdout.write(`password: ${password}\n`);
    });
  for (const [name, disabled] of [['disable', true], ['enable', false]] as const) {
    user
      .command(`${name} <username>`)
      .description(disabled ? 'disable a user and end their sessions / 停用' : 'enable a user / 启用')
      .action(async (username: string) => {
        const ctx = await open();
        const u = await setUserDisabled(ctx, username, disabled).catch(fail);
        await appendAudit(ctx, { actor: cliActor(), action: 'user.manage', recordKind: 'user', recordIds: [u.id], outcome: 'allowed', detail: { op: name, username: u.username } });
        process.stdout.write(`${u.username}: ${u.disabled ? 'disabled' : 'active'}\n`);
      });
  }

  const audit = program.command('audit').description('the hash-chained audit log / 审计日志');
  audit
    .command('verify')
    .description('verify the hash chain and its signed head; exit 1 when broken / 校验')
    .option('--anchor <seq:hash>', 'a head printed by an earlier verify, kept outside the database')
    .action(async (opts: { anchor?: string }) => {
      const m = opts.anchor ? /^(\d+):([0-9a-f]{64})$/.exec(opts.anchor) : null;
      if (opts.anchor && !m) throw new Error('--anchor must be SEQ:HASH (64 hex digits)');
      const r = await verifyAuditLog(await open(), m ? { anchor: { seq: Number(m[1]), hash: m[2]! } } : {});
      if (r.ok) {
        process.stdout.write(`audit log OK: ${r.checked} entries${r.lastHash ? `, head ${r.lastSeq}:${r.lastHash}` : ''}\n`);
      } else {
        process.stdout.write(`audit log BROKEN: ${r.problem}${r.firstBadSeq !== undefined ? ` at seq ${r.firstBadSeq}` : ''} (${r.checked} entries verified before it)\n`);
        process.exitCode = 1;
      }
    });
  audit
    .command('tail')
    .description('print the newest entries / 最近记录')
    .option('-n, --lines <n>', 'how many entries', '20')
    .action(async (opts: { lines: string }) => {
      const n = Number.parseInt(opts.lines, 10);
      const entries = await listAudit(await open(), { limit: Number.isFinite(n) && n > 0 ? n : 20 });
      for (const e of entries.reverse()) {
        const ids = e.recordIds.length > 0 ? ` records=${e.recordIds.slice(0, 10).join(',')}${e.recordIds.length > 10 ? `…(${e.recordIds.length})` : ''}` : '';
        process.stdout.write(`${e.seq}\t${e.at}\t${e.actor}${e.role ? `(${e.role})` : ''}\t${e.action}\t${e.outcome}${e.purpose ? `\tpurpose=${e.purpose}` : ''}${e.legalBasis ? ` legalBasis=${e.legalBasis}` : ''}${ids}\n`);
      }
    });
}
