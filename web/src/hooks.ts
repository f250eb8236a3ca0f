import { useEffect, useState } from 'preact/hooks';
import { getJson } from './api.js';

export type Load<T> = { state: 'loading' } | { state: 'error'; error: string } | { state: 'ok'; data: T };

/** Loads an API path; reloads when it changes; ignores answers to paths no longer wanted. */
export function useApi<T>(path: string | null): Load<T> {
  const [load, setLoad] = useState<Load<T>>({ state: 'loading' });
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setLoad({ state: 'loading' });
    getJson<T>(path).then(
      (data) => live && setLoad({ state: 'ok', data }),
      (err: unknown) =>
        live && setLoad({ state: 'error', error: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [path]);
  return load;
}
