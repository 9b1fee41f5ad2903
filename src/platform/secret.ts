/**
 * The platform secret: `Config.secret` if set, else a random 32-byte key created once in
 * `<dataDir>/secret.key` (mode 0600) and reused. Losing the file makes encrypted fields and
 * blind indexes unreadable, so it lives beside the database it protects.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';

export function loadSecret(config: Pick<Config, 'secret' | 'dataDir'>): Buffer {
  if (config.secret) return crypto.createHash('sha256').update(config.secret).digest();
  const file = path.join(config.dataDir, 'secret.key');
  try {
    const hex = fs.readFileSync(file, 'utf8').trim();
    if (/^[0-9a-f]{64}$/.test(hex)) return Buffer.from(hex, 'hex');
    throw new Error(`${file} does not hold a 64-hex-digit key`);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}
