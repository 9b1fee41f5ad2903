/**
 * HTTP routes of the evidence application (thin: zod schema → policy → one service call):
 * - GET   /api/evidence/standards                    charges, stages, requirements (no personal data)
 * - GET   /api/evidence/cases                        case list with the gate at each case's stage
 * - POST  /api/evidence/cases                        create a case file
 * - GET   /api/evidence/cases/:caseNo?stage=        case file, stage-gate report, override trail (audited)
 * - POST  /api/evidence/cases/:caseNo/items          attach an evidence item
 * - PUT   /api/evidence/cases/:caseNo/stage          move the case to a stage
 * - POST  /api/evidence/cases/:caseNo/overrides      override a finding with a reason (audited)
 * Every route needs a signed-in user; access.ts declares which roles may read, write, override.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../../api/route.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { requireEvidenceAccess } from './access.ts';
import { caseFileSchema, evidenceItemSchema, overrideSchema } from './caseFileSchema.ts';
import { attachItem, createCaseFile, listCaseFiles, moveToStage, overrideFinding, readCaseFile } from './caseFileService.ts';
import { loadStandards } from './standards.ts';
import { EVIDENCE_KIND_LABELS, STAGES, type CaseFile, type EvidenceItem } from './types.ts';

const caseParams = z.object({ caseNo: z.string().min(1).max(40) });
const stageQuery = z.object({ stage: z.enum(STAGES).optional() });

/** Register the routes (called by the API assembly through evidenceModule.routes). */
export function evidenceRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  const actorOf = (u: { username: string; role: string }) => ({ username: u.username, role: u.role });

  route(app, {
    method: 'GET', url: '/api/evidence/standards', tags: ['evidence'], summary: '证据标准 evidence standards per charge', auth: true,
    handler: async ({ user }) => {
      await requireEvidenceAccess(ctx, user, 'evidence.read', null);
      const set = loadStandards();
      return {
        generalVersion: set.general.version, stages: set.general.stages, kinds: EVIDENCE_KIND_LABELS, sources: set.sources.documents,
        charges: [...set.charges.values()].map((c) => ({ id: c.id, version: c.version, name: c.name, law: c.law, requirements: c.requirements, conditions: c.conditions })),
      };
    },
  });

  route(app, {
    method: 'GET', url: '/api/evidence/cases', tags: ['evidence'], summary: '案件列表 case files with their gate', auth: true,
    handler: async ({ user }) => {
      await requireEvidenceAccess(ctx, user, 'evidence.read', null);
      return { cases: await listCaseFiles(ctx) };
    },
  });

  route(app, {
    method: 'POST', url: '/api/evidence/cases', tags: ['evidence'], summary: '新建案卷 create a case file', auth: true, status: 201, body: caseFileSchema,
    handler: async ({ body, user }) => {
      const u = await requireEvidenceAccess(ctx, user, 'evidence.write', body.caseNo);
      await createCaseFile(ctx, body as CaseFile, actorOf(u));
      return readCaseFile(ctx, body.caseNo, actorOf(u));
    },
  });

  route(app, {
    method: 'GET', url: '/api/evidence/cases/:caseNo', tags: ['evidence'], summary: '案卷与阶段审查报告 case file and stage-gate report (audited)', auth: true, params: caseParams, query: stageQuery,
    handler: async ({ params, query, user }) => {
      const u = await requireEvidenceAccess(ctx, user, 'evidence.read', params.caseNo);
      return readCaseFile(ctx, params.caseNo, actorOf(u), query.stage);
    },
  });

  route(app, {
    method: 'POST', url: '/api/evidence/cases/:caseNo/items', tags: ['evidence'], summary: '补充证据 attach an evidence item', auth: true, status: 201, params: caseParams, body: evidenceItemSchema,
    handler: async ({ params, body, user }) => {
      const u = await requireEvidenceAccess(ctx, user, 'evidence.write', params.caseNo);
      return attachItem(ctx, params.caseNo, body as EvidenceItem, actorOf(u));
    },
  });

  route(app, {
    method: 'PUT', url: '/api/evidence/cases/:caseNo/stage', tags: ['evidence'], summary: '变更诉讼阶段 move the case to a stage', auth: true, params: caseParams, body: z.object({ stage: z.enum(STAGES) }),
    handler: async ({ params, body, user }) => {
      const u = await requireEvidenceAccess(ctx, user, 'evidence.write', params.caseNo);
      return moveToStage(ctx, params.caseNo, body.stage, actorOf(u));
    },
  });

  route(app, {
    method: 'POST', url: '/api/evidence/cases/:caseNo/overrides', tags: ['evidence'], summary: '推翻审查结论（须写明理由，记入审计日志） override a finding with a reason (audited)', auth: true, status: 201, params: caseParams, body: overrideSchema,
    handler: async ({ params, body, user }) => {
      const u = await requireEvidenceAccess(ctx, user, 'evidence.override', params.caseNo);
      return overrideFinding(ctx, params.caseNo, body, actorOf(u));
    },
  });
}
