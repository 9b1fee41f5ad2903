/**
 * The one place that reads the environment. Parsed once with zod, validated fast, frozen.
 * Nothing else in Gongzhi reads `process.env`: modules receive a `Config` (or the slice they need).
 *
 * Variables (all optional):
 * - `DATABASE_URL`        postgres://… selects PostgreSQL; unset → embedded SQLite file.
 * - `GONGZHI_DATA_DIR`    directory of the embedded database and generated files (default ./data).
 * - `GONGZHI_HOST`, `GONGZHI_PORT`  HTTP listen address (default 127.0.0.1:8080).
 * - `GONGZHI_SECRET`      secret for session signing, blind indexes and field encryption
 *                         (default: generated once and kept in `<dataDir>/secret.key`).
 * - `GONGZHI_SHARED_DATA` directory of the public reference/test data (default ../shared/data).
 * - `GONGZHI_DEMO_PARCELS` parcels generated on first start (default 1,000,000).
 * - `GONGZHI_LOG_LEVEL`   fastify/pino level (default info).
 * - `GONGZHI_TEST_POSTGRES_URL`  tests only: also run dialect tests on this PostgreSQL server.
 */
import path from 'node:path';
import { z } from 'zod';

const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  GONGZHI_DATA_DIR: z.string().default('./data'),
  GONGZHI_HOST: z.string().default('127.0.0.1'),
  GONGZHI_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  GONGZHI_SECRET: z.string().min(32).optional(),
  GONGZHI_SHARED_DATA: z.string().default('../shared/data'),
  GONGZHI_DEMO_PARCELS: z.coerce.number().int().min(0).default(1_000_000),
  GONGZHI_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GONGZHI_TIMEZONE: z.string().default('Asia/Shanghai'),
  GONGZHI_TEST_POSTGRES_URL: z.string().url().optional(),
});

export interface Config {
  /** postgres://… when PostgreSQL is used; undefined for the embedded SQLite default. */
  readonly databaseUrl: string | undefined;
  /** Absolute directory for the SQLite file, secrets and generated demo files. */
  readonly dataDir: string;
  /** Absolute path of the embedded SQLite database file. */
  readonly sqlitePath: string;
  readonly host: string;
  readonly port: number;
  /** Explicit secret, or undefined to use (and create) `<dataDir>/secret.key`. */
  readonly secret: string | undefined;
  /** Absolute directory of the shared public data sets (tests and reference data). */
  readonly sharedDataDir: string;
  readonly demoParcels: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** IANA zone for local days in statistics (GB/T 7408 local time); default Asia/Shanghai. */
  readonly timezone: string;
  /** Tests only: a PostgreSQL server URL on which store/app tests also run (CI sets it). */
  readonly testPostgresUrl: string | undefined;
}

/** A configuration error: names each variable and what is wrong with it. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

/**
 * Parse configuration from an environment-like record (default `process.env`) and freeze it.
 * @throws ConfigError listing every invalid variable.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(overrides.dataDir ?? e.GONGZHI_DATA_DIR);
  const config: Config = {
    databaseUrl: e.DATABASE_URL,
    dataDir,
    sqlitePath: path.join(dataDir, 'gongzhi.db'),
    host: e.GONGZHI_HOST,
    port: e.GONGZHI_PORT,
    secret: e.GONGZHI_SECRET,
    sharedDataDir: path.resolve(e.GONGZHI_SHARED_DATA),
    demoParcels: e.GONGZHI_DEMO_PARCELS,
    logLevel: e.GONGZHI_LOG_LEVEL,
    timezone: e.GONGZHI_TIMEZONE,
    testPostgresUrl: e.GONGZHI_TEST_POSTGRES_URL,
    ...overrides,
  };
  if (overrides.dataDir && !overrides.sqlitePath) {
    (config as { sqlitePath: string }).sqlitePath = path.join(dataDir, 'gongzhi.db');
  }
  return Object.freeze(config);
}
