/** Display formats shared by the pages. */

/** An ISO instant shown in Asia/Shanghai local time (the platform's zone), e.g. 2026-11-11 09:30. */
export function formatInstant(iso: string, lang: 'zh-CN' | 'en'): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-CA' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(d);
}

/**
 * The current time in Asia/Shanghai as a `datetime-local` input value 'YYYY-MM-DDTHH:mm'.
 * `now` is injectable for tests.
 */
export function shanghaiLocalNow(now: Date = new Date()): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  const hour = parts.hour === '24' ? '00' : parts.hour;
  return `${parts.year}-${parts.month}-${parts.day}T${hour}:${parts.minute}`;
}

/**
 * A `datetime-local` value read as Asia/Shanghai local time → ISO instant with offset, as
 * ParcelInput.acceptedAt expects: '2026-11-11T09:30' → '2026-11-11T09:30:00+08:00'.
 * China has used UTC+8 without daylight saving since 1991, so the offset is fixed.
 */
export function shanghaiLocalToIso(local: string): string {
  if (!local) return '';
  const withSeconds = /T\d{2}:\d{2}$/.test(local) ? `${local}:00` : local;
  return `${withSeconds}+08:00`;
}
