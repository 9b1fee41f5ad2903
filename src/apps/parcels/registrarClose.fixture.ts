/**
 * Run by registrar.test.ts in a child process: register parcels through the registration
 * thread, close the registrar, and go on. Prints "after close 3" only if the process was still
 * alive after `close()` — an unreferenced worker awaited there once ended the process silently.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../config.ts';
import { generateParcels } from '../../demo/parcels.ts';
import { openPlatform } from '../../platform/platform.ts';
import { securityModule } from '../../security/index.ts';
import { parcelsModule } from './index.ts';
import type { RawParcel } from './parcelValidator.ts';
import { ParcelRegistrar } from './registrar.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-registrar-close-'));
const config = loadConfig({}, { dataDir: dir, databaseUrl: undefined, secret: 'registrar-close-secret-registrar-close-0', logLevel: 'silent' });
const ctx = await openPlatform(config, { modules: [securityModule, parcelsModule], now: () => new Date('2026-11-30T04:00:00Z') });
const registrar = new ParcelRegistrar(ctx);
const results = await registrar.register([...generateParcels({ count: 3, seed: 5 })] as unknown as RawParcel[]);
await registrar.close();
await ctx.database.close();
fs.rmSync(dir, { recursive: true, force: true });
process.stdout.write(`after close ${results.filter((r) => r.ok).length}\n`);
