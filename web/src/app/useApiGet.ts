/**
 * Load JSON from a GET endpoint for a page: `{ data, error, loading, reload }`. The request is
 * aborted when the query changes or the page unmounts, so a slow answer never overwrites a
 * newer one.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError, get } from '../api.ts';

type Query = Readonly<Record<string, string | number | undefined | null>>;

export interface Loaded<T> {
  readonly data: T | null;
  readonly error: ApiError | null;
  readonly loading: boolean;
  readonly reload: () => void;
}

export function useApiGet<T>(path: string, query?: Query): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(query ?? {});

  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    setError(null);
    get<T>(path, JSON.parse(key) as Query, ctrl.signal)
      .then((d) => {
        setData(d);
        setLoading(false);
      })
      .catch((e: unknown) => {
        if ((e as Error).name === 'AbortError') return;
        setError(e instanceof ApiError ? e : new ApiError(0, { code: 'CLIENT', message: String(e), messageEn: String(e) }));
        setLoading(false);
      });
    return () => ctrl.abort();
  }, [path, key, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}
