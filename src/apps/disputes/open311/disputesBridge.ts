/**
 * An `AppealSink` that makes every Open311 request an appeal of the disputes application:
 * the request is kept in `open311_requests` (its GeoReport v2 record) and registered through
 * the disputes intake (`registerAppeal`: classification, risk score, project link, SLA due
 * instants, routing to a mediation body) with channel `open311`, external id = the
 * service_request_id, the service's category, the division from `division_code` or the
 * address, and the submitter as the applicant party (encrypted by the disputes app).
 *
 * Reads show the appeal's progress in GeoReport v2 terms: status `closed` once the appeal's
 * workflow reaches `closed` (else `open`), status_notes = the reason of its last recorded
 * transition, agency_responsible = the name of the body it is routed to, updated_datetime =
 * the appeal's last update.
 */
import { AppError } from '../../../core/errors.ts';
import type { PlatformContext } from '../../../platform/module.ts';
import { findOrg } from '../../orgs/repository.ts';
import { intakeIssues, registerAppeal, type NewAppeal } from '../intake.ts';
import { appealEvents, findByExternalId } from '../repository.ts';
import { sqlAppealSink, type AppealSink, type ServiceRequestInput, type StoredServiceRequest } from './appealSink.ts';
import { Open311Errors as E } from './errors.ts';

function intake(input: ServiceRequestInput, externalId: string | null): NewAppeal {
  const s = input.submitter;
  const name = [s.lastName, s.firstName].filter(Boolean).join('');
  return {
    channel: 'open311',
    externalId,
    title: input.serviceName,
    text: input.description ?? input.serviceName,
    divisionCode: input.divisionCode ?? '',
    place: input.address,
    receivedAt: input.requestedAt.toISOString(),
    category: input.category ?? null,
    parties: name || s.phone ? [{ side: 'applicant', kind: 'person', name: name || '（未留姓名）', phone: s.phone }] : [],
    submitterKey: s.phone ?? s.email ?? s.accountId ?? s.deviceId,
  };
}

/**
 * The sink for a platform whose disputes (and orgs) tables exist. `inner` keeps the GeoReport
 * record (default the SQL sink).
 * @throws AppError OPEN311_DIVISION_REQUIRED, or the intake's problems, before anything is stored;
 *   if registering the appeal fails after the request was stored, the request is closed with
 *   the failure as its status_notes and the error is thrown.
 */
export function disputesAppealSink(ctx: PlatformContext, inner: AppealSink = sqlAppealSink(ctx)): AppealSink {
  const actor = (input: ServiceRequestInput) => ({ username: `open311:key-${input.apiKeyId ?? 0}`, role: 'open311_client' });
  async function overlay(r: StoredServiceRequest): Promise<StoredServiceRequest> {
    const appeal = await findByExternalId(ctx.database, 'open311', r.id);
    if (!appeal) return r;
    const last = (await appealEvents(ctx.database, appeal.id)).at(-1);
    const org = appeal.org_code ? await findOrg(ctx.database, appeal.org_code) : null;
    return {
      ...r,
      status: appeal.state === 'closed' ? 'closed' : 'open',
      statusNotes: last?.reason ?? r.statusNotes,
      agencyResponsible: org?.name ?? appeal.org_code ?? r.agencyResponsible,
      updatedAt: new Date(appeal.updated_at),
    };
  }
  return {
    async create(input) {
      if (!input.divisionCode) throw new AppError(E.OPEN311_DIVISION_REQUIRED);
      const problems = intakeIssues(intake(input, null), input.requestedAt, ctx.config.sharedDataDir);
      if (problems.length) throw new AppError(problems[0]!.code, problems[0]!.params, problems);
      const created = await inner.create(input);
      try {
        await registerAppeal(ctx, intake(input, created.id), actor(input));
      } catch (e) {
        // Not silently half-stored: the GeoReport record is closed with the reason, the client gets the error.
        await inner.setStatus(created.id, { status: 'closed', notes: `登记为诉求失败 intake failed: ${e instanceof AppError ? e.code : 'INTERNAL'}`, at: ctx.now() });
        throw e;
      }
      return created;
    },
    async get(id) {
      const r = await inner.get(id);
      return r ? overlay(r) : null;
    },
    async getByToken(token) {
      const r = await inner.getByToken(token);
      return r ? overlay(r) : null;
    },
    async list(filter) {
      const { statuses, ...rest } = filter;
      const rows = await Promise.all((await inner.list(rest)).map(overlay));
      return statuses?.length ? rows.filter((r) => statuses.includes(r.status)) : rows;
    },
    async setStatus(id, change) {
      const appeal = await findByExternalId(ctx.database, 'open311', id);
      if (appeal) throw new AppError('CONFLICT', { reason: `request ${id} is appeal ${appeal.appeal_no}: change it through the appeal workflow` });
      return inner.setStatus(id, change);
    },
  };
}
