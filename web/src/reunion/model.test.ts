import { describe, expect, it } from 'vitest';
import { alertRadiusKm } from '../../../src/apps/reunion/alerts/alertSender.ts';
import { CANDIDATE_TRANSITIONS } from '../../../src/apps/reunion/verification.ts';
import { mayBeMinor as serverMayBeMinor } from '../../../src/apps/reunion/publicView.ts';
import { postWorkflow } from '../../../src/apps/reunion/workflow.ts';
import { reunionMessages, reunionText } from './i18n/messages.ts';
import { dateText, fieldKey, mayBeMinor, hashWith, levelKey, platformRolesFor, radiusFor, REVIEW_STEPS, splitExplanation, stepsFor } from './model.ts';
import type { FieldExplanation } from './types.ts';

const f = (field: string, level: string, levelIndex: number | null, weight: number): FieldExplanation => ({ field, left: 'a', right: 'b', level, levelIndex, m: null, u: null, weight });

describe('reunion page model', () => {
  it('maps the declared reunion policies onto platform roles', () => {
    expect(platformRolesFor('reunion.post.read')).toEqual(['viewer', 'investigator', 'admin']);
    expect(platformRolesFor('reunion.tip.moderate')).toEqual(['viewer', 'admin']);
    expect(platformRolesFor('reunion.alert.send')).toEqual(['investigator', 'admin']);
    expect(platformRolesFor('reunion.contact.read')).toEqual(['investigator', 'admin']);
  });

  it('offers exactly the review steps the server accepts, per state and role', () => {
    for (const s of REVIEW_STEPS) {
      expect([...CANDIDATE_TRANSITIONS[s.transition].from]).toEqual([...s.from]);
      expect([...(postWorkflow.def.transitions[s.transition].roles ?? [])].sort()).toEqual([...s.roles].sort());
      expect(Boolean(postWorkflow.def.transitions[s.transition].requiresReason)).toBe(s.reason);
    }
    expect(REVIEW_STEPS.map((s) => s.transition).sort()).toEqual(Object.keys(CANDIDATE_TRANSITIONS).sort());
    expect(stepsFor('pending', 'viewer').map((s) => s.transition)).toEqual(['openReview']);
    expect(stepsFor('under_review', 'viewer').map((s) => s.transition)).toEqual(['recommendDna', 'rejectCandidate']);
    expect(stepsFor('under_review', 'investigator').map((s) => s.transition)).toEqual(['rejectCandidate']);
    expect(stepsFor('recommended', 'viewer')).toEqual([]);
    expect(stepsFor('recommended', 'investigator').map((s) => s.transition)).toEqual(['confirmReunited', 'dnaNoMatch']);
    expect(stepsFor('pending', 'clerk')).toEqual([]);
  });

  it('uses the server radius rule at every minute and at the boundaries', () => {
    for (let m = 0; m <= 300; m += 0.5) expect(radiusFor(m)).toBe(alertRadiusKm(m));
    expect([radiusFor(60), radiusFor(60.1), radiusFor(120), radiusFor(180), radiusFor(181)]).toEqual([100, 200, 200, 300, 500]);
  });

  it('shows dates as posted in Chinese and in ISO partial form in English', () => {
    expect(dateText({ year: 2004, month: 4, precision: 'month', given: '2004年4月' }, 'zh-CN')).toBe('2004年4月');
    expect(dateText({ year: 2004, month: 4, precision: 'month', given: '2004年4月' }, 'en')).toBe('2004-04');
    expect(dateText({ year: 2010, month: 8, day: 2, precision: 'day', given: '' }, 'zh-CN')).toBe('2010-08-02');
    expect(dateText({ year: 2010, precision: 'year', given: '2010年' }, 'en')).toBe('2010');
    expect(dateText(null, 'en')).toBe('');
  });

  it('decides who may be a minor exactly as the public view does', () => {
    const now = new Date('2026-11-30T02:00:00Z');
    const dates = [null, { year: 2008, precision: 'year' }, { year: 2008, month: 11, precision: 'month' }, { year: 2008, month: 12, precision: 'month' }, { year: 2008, month: 11, day: 30, precision: 'day' }, { year: 2008, month: 11, day: 29, precision: 'day' }, { year: 2008, month: 12, day: 1, precision: 'day' }, { year: 1990, precision: 'year' }, { year: 2019, month: 3, precision: 'month' }];
    const mine = dates.map((d) => mayBeMinor(d ? { ...d, given: '' } : null, now));
    expect(mine).toEqual(dates.map((d) => serverMayBeMinor(d ? ({ ...d, calendar: 'gregorian', given: '' } as never) : null, now)));
    expect(mine).toEqual([true, true, false, true, false, false, true, false, true]);
  });

  it('sorts an explanation into agreed, disagreed and missing by weight', () => {
    const s = splitExplanation([f('currentName', 'different', 4, -0.26), f('sex', 'agree', 0, 0), f('nickname', 'missing', null, 0), f('memories', 'cosine ≥ 0.4', 0, 2.71), f('lossDate', 'consistent', 1, 2.52), f('relatives', 'different', 2, -1.29)]);
    expect(s.agreed.map((x) => x.field)).toEqual(['memories', 'lossDate', 'sex']);
    expect(s.disagreed.map((x) => x.field)).toEqual(['relatives', 'currentName']);
    expect(s.missing.map((x) => x.field)).toEqual(['nickname']);
  });

  it('names every field of the reunion matching configuration and the known levels', async () => {
    const { reunionMatchConfig } = await import('../../../src/apps/reunion/matching/config.ts');
    for (const c of reunionMatchConfig.comparisons) expect(fieldKey(c.name), c.name).not.toBeNull();
    expect(levelKey('same prefecture')).toBe('level.same prefecture');
    expect(levelKey('cosine ≥ 0.4')).toBeNull();
    expect(fieldKey('unknownField')).toBeNull();
  });

  it('builds hash routes with their query, empty values dropped', () => {
    expect(hashWith('/public/search', { name: 'zhang san', place: '', post: undefined, offset: 20 })).toBe('#/public/search?name=zhang+san&offset=20');
    expect(hashWith('/reunion/posts', {})).toBe('#/reunion/posts');
  });

  it('has the same message keys and placeholders in both languages', () => {
    expect(Object.keys(reunionMessages.en).sort()).toEqual(Object.keys(reunionMessages['zh-CN']).sort());
    const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [k, zh] of Object.entries(reunionMessages['zh-CN'])) expect(ph(reunionMessages.en[k as keyof typeof zh & keyof typeof reunionMessages.en]), k).toEqual(ph(zh));
    expect(reunionText('en', 'results', { n: 1 })).toBe('Results: 1');
    expect(reunionText('zh-CN', 'km', { n: 100 })).toBe('100 公里');
  });
});
