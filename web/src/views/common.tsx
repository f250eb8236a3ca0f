import type { ComponentChildren } from 'preact';
import type { Load } from '../hooks.js';

/** Every view names its JSON twin: the same data, straight from the API. */
export function ApiLink({ path }: { path: string }) {
  return (
    <a class="api-link" href={path} target="_blank" rel="noopener">
      JSON: {path}
    </a>
  );
}

export function Loaded<T>({ load, children }: { load: Load<T>; children: (data: T) => ComponentChildren }) {
  if (load.state === 'loading') return <p class="muted">Loading…</p>;
  if (load.state === 'error') return <p class="error">Error: {load.error}</p>;
  return <>{children(load.data)}</>;
}

export function day(iso: string | null): string {
  return iso ? iso.slice(0, 10) : '—';
}
