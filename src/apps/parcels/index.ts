/**
 * The parcels application (实名收寄, issue 2 item 6) as a platform module: tables, routes and
 * the `gongzhi parcels …` commands. Public API for other modules: `loadParcels` (bulk load, used
 * by the demo generator), `registrarFor` (group-commit registration), `lookupParcels`,
 * `parcelStats`, `screenItem`.
 */
import type { GongzhiModule } from '../../platform/module.ts';
import { parcelCommands } from './cli.ts';
import { parcelRoutes } from './routes.ts';
import { migrations } from './schema.ts';

export const parcelsModule: GongzhiModule = {
  name: 'parcels',
  migrations,
  routes: parcelRoutes,
  commands: parcelCommands,
};

export { loadParcels, type LoadOptions, type LoadResult, type LoadStats, type RejectedRecord } from './loader.ts';
export { registrarFor, ParcelRegistrar, type RegistrationResult } from './registrar.ts';
export { lookupParcels, type LookupQuery, type LookupResult, type ParcelView } from './parcelLookup.ts';
export { parcelStats, type ParcelStats } from './stats.ts';
export { screenItem, prohibitedCategories, type ScreeningHit } from './screening.ts';
export { checkParcel, type ParcelCheck, type ValidationMode } from './parcelValidator.ts';
export type { ParcelInput, IdType, ItemNature } from './types.ts';
