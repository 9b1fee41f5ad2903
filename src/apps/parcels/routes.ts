/**
 * HTTP routes of the parcels application (thin: zod schema → policy → one service call →
 * presenter), registered by parcelsModule:
 * - POST /api/parcels             single registration (policy parcel.register: clerk, admin)
 * - POST /api/parcels/batch       { records: [...≤1000] } → a result per record
 * - GET  /api/parcels/lookup      by waybill / ID number / phone (parcel.lookup: investigator,
 *                                 purpose required; audited; masked per role)
 * - GET  /api/parcels/stats       dashboard statistics (stats.read; no personal data)
 * - GET  /api/parcels/meta        couriers, item natures, ID types, prohibited-item categories
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../../api/route.ts';
import { AppError } from '../../core/errors.ts';
import type { PlatformContext } from '../../platform/module.ts';
import { auditRead } from '../../security/access.ts';
import { maskFor } from '../../security/masking.ts';
import { courierList } from './coreBridge.ts';
import { ParcelErrors } from './errors.ts';
import { closeIdentifierReader } from './identifierReader.ts';
import { lookupParcels } from './parcelLookup.ts';
import { ID_TYPES, ITEM_NATURES } from './parcelValidator.ts';
import { registrarFor, type RegistrationResult } from './registrar.ts';
import { prohibitedCategories } from './screening.ts';
import { parcelStats } from './stats.ts';

const scalar = z.union([z.string().max(500), z.number(), z.boolean()]).optional();
/** A registration record: ParcelInput fields; values are checked by parcelValidator (per-field codes). */
const recordSchema = z.object({
  courier: scalar, waybillNo: scalar, senderName: scalar, senderIdType: scalar, senderIdNumber: scalar, senderPhone: scalar,
  senderAddress: scalar, receiverName: scalar, receiverPhone: scalar, receiverAddress: scalar, itemName: scalar,
  itemNature: scalar, itemQuantity: scalar, weightGrams: scalar, outlet: scalar, clerk: scalar, acceptedAt: scalar, inspected: scalar,
});
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional();

function ownOutlet(grantOwnOnly: boolean | undefined, outlet: string | null | undefined): string | null {
  if (!grantOwnOnly) return null;
  if (!outlet) throw new AppError('FORBIDDEN', { reason: 'clerk without an outlet' });
  return outlet;
}

/** Register the routes on `app` (called by the API assembly through parcelsModule.routes). */
export function parcelRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  const registrar = registrarFor(ctx);
  app.addHook('onClose', async () => {
    await registrar.close();
    await closeIdentifierReader(ctx.database);
  });
  // A listening server starts the registration thread at once, so the first counter does not wait for it.
  app.addHook('onListen', async () => registrar.warm());

  route(app, {
    method: 'POST', url: '/api/parcels', tags: ['parcels'], summary: '收寄登记 register one parcel', status: 201,
    body: recordSchema, access: ['parcel.register', 'parcel'],
    handler: async ({ body, user, access }) => {
      const [r] = await registrar.register([body], { outlet: ownOutlet(access?.grant.ownOutletOnly, user?.outlet) });
      if (r!.ok) return r;
      const conflict = r!.errors.find((e) => e.code === ParcelErrors.PARCEL_CONFLICT);
      if (conflict) throw new AppError(ParcelErrors.PARCEL_CONFLICT, conflict.params, r!.errors);
      throw new AppError(ParcelErrors.PARCEL_INVALID, { count: r!.errors.length }, r!.errors);
    },
  });

  route(app, {
    method: 'POST', url: '/api/parcels/batch', tags: ['parcels'], summary: '批量收寄登记 register up to 1,000 parcels',
    body: z.object({ records: z.array(recordSchema).min(1).max(1000) }), access: ['parcel.register', 'parcel'],
    handler: async ({ body, user, access }) => {
      const results: RegistrationResult[] = await registrar.register(body.records, { outlet: ownOutlet(access?.grant.ownOutletOnly, user?.outlet) });
      const accepted = results.filter((x) => x.ok).length;
      return { accepted, rejected: results.length - accepted, results };
    },
  });

  route(app, {
    method: 'GET', url: '/api/parcels/lookup', tags: ['parcels'], summary: '查询 look parcels up (purpose required, audited)',
    query: z.object({ waybillNo: z.string().max(40).optional(), courier: z.string().max(40).optional(), idNumber: z.string().max(40).optional(), phone: z.string().max(40).optional() }),
    access: ['parcel.lookup', 'parcel'],
    handler: async ({ query, user, access, request }) => {
      const found = await lookupParcels(ctx, query);
      const audit = await auditRead(ctx, request, { recordIds: found.parcels.map((p) => p.id), detail: { by: found.by, count: found.parcels.length } });
      const parcels = found.parcels.map((p) => maskFor(user!.role, 'parcel', { ...p }, { purpose: access?.purpose }));
      return { by: found.by, count: parcels.length, truncated: found.truncated, auditSeq: audit.seq, parcels };
    },
  });

  route(app, {
    method: 'GET', url: '/api/parcels/stats', tags: ['parcels'], summary: '合规统计 compliance statistics',
    query: z.object({ from: day, to: day }), access: ['stats.read', 'parcel'],
    handler: async ({ query }) => parcelStats(ctx, { from: query.from, to: query.to }),
  });

  route(app, {
    method: 'GET', url: '/api/parcels/meta', tags: ['parcels'], summary: '登记表单的选项 couriers, item natures, ID types', auth: true,
    handler: () => ({
      couriers: courierList(),
      itemNatures: ITEM_NATURES,
      idTypes: ID_TYPES,
      prohibitedCategories: prohibitedCategories().map((c) => ({ key: c.key, zh: c.zh, en: c.en })),
    }),
  });
}
