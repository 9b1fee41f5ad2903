import { describe, expect, it } from 'vitest';
import { POLICIES, ROLES, authorize } from './policies.ts';
import { errorDef } from '../core/errors.ts';
import './errors.ts';

describe('policies', () => {
  it('declares each (action, recordKind) once, with known roles', () => {
    const keys = POLICIES.map((p) => `${p.action}/${p.recordKind}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const p of POLICIES) for (const r of Object.keys(p.grants)) expect(ROLES).toContain(r);
  });

  it('lets only investigators look parcels up, with a purpose of at least 4 characters', () => {
    expect(authorize({ role: 'clerk' }, 'parcel.lookup', 'parcel', { purpose: '盗窃案侦查' })).toMatchObject({ allowed: false, reason: 'ACCESS_ROLE_DENIED' });
    expect(authorize({ role: 'admin' }, 'parcel.lookup', 'parcel', { purpose: '盗窃案侦查' })).toMatchObject({ allowed: false, reason: 'ACCESS_ROLE_DENIED' });
    expect(authorize({ role: 'investigator' }, 'parcel.lookup', 'parcel')).toMatchObject({ allowed: false, reason: 'ACCESS_PURPOSE_REQUIRED' });
    expect(authorize({ role: 'investigator' }, 'parcel.lookup', 'parcel', { purpose: '   ' })).toMatchObject({ allowed: false, reason: 'ACCESS_PURPOSE_REQUIRED' });
    expect(authorize({ role: 'investigator' }, 'parcel.lookup', 'parcel', { purpose: '查案' })).toMatchObject({ allowed: false, reason: 'ACCESS_PURPOSE_TOO_SHORT', params: { min: 4 } });
    const ok = authorize({ role: 'investigator' }, 'parcel.lookup', 'parcel', { purpose: ' 盗窃案侦查 ' });
    expect(ok).toMatchObject({ allowed: true, reason: 'ALLOWED', purpose: '盗窃案侦查' });
    expect(authorize({ role: 'investigator', disabled: true }, 'parcel.lookup', 'parcel', { purpose: '盗窃案侦查' })).toMatchObject({ allowed: false, reason: 'ACCESS_USER_DISABLED' });
  });

  it('gives the expected matrix for the other actions', () => {
    const allowed = (action: string, kind: string) => ROLES.filter((r) => authorize({ role: r }, action, kind).allowed);
    expect(allowed('parcel.register', 'parcel')).toEqual(['admin', 'clerk']);
    expect(allowed('stats.read', 'parcel')).toEqual(['admin', 'regulator', 'investigator', 'viewer']);
    expect(allowed('audit.read', 'audit')).toEqual(['admin']);
    expect(allowed('audit.verify', 'audit')).toEqual(['admin', 'regulator']);
    expect(allowed('user.manage', 'user')).toEqual(['admin']);
    expect(authorize({ role: 'admin' }, 'parcel.delete', 'parcel')).toMatchObject({ allowed: false, reason: 'ACCESS_NO_POLICY' });
  });

  it('uses registered error codes as refusal reasons', () => {
    for (const code of ['ACCESS_NO_POLICY', 'ACCESS_ROLE_DENIED', 'ACCESS_PURPOSE_REQUIRED', 'ACCESS_PURPOSE_TOO_SHORT', 'ACCESS_USER_DISABLED']) {
      expect(errorDef(code)?.status).toBe(403);
    }
  });
});
