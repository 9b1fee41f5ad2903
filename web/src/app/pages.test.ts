import { describe, expect, it } from 'vitest';
import { pageAt, pagesFor } from './pages.ts';

describe('navigation follows the declared policies', () => {
  it('offers each role the pages its grants allow', () => {
    const ids = (role: Parameters<typeof pagesFor>[0]) => pagesFor(role).map((p) => p.id);
    expect(ids('clerk')).toEqual(['register']);
    expect(ids('investigator')).toEqual(['dashboard', 'lookup', 'evidence', 'leads', 'reunionPosts', 'reunionAlerts']);
    expect(ids('regulator')).toEqual(['dashboard']);
    expect(ids('viewer')).toEqual(['dashboard', 'reunionPosts', 'reunionTips']);
    expect(ids('admin')).toEqual(['dashboard', 'register', 'audit', 'evidence', 'leads', 'reunionPosts', 'reunionTips', 'reunionAlerts']);
  });

  it('finds pages by path', () => {
    expect(pageAt('/parcels/lookup')?.id).toBe('lookup');
    expect(pageAt('/nowhere')).toBeUndefined();
  });
});
