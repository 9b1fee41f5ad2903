/**
 * 收寄登记 — the registration form: every field of ParcelInput (src/apps/parcels/types.ts)
 * grouped as 寄件人 / 收件人 / 物品 / 收寄信息, with live validation of the ID number, phones,
 * addresses, waybill number and time as the clerk types. Submit → POST /api/parcels; the
 * per-field errors returned are shown under their fields; success shows the parcel id and
 * the prohibited-item screening flags.
 */
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { ApiError, post, type Issue, type ValidationResult } from '../api.ts';
import { shanghaiLocalNow } from '../app/format.ts';
import { useSession } from '../app/session.tsx';
import { useApiGet } from '../app/useApiGet.ts';
import { ErrorNotice } from '../app/Status.tsx';
import { useI18n } from '../i18n/index.ts';
import { FormField } from './FormField.tsx';
import { detectedCourier, emptyForm, fieldLabel, idTypeCodes, itemNatureCodes, liveIdKind, optionLabel, toParcelInput, type FormState } from './registerForm.ts';
import type { CategoryNames } from './dashboardCharts.ts';
import type { ParcelMeta, RegistrationResult } from './types.ts';
import { RegistrationOutcome } from './RegistrationOutcome.tsx';

export function RegisterPage() {
  const { t, pick } = useI18n();
  const { user } = useSession();
  const meta = useApiGet<ParcelMeta>('/api/parcels/meta');
  const [form, setForm] = useState<FormState>(() => emptyForm(user?.outlet ?? '', user?.username ?? '', shanghaiLocalNow()));
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<RegistrationResult | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());

  const issuesByField = useMemo(() => {
    const m = new Map<string, Issue[]>();
    const all = [...(outcome && !outcome.ok ? outcome.errors : []), ...(failure?.details ?? [])];
    for (const i of all) if (i.field && !edited.has(i.field)) m.set(i.field, [...(m.get(i.field) ?? []), i]);
    return m;
  }, [outcome, failure, edited]);

  // A field edited since the last submit no longer shows the server's error for it.
  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    setEdited((e) => (e.has(k) ? e : new Set(e).add(k)));
  };
  const text = (k: keyof FormState & string, extra: { type?: string; inputMode?: 'numeric' | 'tel' | 'text' } = {}) => (
    <input id={`f-${k}`} name={k} type={extra.type ?? 'text'} inputMode={extra.inputMode} value={String(form[k])} onChange={(e) => set(k, e.target.value as never)} autoComplete="off" />
  );
  // A waybill number typed before the courier is chosen: take the company the number identifies.
  const onWaybill = useCallback((r: ValidationResult) => {
    const code = detectedCourier(r);
    if (code) setForm((f) => (f.courier ? f : { ...f, courier: code }));
  }, []);
  const field = (k: keyof FormState & string, label: string, control: React.ReactNode, live: Parameters<typeof FormField>[0]['live'] = null, wide = false) => (
    <FormField
      name={k}
      label={label}
      live={live}
      value={String(form[k])}
      courier={k === 'waybillNo' ? form.courier : undefined}
      serverIssues={issuesByField.get(k)}
      wide={wide}
      onResult={k === 'waybillNo' ? onWaybill : undefined}
    >
      {control}
    </FormField>
  );

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    setOutcome(null);
    setEdited(new Set());
    try {
      setOutcome(await post<RegistrationResult>('/api/parcels', toParcelInput(form)));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setFailure(err);
    } finally {
      setBusy(false);
    }
  }

  function next() {
    setOutcome(null);
    setFailure(null);
    setForm((f) => ({ ...emptyForm(f.outlet, f.clerk, shanghaiLocalNow()), courier: f.courier }));
  }

  const categoryNames: CategoryNames = useMemo(() => new Map((meta.data?.prohibitedCategories ?? []).map((c) => [c.key, c])), [meta.data]);
  const couriers = meta.data?.couriers ?? [];
  const idTypes = idTypeCodes(meta.data);
  const natures = itemNatureCodes(meta.data);

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('register.title')}</h1>
      </div>
      <p className="muted">{t('register.intro')}</p>
      {meta.error && <ErrorNotice error={meta.error} onRetry={meta.reload} />}
      {outcome?.ok && <RegistrationOutcome result={outcome} names={categoryNames} onNext={next} />}
      {(failure || (outcome && !outcome.ok)) && (
        <div className="notice notice-error" role="alert" data-testid="register-failed">
          <strong>{t('register.fixErrors')}</strong>
          {failure && !failure.details.length && <div>{pick(failure.bilingual)}</div>}
          <ul>
            {[...(outcome?.errors ?? []), ...(failure?.details ?? [])].map((i, n) => (
              <li key={n}>
                {i.field ? t('register.fieldError', { field: fieldLabel(t, i.field), message: pick(i) }) : pick(i)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <form className="reg-form" onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('group.sender')}</legend>
          {field('senderName', t('field.senderName'), text('senderName'))}
          {field(
            'senderIdType',
            t('field.senderIdType'),
            <select id="f-senderIdType" name="senderIdType" value={form.senderIdType} onChange={(e) => set('senderIdType', e.target.value)}>
              {idTypes.map((c) => (
                <option key={c} value={c}>
                  {optionLabel(t, 'idType', c)}
                </option>
              ))}
            </select>,
          )}
          {field('senderIdNumber', t('field.senderIdNumber'), text('senderIdNumber'), liveIdKind(form.senderIdType))}
          {field('senderPhone', t('field.senderPhone'), text('senderPhone', { inputMode: 'tel' }), 'phone')}
          {field('senderAddress', t('field.senderAddress'), text('senderAddress'), 'address', true)}
        </fieldset>
        <fieldset>
          <legend>{t('group.receiver')}</legend>
          {field('receiverName', t('field.receiverName'), text('receiverName'))}
          {field('receiverPhone', t('field.receiverPhone'), text('receiverPhone', { inputMode: 'tel' }), 'phone')}
          {field('receiverAddress', t('field.receiverAddress'), text('receiverAddress'), 'address', true)}
        </fieldset>
        <fieldset>
          <legend>{t('group.item')}</legend>
          {field('itemName', t('field.itemName'), text('itemName'), null, true)}
          {field(
            'itemNature',
            t('field.itemNature'),
            <select id="f-itemNature" name="itemNature" value={form.itemNature} onChange={(e) => set('itemNature', e.target.value)}>
              {natures.map((c) => (
                <option key={c} value={c}>
                  {optionLabel(t, 'itemNature', c)}
                </option>
              ))}
            </select>,
          )}
          {field('itemQuantity', t('field.itemQuantity'), text('itemQuantity', { type: 'number', inputMode: 'numeric' }))}
          {field('weightGrams', t('field.weightGrams'), text('weightGrams', { type: 'number', inputMode: 'numeric' }))}
        </fieldset>
        <fieldset>
          <legend>{t('group.acceptance')}</legend>
          {field(
            'courier',
            t('field.courier'),
            <select id="f-courier" name="courier" value={form.courier} onChange={(e) => set('courier', e.target.value)}>
              <option value="">{t('register.select')}</option>
              {couriers.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name} ({c.code})
                </option>
              ))}
            </select>,
          )}
          {field('waybillNo', t('field.waybillNo'), text('waybillNo'), 'waybill')}
          {field('outlet', t('field.outlet'), text('outlet'))}
          {field('clerk', t('field.clerk'), text('clerk'))}
          {field('acceptedAt', t('field.acceptedAt'), text('acceptedAt', { type: 'datetime-local' }), 'date')}
          <div className="field field-check" data-field="inspected">
            <label>
              <input type="checkbox" name="inspected" checked={form.inspected} onChange={(e) => set('inspected', e.target.checked)} /> {t('field.inspected')}
            </label>
            <div className="field-msgs">
              {(issuesByField.get('inspected') ?? []).map((i) => (
                <div key={i.code} className="msg msg-error">
                  {pick(i)}
                </div>
              ))}
            </div>
          </div>
        </fieldset>
        <div className="form-actions">
          <button className="btn btn-primary" type="submit" disabled={busy}>
            {busy ? t('register.submitting') : t('register.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
