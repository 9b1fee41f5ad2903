import { describe, expect, it } from 'vitest';
import { pageAt, pagesFor } from './pages.ts';

describe('navigation follows the declared policies', () => {
  it('offers each role the pages its grants allow', () => {
    const ids = (role: Parameters<typeof pagesFor>[0]) => pagesFor(role).map((p) => p.id);
    expect(ids('clerk')).toEqual(['register']);
    expect(ids('investigator')).toEqual(['dashboard', 'lookup', 'evidence', 'leads', 'reunionPosts', 'reunionAlerts', 'disputes', 'disputesBodies', 'disputesWarnings']);
    expect(ids('regulator')).toEqual(['dashboard', 'disputes', 'disputesBodies', 'disputesWarnings']);
    expect(ids('viewer')).toEqual(['dashboard', 'reunionPosts', 'reunionTips', 'disputes', 'disputesBodies', 'disputesWarnings']);
    expect(ids('admin')).toEqual(['dashboard', 'register', 'audit', 'evidence', 'leads', 'reunionPosts', 'reunionTips', 'reunionAlerts', 'disputes', 'disputesBodies', 'disputesWarnings']);
  });

  it('finds pages by path', () => {
    expect(pageAt('/parcels/lookup')?.id).toBe('lookup');
    expect(pageAt('/nowhere')).toBeUndefined();
  });
});
