/** A worker thread's failure as data: an Error's class does not survive the thread boundary. */
export interface WorkerFailure {
  ok: false;
  name: string;
  message: string;
  retryAfterSeconds?: number;
}

export function failureOf(err: unknown): WorkerFailure {
  const e = err instanceof Error ? err : new Error(String(err));
  const retry = (e as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  return {
    ok: false,
    name: e.name,
    message: e.message,
    ...(typeof retry === 'number' ? { retryAfterSeconds: retry } : {}),
  };
}
