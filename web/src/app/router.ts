/**
 * Hash routing (`#/parcels/dashboard`): works behind any static server and needs no server
 * fallback. `useRoute` re-renders on hashchange; `navigate` changes the hash; `useHashQuery`
 * reads the query after the path (`#/disputes?appeal=…`).
 */
import { useEffect, useState } from 'react';

/** The current route path, e.g. '/parcels/register' ('' for none). */
export function currentPath(): string {
  const h = window.location.hash.replace(/^#/, '');
  return h.split('?')[0] ?? '';
}

/** Go to a path (pushes a history entry). */
export function navigate(path: string): void {
  if (currentPath() !== path) window.location.hash = path;
}

/** A value read from the location hash, read again at every hash change. */
function useHashValue<T>(read: () => T): T {
  const [value, setValue] = useState(read);
  useEffect(() => {
    const on = () => setValue(read);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, [read]);
  return value;
}

const readQuery = () => new URLSearchParams(window.location.hash.split('?')[1] ?? '');

/** The current route path, updated on navigation. */
export function useRoute(): string {
  return useHashValue(currentPath);
}

/** The query of the hash route (`#/evidence?case=C-1` → case=C-1), updated on navigation. */
export function useHashQuery(): URLSearchParams {
  return useHashValue(readQuery);
}
