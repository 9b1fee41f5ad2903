/**
 * Register a newly missing child (a family post with the instant of loss, which drives the alert
 * radius): sex, name, 小名, birth date, time of loss (Beijing time), place (division code and
 * words), height, appearance, a contact (stored encrypted, masked everywhere), police case
 * number, and the family's consent per field — alerts carry only consented fields. Server
 * issues (REUNION_DATE_INVALID, REUNION_DIVISION_INVALID…) are shown under the form.
 */
import { useState, type FormEvent } from 'react';
import { ApiError, post as postApi } from '../api.ts';
import { shanghaiLocalNow, shanghaiLocalToIso } from '../app/format.ts';
import { useI18n } from '../i18n/index.ts';
import { useReunionText, type ReunionKey } from './i18n/messages.ts';
import type { ConsentField, PostView } from './types.ts';

const CONSENTABLE: readonly ConsentField[] = ['sex', 'name', 'nickname', 'birthDate', 'lossDate', 'lossPlace', 'heightCm', 'marks'];

/** The form; `onCreated` receives the created post (contacts masked). */
export function NewMissingForm({ onCreated }: { onCreated: (p: PostView) => void }) {
  const tx = useReunionText();
  const { pick } = useI18n();
  const [f, setF] = useState({ sex: 'male', name: '', nickname: '', birthDate: '', lostAt: shanghaiLocalNow(), divisionCode: '', placeText: '', heightCm: '', marks: '', contactName: '', contactRelation: '', contactPhone: '', policeCaseNo: '' });
  const [consent, setConsent] = useState<Record<ConsentField, boolean>>(() => Object.fromEntries(CONSENTABLE.map((c) => [c, false])) as Record<ConsentField, boolean>);
  const [error, setError] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const lostAt = shanghaiLocalToIso(f.lostAt);
    const body = {
      kind: 'familySearch', sex: f.sex,
      ...(f.name.trim() ? { name: f.name.trim() } : {}), ...(f.nickname.trim() ? { nickname: f.nickname.trim() } : {}),
      ...(f.birthDate.trim() ? { birthDate: f.birthDate.trim() } : {}),
      lostAt, lossDate: f.lostAt.slice(0, 10),
      lossPlace: { divisionCode: f.divisionCode.trim(), text: f.placeText.trim() },
      ...(f.heightCm.trim() ? { heightCm: Number(f.heightCm) } : {}),
      ...(f.marks.trim() ? { marks: { items: [], text: f.marks.trim() } } : {}),
      ...(f.contactName.trim() ? { contacts: [{ name: f.contactName.trim(), relation: f.contactRelation.trim(), ...(f.contactPhone.trim() ? { phone: f.contactPhone.trim() } : {}) }] } : {}),
      ...(f.policeCaseNo.trim() ? { policeCaseNo: f.policeCaseNo.trim() } : {}),
      consent,
    };
    try {
      const p = await postApi<PostView>('/api/reunion/posts', body);
      setCreated(p.id);
      onCreated(p);
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    }
  }

  const input = (k: keyof typeof f, label: ReunionKey, extra: Record<string, string> = {}) => (
    <label className="field">
      <span className="field-label">{tx(label)}</span>
      <input name={k} value={f[k]} onChange={set(k)} {...extra} />
    </label>
  );

  return (
    <form className="panel reu-form" onSubmit={submit} data-testid="new-missing-form">
      <h2 className="panel-title">{tx('newMissing')}</h2>
      <div className="reu-form-grid">
        <label className="field">
          <span className="field-label">{tx('sex')}</span>
          <select name="sex" value={f.sex} onChange={set('sex')}>
            <option value="male">{tx('sex.male')}</option>
            <option value="female">{tx('sex.female')}</option>
          </select>
        </label>
        {input('name', 'childName')}
        {input('nickname', 'nickname')}
        {input('birthDate', 'birthDate', { placeholder: '2020-05-01' })}
        {input('lostAt', 'lostAtLocal', { type: 'datetime-local', required: 'required' })}
        {input('divisionCode', 'divisionCode', { pattern: '\\d{6}', required: 'required', placeholder: '510106' })}
        {input('placeText', 'placeText')}
        {input('heightCm', 'heightCm', { inputMode: 'numeric' })}
        {input('marks', 'marksText')}
        {input('policeCaseNo', 'policeCaseNo')}
        {input('contactName', 'contactName')}
        {input('contactRelation', 'contactRelation')}
        {input('contactPhone', 'contactPhone', { inputMode: 'tel' })}
      </div>
      <fieldset className="reu-consent">
        <legend>{tx('consent')}</legend>
        {CONSENTABLE.map((c) => (
          <label key={c}>
            <input type="checkbox" name={`consent-${c}`} checked={consent[c]} onChange={(e) => setConsent((x) => ({ ...x, [c]: e.target.checked }))} />
            {tx(c === 'name' ? 'fieldName' : c)}
          </label>
        ))}
      </fieldset>
      <div className="muted small">{tx('newMissingNote')}</div>
      {error && (
        <div className="notice notice-error" role="alert">
          {error.details.length ? error.details.map((d, i) => <div key={i}>{pick(d)}</div>) : pick(error.bilingual)} <code className="code">{error.code}</code>
        </div>
      )}
      {created && <div className="notice notice-ok" data-testid="created">{tx('registered', { id: created })}</div>}
      <div className="form-actions"><button type="submit" className="btn btn-primary">{tx('register')}</button></div>
    </form>
  );
}
