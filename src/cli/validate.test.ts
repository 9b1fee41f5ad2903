import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runValidator } from './validate.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

function cli(...args: string[]): { status: number | null; json: Record<string, unknown> } {
  const r = spawnSync(process.execPath, ['bin/gongzhi.js', 'validate', ...args, '--json'], { cwd: root, encoding: 'utf8' });
  return { status: r.status, json: JSON.parse(r.stdout) as Record<string, unknown> };
}

describe('gongzhi validate', () => {
  it('prints one JSON result and exits 0 for a valid ID number', () => {
    const { status, json } = cli('id-number', '11010519880815108x');
    expect(status).toBe(0);
    expect(json).toMatchObject({
      valid: true,
      normalized: '11010519880815108X',
      parsed: { birthDate: '1988-08-15', sex: 'female', divisionCode: '110105' },
      errors: [],
      warnings: [],
    });
  });

  it('exits 1 with coded zh/en errors for an invalid value, and passes --courier', () => {
    const { status, json } = cli('phone', '1088886666');
    expect(status).toBe(1);
    expect(json.errors).toEqual([expect.objectContaining({ code: 'PHONE_LEADING_ZERO_STRIPPED', message: expect.stringContaining('010-88886666'), messageEn: expect.stringContaining('leading zero') })]);
    const waybill = cli('waybill', '78912345678901', '--courier', '中通');
    expect(waybill.status).toBe(0);
    expect(waybill.json.parsed).toMatchObject({ courier: 'ZTO', status: 'verified' });
  });
});

describe('runValidator', () => {
  it('dispatches every kind', () => {
    expect(runValidator('division', '451023').parsed).toMatchObject({ successor: '451082' });
    expect(runValidator('division', '451082', { year: 2000 }).valid).toBe(false);
    expect(runValidator('uscc', '91350100M000100Y43').valid).toBe(true);
    expect(runValidator('date', '2016年7月').normalized).toBe('2016-07');
    expect(runValidator('postcode', '10010').errors[0]?.code).toBe('POSTCODE_LEADING_ZERO_STRIPPED');
    expect(runValidator('address', '吉林通化市东昌区江南大街5号').normalized).toBe('220502');
    expect(runValidator('address', '不知道').errors[0]?.code).toBe('ADDRESS_UNRECOGNISED');
    expect(runValidator('id-number', '500154199301135886', { strict: true }).valid).toBe(false);
    expect(runValidator('waybill', '78912345678901').errors[0]?.code).toBe('WAYBILL_COURIER_UNKNOWN');
  });
});
