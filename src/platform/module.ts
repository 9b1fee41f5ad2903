/**
 * The typed extension point through which security and every app plug into the platform
 * (after kysely's plugin interface): tables, HTTP routes and CLI commands. A new app is a new
 * folder exporting one `GongzhiModule`, plus one line in src/modules.ts.
 */
import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { Database } from '../store/database.ts';
import type { MigrationFactory } from '../store/migrate.ts';

/** What every service and route receives: config, the open database and the platform secret. */
export interface PlatformContext {
  readonly config: Config;
  readonly database: Database;
  /** 32-byte key material for session signing, blind indexes and field encryption. */
  readonly secret: Buffer;
  /** The clock; tests replace it. */
  readonly now: () => Date;
}

export interface GongzhiModule {
  /** Short module name, used in migration names and logs, e.g. 'parcels'. */
  readonly name: string;
  readonly migrations?: Readonly<Record<string, MigrationFactory>>;
  /** Register HTTP routes under /api/<name>/… (the API assembly calls this inside a prefix-less scope). */
  readonly routes?: (app: FastifyInstance, ctx: PlatformContext) => Promise<void> | void;
  /** Register CLI sub-commands; `open` opens (and migrates) the platform lazily. */
  readonly commands?: (program: Command, open: () => Promise<PlatformContext>) => void;
  /**
   * Load this module's demo data on first start (`gongzhi start`); idempotent. Returns a
   * one-line summary to print, or null when nothing was loaded.
   */
  readonly seedDemo?: (ctx: PlatformContext) => Promise<string | null>;
}
