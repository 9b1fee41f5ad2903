/**
 * The form to attach an evidence item to the open case (POST …/items); the server answers with
 * the case view and its new report, which replaces the one shown.
 */
import { useState } from 'react';
import { ApiError, post } from '../api.ts';
import { useI18n } from '../i18n/index.ts';
import { ELEMENTS, EVIDENCE_KINDS, type Element, type EvidenceKind } from '../../../src/apps/evidence/types.ts';
import { emptyItemForm, FORM_FLAGS, itemFromForm, nextItemKey, type ItemFormState } from './itemForm.ts';
import { useEvidenceText, type EvidenceKey } from './i18n/messages.ts';
import type { CaseFileView } from './types.ts';

/** The attach-item form; `onAttached` receives the case view with the new report. */
export function AttachItemForm({ caseNo, keys, kinds, onAttached }: { caseNo: string; keys: readonly string[]; kinds: Readonly<Record<string, { zh: string; en: string }>>; onAttached: (v: CaseFileView) => void }) {
  const tx = useEvidenceText();
  const { lang, pick } = useI18n();
  const [s, setS] = useState<ItemFormState>(() => emptyItemForm(nextItemKey(keys), tx('store')));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const set = <K extends keyof ItemFormState>(k: K, v: ItemFormState[K]) => setS((x) => ({ ...x, [k]: v }));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    let body;
    try {
      body = itemFromForm(s, tx('scene'));
    } catch (err) {
      setMessage({ ok: false, text: `${(err as Error).message}?` });
      return;
    }
    try {
      const v = await post<CaseFileView>(`/api/evidence/cases/${encodeURIComponent(caseNo)}/items`, body);
      setMessage({ ok: true, text: tx('attached', { key: body.key }) });
      setS(emptyItemForm(nextItemKey(v.file.items.map((i) => i.key)), tx('store')));
      onAttached(v);
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiError ? [pick(err.bilingual), ...err.details.map((d) => pick(d))].join('；') : String(err) });
    }
  };

  const text = (k: 'key' | 'title' | 'topics' | 'collector' | 'place' | 'custodyTo' | 'weapon' | 'amount' | 'bac', label: EvidenceKey) => (
    <label>{tx(label)}<input name={k} value={s[k]} onChange={(e) => set(k, e.target.value)} /></label>
  );

  return (
    <form className="panel ev-attach no-print" data-testid="attach-form" onSubmit={(e) => void submit(e)}>
      <h2 className="panel-title">{tx('attach')}</h2>
      <div className="ev-grid">
        {text('key', 'itemKey')}
        <label>{tx('kind')}
          <select name="kind" value={s.kind} onChange={(e) => set('kind', e.target.value as EvidenceKind)}>
            {EVIDENCE_KINDS.map((k) => <option key={k} value={k}>{kinds[k] ? (lang === 'en' ? kinds[k]!.en : kinds[k]!.zh) : k}</option>)}
          </select>
        </label>
        {text('title', 'itemTitle')}
        {text('topics', 'topics')}
        {text('collector', 'collector')}
        {text('place', 'place')}
        <label>{tx('collectedAt')}<input type="datetime-local" name="collectedAt" value={s.collectedAt} onChange={(e) => set('collectedAt', e.target.value)} /></label>
        {text('custodyTo', 'custodyTo')}
        {text('weapon', 'weapon')}
        {text('amount', 'amount')}
        {text('bac', 'bac')}
      </div>
      <fieldset className="ev-checks">
        <legend>{tx('proves')}</legend>
        {ELEMENTS.map((el) => (
          <label key={el}><input type="checkbox" name={`proves-${el}`} checked={s.proves.includes(el)} onChange={(e) => set('proves', e.target.checked ? [...s.proves, el] : s.proves.filter((x: Element) => x !== el))} />{tx(`element.${el}` as EvidenceKey)}</label>
        ))}
      </fieldset>
      <fieldset className="ev-checks">
        <legend>{tx('formalities')}</legend>
        {FORM_FLAGS.map((f) => (
          <label key={f}><input type="checkbox" name={`flag-${f}`} checked={s.flags[f]} onChange={(e) => set('flags', { ...s.flags, [f]: e.target.checked })} />{tx(`form.${f}` as EvidenceKey)}</label>
        ))}
      </fieldset>
      {message && <div className={`notice ${message.ok ? 'notice-ok' : 'notice-error'}`} data-testid="attach-message">{message.text}</div>}
      <button type="submit" className="btn btn-primary">{tx('attachSubmit')}</button>
    </form>
  );
}
