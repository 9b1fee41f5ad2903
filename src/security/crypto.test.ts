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

  it('round-trips AES-256-GCM with a fresh IV and detects tampering', () => {
    const c = new FieldCipher(deriveKey(secret, 'field'));
    const a = c.encrypt('11010519491231002X');
    const b = c.encrypt('11010519491231002X');
    expect(a).not.toBe(b);
    expect(c.decrypt(a)).toBe('11010519491231002X');
    const body = Buffer.from(a.slice(3), 'base64url');
    body[13]! ^= 1;
    expect(() => c.decrypt('g1.' + body.toString('base64url'))).toThrow();
    expect(() => new FieldCipher(deriveKey(secret, 'other')).decrypt(a)).toThrow();
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
