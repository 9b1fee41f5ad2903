/**
 * Password hashing with Argon2id (RFC 9106) through @node-rs/argon2, whose default algorithm is
 * Argon2id. Parameters follow the OWASP Password Storage Cheat Sheet's first Argon2id
 * configuration (m = 19 MiB, t = 2, p = 1). Generated passwords come from node:crypto.
 */
import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../core/errors.ts';

/** Minimum length of a password a person chooses (NIST SP 800-63B §5.1.1.2 asks for ≥ 8; we ask 12). */
export const MIN_PASSWORD_LENGTH = 12;

const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

/** Letters and digits without look-alikes (0/O, 1/l/I), so a printed password can be typed. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/**
 * Hash a password to a PHC string `$argon2id$v=19$m=19456,t=2,p=1$…`.
 * @throws AppError PASSWORD_TOO_WEAK when shorter than MIN_PASSWORD_LENGTH characters.
 */
export async function hashPassword(password: string): Promise<string> {
  if ([...password].length < MIN_PASSWORD_LENGTH) throw new AppError('PASSWORD_TOO_WEAK', { min: MIN_PASSWORD_LENGTH });
  return hash(password, ARGON2_OPTIONS);
}

/** True when `password` matches the PHC hash; false for a wrong password or a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spend the same time as a real verification when the username does not exist, so response
 * time does not reveal which usernames exist. Always resolves false.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hash(crypto.randomBytes(24).toString('base64'), ARGON2_OPTIONS);
  await verifyPassword(await dummyHash, password);
  return false;
}

/**
 * A random password of `length` characters (default 20) from a 57-symbol alphabet without
 * look-alikes: 20 characters carry ≈ 116 bits of entropy.
 */
export function generatePassword(length = 20): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[crypto.randomInt(ALPHABET.length)];
  return out;
}
