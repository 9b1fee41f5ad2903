/**
 * Reunion candidates and verification through the HTTP API on every test dialect: demo posts
 * loaded without their ground truth, candidates of true-pair child posts computed with the
 * matching module and stored with explanations, then a human review moving both posts
 * searching → candidate_review → dna_comparison → reunited with every step's actor, role, time
 * and reason recorded; wrong roles and missing reasons refused; the family is told only after review.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReunionDemo } from '../src/apps/reunion/index.ts';
import { demoPosts } from '../src/apps/reunion/posts/demo.ts';
import { listAudit } from '../src/security/audit.ts';
import { testDialects } from '../src/store/testing.ts';
import { openReunionApp, type ReunionTestApp } from './reunion-helpers.ts';

const SIZES = { families: 600, children: 500, pairs: 150, nearMisses: 15, seed: 11 };
const demo = demoPosts(SIZES);
const truePairs = [...demo.truth.familyOf].map((f, c) => [c, f] as const).filter(([, f]) => f >= 0);

describe.each(testDialects())('reunion verification on $name', (dialect) => {
  let t: ReunionTestApp;
  beforeAll(async () => {
    t = await openReunionApp(dialect);
  });
  afterAll(async () => t?.close());

  it('loads the demo posts once, without the ground truth', async () => {
    expect(await loadReunionDemo(t.ctx, { ...SIZES, progress: false })).toEqual({ families: 600, children: 500 });
    expect(await loadReunionDemo(t.ctx, { ...SIZES, progress: false })).toEqual({ families: 0, children: 0 });
    const list = (await t.call('GET', '/api/reunion/posts?kind=childSearch&limit=1')).json();
    expect(list.total).toBe(500);
    const cols = await t.ctx.database.db.selectFrom('reunion_posts').selectAll().limit(1).execute();
    expect(Object.keys(cols[0]!).some((k) => /truth|familyOf|near/i.test(k))).toBe(false);
  });

  it('ranks the true family post in the top 10 for true-pair child posts, with explanations', async () => {
    const sample = truePairs.slice(0, 8);
    let found = 0;
    for (const [c, f] of sample) {
      const res = await t.call('POST', `/api/reunion/posts/${demo.children[c]!.id}/candidates`);
      expect(res.statusCode).toBe(200);
      const list = res.json().candidates as { familyPostId: string; weight: number; fields: { field: string; weight: number }[]; review: string; rank: number }[];
      expect(list.length).toBeGreaterThan(0);
      expect(list.length).toBeLessThanOrEqual(10);
      expect(list.map((x) => x.rank)).toEqual(list.map((_, i) => i + 1));
      for (const cand of list) {
        expect(cand.review).toBe('pending');
        expect(cand.fields.length).toBe(15);
        expect(cand.fields.reduce((s, x) => s + x.weight, 0)).toBeCloseTo(cand.weight, 6);
      }
      if (list.some((x) => x.familyPostId === demo.families[f]!.id)) found++;
    }
    expect(found).toBeGreaterThanOrEqual(7);
  });

  it('finds child candidates for a family post', async () => {
    const [c, f] = truePairs[0]!;
    const res = await t.call('POST', `/api/reunion/posts/${demo.families[f]!.id}/candidates`);
    expect(res.statusCode).toBe(200);
    const list = res.json().candidates as { childPostId: string; familyPostId: string }[];
    expect(list.every((x) => x.familyPostId === demo.families[f]!.id)).toBe(true);
    expect(list.map((x) => x.childPostId)).toContain(demo.children[c]!.id);
  });

  it('records every review step on both posts; refuses wrong roles, missing reasons, early family notice', async () => {
    const [c, f] = truePairs[0]!;
    const childId = demo.children[c]!.id;
    const familyId = demo.families[f]!.id;
    const cands = (await t.call('GET', `/api/reunion/posts/${childId}/candidates`)).json().candidates as { candidateId: number; familyPostId: string }[];
    const id = cands.find((x) => x.familyPostId === familyId)!.candidateId;
    const step = (transition: string, role: string, reason?: string) => t.call('POST', `/api/reunion/candidates/${id}/transitions`, { transition, ...(reason ? { reason } : {}) }, role);

    expect((await step('openReview', 'clerk')).json().error.code).toBe('REUNION_ROLE_DENIED');
    t.clock.now = new Date('2026-11-30T03:00:00Z');
    const opened = await step('openReview', 'volunteer');
    expect(opened.statusCode).toBe(200);
    expect(opened.json().posts.map((p: { state: string }) => p.state)).toEqual(['candidate_review', 'candidate_review']);
    // A second family post telling the same loss gives the child a second candidate; it cannot be opened while the first is under review.
    const fam = demo.families[f]!;
    const text = (d: { year: number; month?: number; day?: number } | null) => (d ? [d.year, d.month, d.day].filter((x) => x !== undefined).map((x) => String(x).padStart(2, '0')).join('-') : undefined);
    const twin = (await t.call('POST', '/api/reunion/posts', {
      kind: 'familySearch', sex: fam.sex, ...(fam.name ? { name: fam.name } : { nameUnknown: true }), ...(fam.nickname ? { nickname: fam.nickname } : {}),
      birthDate: text(fam.birthDate), lossDate: text(fam.lossDate), lossPlace: fam.lossPlace, ...(fam.heightCm ? { heightCm: fam.heightCm } : {}),
      marks: { items: [], text: fam.marks }, ...(fam.dialect ? { dialect: fam.dialect } : {}), memories: fam.memories, relatives: fam.relatives,
    })).json();
    const again = (await t.call('POST', `/api/reunion/posts/${childId}/candidates`)).json().candidates as { candidateId: number; familyPostId: string; review: string }[];
    expect(again.find((x) => x.familyPostId === familyId)).toMatchObject({ candidateId: id, review: 'under_review' });
    const other = again.find((x) => x.familyPostId === twin.id)!.candidateId;
    const second = await t.call('POST', `/api/reunion/candidates/${other}/transitions`, { transition: 'openReview' }, 'volunteer');
    expect(second.statusCode).toBe(409);
    expect(second.json().error.details.map((d: { code: string }) => d.code)).toEqual(['WORKFLOW_TRANSITION_NOT_ALLOWED']);
    const early = await t.call('POST', `/api/reunion/candidates/${id}/notify-family`, undefined, 'volunteer');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('REUNION_CANDIDATE_NOT_REVIEWED');
    expect((await step('recommendDna', 'police', '特征一致')).json().error.code).toBe('REUNION_TRANSITION_REFUSED');
    const noReason = await step('recommendDna', 'volunteer');
    expect(noReason.statusCode).toBe(409);
    expect(noReason.json().error.details.map((d: { code: string }) => d.code)).toContain('WORKFLOW_REASON_REQUIRED');
    t.clock.now = new Date('2026-11-30T04:00:00Z');
    expect((await step('recommendDna', 'volunteer', '小名、胎记与村口槐树的记忆一致')).statusCode).toBe(200);
    expect((await step('confirmReunited', 'volunteer', 'DNA 比中')).json().error.code).toBe('REUNION_TRANSITION_REFUSED');
    t.clock.now = new Date('2026-11-30T05:00:00Z');
    const done = await step('confirmReunited', 'police', 'DNA 比对确认亲缘关系');
    expect(done.statusCode).toBe(200);
    expect(done.json().candidate.review).toBe('confirmed');

    for (const postId of [childId, familyId]) {
      const tl = (await t.call('GET', `/api/reunion/posts/${postId}/timeline`)).json();
      expect(tl.state).toBe('reunited');
      expect(tl.events.map((e: { transition: string; from: string | null; to: string; actor: string; role: string | null; at: string; reason: string | null }) => [e.transition, e.from, e.to, e.actor, e.role, e.at, e.reason])).toEqual([
        ['create', null, 'searching', 'demo', null, '2026-11-30T02:00:00.000Z', 'demo post'],
        ['openReview', 'searching', 'candidate_review', 'volunteer1', 'volunteer', '2026-11-30T03:00:00.000Z', null],
        ['recommendDna', 'candidate_review', 'dna_comparison', 'volunteer1', 'volunteer', '2026-11-30T04:00:00.000Z', '小名、胎记与村口槐树的记忆一致'],
        ['confirmReunited', 'dna_comparison', 'reunited', 'police1', 'police', '2026-11-30T05:00:00.000Z', 'DNA 比对确认亲缘关系'],
      ]);
      expect(tl.events[1].data).toEqual({ candidateId: id, childPostId: childId, familyPostId: familyId });
      const post = (await t.call('GET', `/api/reunion/posts/${postId}`, undefined, 'police')).json();
      expect(post.dnaStatus).toBe('compared');
    }
    const familySide = (await t.call('GET', `/api/reunion/posts/${familyId}/candidates`)).json().candidates.find((x: { childPostId: string }) => x.childPostId === childId);
    expect(familySide).toMatchObject({ review: 'confirmed', reviewedBy: 'police1' });
    const told = await t.call('POST', `/api/reunion/candidates/${id}/notify-family`, undefined, 'volunteer');
    expect(told.json().familyNotifiedAt).toBe('2026-11-30T05:00:00.000Z');
    const audit = { entries: await listAudit(t.ctx, { limit: 1000 }) };
    const reviews = audit.entries.filter((e) => e.action === 'reunion.candidate.review' && e.detail.candidateId === id).map((e) => [e.actor, e.detail.transition ?? e.detail.op]);
    expect(reviews).toEqual(expect.arrayContaining([['volunteer1', 'openReview'], ['volunteer1', 'recommendDna'], ['police1', 'confirmReunited'], ['volunteer1', 'notify-family']]));
    expect(audit.entries.some((e) => e.action === 'reunion.candidate.review' && e.outcome === 'refused' && e.actor === 'clerk1')).toBe(true);
  });

  it('records the DNA sample status and case number as police only', async () => {
    const postId = demo.children[truePairs[2]![0]]!.id;
    expect((await t.call('PUT', `/api/reunion/posts/${postId}/dna`, { dnaStatus: 'collected' }, 'volunteer')).json().error.code).toBe('REUNION_ROLE_DENIED');
    const res = await t.call('PUT', `/api/reunion/posts/${postId}/dna`, { dnaStatus: 'in_database', policeCaseNo: 'A1101012026113000001' }, 'police');
    expect(res.json()).toMatchObject({ id: postId, dnaStatus: 'in_database', policeCaseNo: 'A1101012026113000001' });
  });

  it('closes and reopens a post only as police with a reason', async () => {
    const postId = demo.families[truePairs[1]![1]]!.id;
    expect((await t.call('POST', `/api/reunion/posts/${postId}/transitions`, { transition: 'close', reason: '家属撤回' }, 'volunteer')).json().error.code).toBe('REUNION_ROLE_DENIED');
    const closed = await t.call('POST', `/api/reunion/posts/${postId}/transitions`, { transition: 'close', reason: '家属撤回' }, 'police');
    expect(closed.json().state).toBe('closed');
    const reopened = await t.call('POST', `/api/reunion/posts/${postId}/transitions`, { transition: 'reopen', reason: '家属要求继续寻找' }, 'police');
    expect(reopened.json().events.map((e: { transition: string }) => e.transition)).toEqual(['create', 'close', 'reopen']);
    expect((await t.call('POST', '/api/reunion/posts/F999999/transitions', { transition: 'close', reason: '测试理由' }, 'police')).json().error.code).toBe('REUNION_POST_NOT_FOUND');
  });
});
