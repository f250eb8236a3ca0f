/** A mistake in how the command was called (exit code 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Writes to stdout respecting back-pressure, so a batch never buffers its whole output in memory. */
export function writeOut(chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = process.stdout.write(chunk, (err) => (err ? reject(err) : undefined));
    if (ok) resolve();
    else process.stdout.once('drain', () => resolve());
  });
}
