/**
 * Live validation as the clerk types: GET /api/validate/:kind?value&courier, debounced
 * 250 ms; the previous request is aborted when the value changes. Empty values are not sent.
 */
import { useEffect, useState } from 'react';
import { ApiError, get, type ValidationResult } from '../api.ts';

export type ValidateKind = 'id-number' | 'phone' | 'waybill' | 'date' | 'address';

export interface LiveState {
  readonly checking: boolean;
  readonly result: ValidationResult | null;
  readonly error: ApiError | null;
}

export const DEBOUNCE_MS = 250;

export function useLiveValidation(kind: ValidateKind | null, value: string, courier?: string): LiveState {
  const [state, setState] = useState<LiveState>({ checking: false, result: null, error: null });
  useEffect(() => {
    const v = value.trim();
    if (!kind || !v) {
      setState({ checking: false, result: null, error: null });
      return;
    }
    const ctrl = new AbortController();
    setState((s) => ({ ...s, checking: true }));
    const timer = setTimeout(() => {
      get<ValidationResult>(`/api/validate/${kind}`, { value: v, courier }, ctrl.signal)
        .then((result) => setState({ checking: false, result, error: null }))
        .catch((e: unknown) => {
          if ((e as Error).name === 'AbortError') return;
          setState({ checking: false, result: null, error: e instanceof ApiError ? e : null });
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [kind, value, courier]);
  return state;
}
