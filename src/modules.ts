/**
 * Every module of the platform, in dependency order. Adding an app = one import and one entry.
 */
import type { GongzhiModule } from './platform/module.ts';
import { securityModule } from './security/index.ts';
import { ingestModule } from './ingest/index.ts';
import { parcelsModule } from './apps/parcels/index.ts';
import { evidenceModule } from './apps/evidence/index.ts';
import { leadsModule } from './apps/leads/index.ts';
import { orgsModule } from './apps/orgs/index.ts';
import { disputesModule } from './apps/disputes/index.ts';
import { createOpen311Module } from './apps/disputes/open311/index.ts';
import { reunionModule } from './apps/reunion/index.ts';

export const modules: readonly GongzhiModule[] = [securityModule, ingestModule, parcelsModule, evidenceModule, leadsModule, orgsModule, disputesModule, createOpen311Module({ intoDisputes: true }), reunionModule];
