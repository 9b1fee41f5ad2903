import crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlindIndex, FieldCipher, deriveKey } from './crypto.ts';

const secret = crypto.createHash('sha256').update('unit-test-secret').digest();

describe('field crypto', () => {
  it('derives distinct, stable keys per purpose', () => {
    expect(deriveKey(secret, 'a').equals(deriveKey(secret, 'a'))).toBe(true);
    expect(deriveKey(secret, 'a').equals(deriveKey(secret, 'b'))).toBe(false);
  });

  it('round-trips XChaCha20-Poly1305 with a fresh nonce and detects tampering', () => {
    const c = new FieldCipher(deriveKey(secret, 'field'));
    const a = c.encrypt('11010519491231002X');
    const b = c.encrypt('11010519491231002X');
    expect(a).not.toBe(b);
    expect(a.startsWith('x1.')).toBe(true);
    // nonce 24 + ciphertext 18 + tag 16 bytes
    expect(Buffer.from(a.slice(3), 'base64url').length).toBe(58);
    expect(c.decrypt(a)).toBe('11010519491231002X');
    expect(c.decrypt(c.encrypt('广东省深圳市福田区'))).toBe('广东省深圳市福田区');
    expect(c.decrypt(c.encrypt(''))).toBe('');
    for (const at of [0, 23, 24, 41, 57]) {
      // a flipped bit of the nonce, the ciphertext or the tag
      const body = Buffer.from(a.slice(3), 'base64url');
      body[at]! ^= 1;
      expect(() => c.decrypt('x1.' + body.toString('base64url'))).toThrow();
    }
    expect(() => new FieldCipher(deriveKey(secret, 'other')).decrypt(a)).toThrow();
    expect(() => c.decrypt('x1.' + Buffer.alloc(39).toString('base64url'))).toThrow(/too short/);
    expect(() => c.decrypt('11010519491231002X')).toThrow(/not a stored ciphertext/);
  });

  it('reads values stored under AES-256-GCM (g1.) before XChaCha20-Poly1305, and detects their tampering', () => {
    const key = deriveKey(secret, 'field');
    const iv = crypto.randomBytes(12);
    const g = crypto.createCipheriv('aes-256-gcm', key, iv);
    const stored = 'g1.' + Buffer.concat([iv, g.update('13812345678', 'utf8'), g.final(), g.getAuthTag()]).toString('base64url');
    const c = new FieldCipher(key);
    expect(c.decrypt(stored)).toBe('13812345678');
    const body = Buffer.from(stored.slice(3), 'base64url');
    body[13]! ^= 1;
    expect(() => c.decrypt('g1.' + body.toString('base64url'))).toThrow();
    expect(() => new FieldCipher(deriveKey(secret, 'other')).decrypt(stored)).toThrow();
  });

  it('round-trips any text', () => {
    const c = new FieldCipher(deriveKey(secret, 'field'));
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => c.decrypt(c.encrypt(text)) === text), { numRuns: 1000 });
  });

  it('computes the blind index as the first 8 HMAC bytes, signed big-endian', () => {
    const key = deriveKey(secret, 'bidx');
    const expected = crypto.createHmac('sha256', key).update('13812345678').digest().readBigInt64BE(0);
    const bi = new BlindIndex(key);
    expect(bi.of('13812345678')).toBe(expected);
    expect(bi.of('13812345678')).toBe(bi.of('13812345678'));
    expect(bi.of('13812345679')).not.toBe(bi.of('13812345678'));
    expect(bi.of('x') >= -(2n ** 63n) && bi.of('x') < 2n ** 63n).toBe(true);
  });

  it('equals crypto.createHmac (RFC 2104) for any key of 32 bytes or more and any text', () => {
    // Keys longer than SHA-256's 64-byte block are hashed first (RFC 2104 §2); texts include
    // non-ASCII (UTF-8) and empty ones.
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 150 }), fc.string({ unit: 'binary', maxLength: 80 }), (key, text) => {
        const k = Buffer.from(key);
        expect(new BlindIndex(k).of(text)).toBe(crypto.createHmac('sha256', k).update(text, 'utf8').digest().readBigInt64BE(0));
      }),
      { numRuns: 2000 },
    );
    const bi = new BlindIndex(Buffer.alloc(64, 9));
    expect(bi.of('居民身份证')).toBe(crypto.createHmac('sha256', Buffer.alloc(64, 9)).update('居民身份证', 'utf8').digest().readBigInt64BE(0));
    expect(bi.of('13800000000')).toBe(bi.of('13800000000'));
  });
});
