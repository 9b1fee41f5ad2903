/** The language switch (中文 / English); the choice is kept in localStorage. */
import { useI18n, type Lang } from '../i18n/index.ts';

const labels: ReadonlyArray<[Lang, string]> = [
  ['zh-CN', '中文'],
  ['en', 'English'],
];

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('app.language')}>
      {labels.map(([code, label]) => (
        <button key={code} type="button" className={code === lang ? 'active' : ''} aria-pressed={code === lang} onClick={() => setLang(code)}>
          {label}
        </button>
      ))}
    </div>
  );
}
