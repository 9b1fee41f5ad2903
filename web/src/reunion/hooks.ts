/** React hooks of the reunion pages: the hash-route query, kept current on navigation. */
import { useEffect, useState } from 'react';
import { hashQuery } from './model.ts';

/** The query of the hash route (`?post=…&name=…`), updated on hashchange. */
export function useHashQuery(): Record<string, string> {
  const [q, setQ] = useState(() => hashQuery());
  useEffect(() => {
    const on = () => setQ(hashQuery());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return q;
}
