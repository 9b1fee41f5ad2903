/**
 * The Open311 GeoReport v2 endpoint (issue 5, intake) as a platform module: tables
 * (`open311_api_keys`, `open311_requests`), routes under /api/open311/v2, and the commands
 * `gongzhi open311 key …` and `gongzhi disputes boston-replay FILE` (the routing/SLA replay of
 * src/apps/disputes/routing).
 *
 * Public API for other modules: `open311Routes` (mount with another `AppealSink`),
 * `sqlAppealSink` and the `AppealSink` interface, `serviceCatalogue`, the API-key functions,
 * and the wire writers of format.ts.
 */
import type { GongzhiModule } from '../../../platform/module.ts';
import { bostonCommands } from '../routing/cli.ts';
import { open311Commands } from './cli.ts';
import { open311Routes, type Open311RouteOptions } from './routes.ts';
import { open311Migrations } from './schema.ts';

/**
 * The module: migration 202611300500_open311_tables, routes /api/open311/v2/… and
 * /api/open311/discovery.{xml,json}, commands `open311` and `disputes boston-replay`.
 * With `intoDisputes`, every request is also registered as an appeal of the disputes app
 * (disputesBridge.ts); that needs the disputes and orgs modules listed before this one.
 */
export function createOpen311Module(options: Pick<Open311RouteOptions, 'intoDisputes' | 'postRateLimit'> = {}): GongzhiModule {
  return {
    name: 'open311',
    migrations: open311Migrations,
    routes: (app, ctx) => open311Routes(app, ctx, options),
    commands(program, open) {
      open311Commands(program, open);
      bostonCommands(program, open);
    },
  };
}

/** The endpoint with its own request store (no disputes module needed). */
export const open311Module: GongzhiModule = createOpen311Module();

export { open311Routes, parseForm, OPEN311_PREFIX, type Open311RouteOptions } from './routes.ts';
export { disputesAppealSink } from './disputesBridge.ts';
export { sqlAppealSink, type AppealSink, type RequestFilter, type ServiceRequestInput, type StoredServiceRequest, type Submitter } from './appealSink.ts';
export { buildCatalogue, describeLimit, expectedAt, serviceCatalogue, type Open311Service, type ServiceAttribute, type ServiceCatalogue, type ServiceCategory, type TimeLimit } from './services.ts';
export { createApiKey, listApiKeys, revokeApiKey, verifyApiKey, type ApiKeySummary } from './apiKeys.ts';
export { submitServiceRequest, requestFilterFrom, type Open311Deps, type SubmitResult } from './open311Service.ts';
export { render, toXml, CONTENT_TYPES, type Open311Format } from './format.ts';
export { Open311Errors } from './errors.ts';
