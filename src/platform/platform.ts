/**
 * Open the platform: database (migrated to latest with every module's migrations), secret,
 * clock. The one assembly point shared by the CLI, the HTTP server and tests.
 */
import type { Config } from '../config.ts';
import { openDatabase, type OpenOptions } from '../store/database.ts';
import { migrateToLatest, type MigrationFactory } from '../store/migrate.ts';
import type { GongzhiModule, PlatformContext } from './module.ts';
import { loadSecret } from './secret.ts';

export interface OpenPlatformOptions extends OpenOptions {
  readonly modules: readonly GongzhiModule[];
  readonly now?: () => Date;
}

/** Open and migrate. Throws if a migration fails (the message names it). */
export async function openPlatform(config: Config, options: OpenPlatformOptions): Promise<PlatformContext> {
  const database = openDatabase(config, options);
  const factories: Record<string, MigrationFactory> = {};
  for (const m of options.modules) {
    for (const [name, f] of Object.entries(m.migrations ?? {})) {
      if (factories[name]) throw new Error(`migration ${name} declared twice`);
      factories[name] = f;
    }
  }
  await migrateToLatest(database, factories);
  return { config, database, secret: loadSecret(config), now: options.now ?? (() => new Date()) };
}
