import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateIdNumber } from '../core/index.ts';
import { idAsScientific, idCheckChar, idCheckOk, idTailZeroed, idWithTypo, makeIdNumber } from './idNumber.ts';
import { Rng } from './prng.ts';

describe('GB 11643 MOD 11-2 check character', () => {
  it('gives the check characters of known vectors', () => {
    // The two examples of GB 11643-1999 annex and widely used test numbers.
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('44052418800101001')).toBe('4');
    expect(idCheckChar('11010519880815108')).toBe('X');
    expect(makeIdNumber('110105', '19491231', 2)).toBe('11010519491231002X');
  });

  it('detects every single-digit substitution (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (body, pos, delta) => {
        const id = body + idCheckChar(body);
        const changed = id.slice(0, pos) + String((Number(id[pos]) + delta) % 10) + id.slice(pos + 1);
        return idCheckOk(id) && !idCheckOk(changed);
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects bodies that are not 17 digits', () => {
    expect(() => idCheckChar('1234')).toThrow(/17 digits/);
    expect(() => idCheckChar('1101051949123100A')).toThrow(/digits/);
  });
});

describe('planted ID damage', () => {
  it('a typo always fails the check but keeps division and birth date', () => {
    const rng = new Rng(3);
    for (let i = 0; i < 2000; i++) {
      const id = makeIdNumber('320102', '19900101', rng.int(1000));
      const typo = idWithTypo(id, (n) => rng.int(n));
      expect(typo).not.toBe(id);
      expect(typo.slice(0, 14)).toBe(id.slice(0, 14));
      expect(idCheckOk(typo)).toBe(false);
      expect(typo.endsWith('000')).toBe(false);
      expect(validateIdNumber(typo).errors.map((e) => e.code)).toEqual(['ID_CHECKSUM']);
    }
  });

  it('writes IDs as a spreadsheet shows them (C14)', () => {
    expect(idAsScientific('320102199001011234')).toBe('3.20102E+17');
    expect(idAsScientific('110105194912310021')).toBe('1.10105E+17');
    expect(idAsScientific('999999999999999999')).toBe('1E+18');
    expect(idAsScientific('410000000000000000')).toBe('4.1E+17');
    expect(validateIdNumber('3.20102E+17').errors[0]!.code).toBe('ID_SPREADSHEET_DAMAGED');
  });

  it('zeroes the tail only when the result fails the check', () => {
    const id = makeIdNumber('320102', '19900101', 123);
    const zeroed = idTailZeroed(id);
    expect(zeroed).toBe('320102199001011000');
    expect(validateIdNumber(zeroed!).errors[0]!.code).toBe('ID_SPREADSHEET_DAMAGED');
    expect(idTailZeroed('11010519491231002X')).toBeNull();
    // A body whose zeroed form happens to pass the check is never used.
    let passing = 0;
    for (let s = 0; s < 1000; s++) {
      const v = makeIdNumber('440524', '18800101', s);
      const z = idTailZeroed(v);
      if (z === null && /^\d{18}$/.test(v) && !v.endsWith('000')) passing++;
      else if (z) expect(idCheckOk(z)).toBe(false);
    }
    expect(passing).toBeGreaterThan(0);
  });
});
