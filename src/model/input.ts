/** The largest text analyze() accepts: far above any article, far below what would exhaust memory. */
export const MAX_TEXT_CHARS = 5_000_000;

/** A problem with the input itself, reported to the user in one line (no stack trace). */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Refuses text that is empty, too large or binary, with a message that says what and why. */
export function checkText(text: unknown): asserts text is string {
  if (typeof text !== 'string') throw new InputError(`expected text as a string, got ${typeof text}`);
  if (text.trim().length === 0) throw new InputError('the text is empty: nothing to analyse');
  if (text.length > MAX_TEXT_CHARS) {
    throw new InputError(
      `the text has ${text.length.toLocaleString('en')} characters, more than the limit of ${MAX_TEXT_CHARS.toLocaleString('en')}: split it into articles`,
    );
  }
  // Binary data shows as NUL bytes or a high share of control characters.
  let control = 0;
  const probe = Math.min(text.length, 65536);
  for (let i = 0; i < probe; i++) {
    const c = text.charCodeAt(i);
    if (c === 0)
      throw new InputError(
        `the input contains a NUL byte at offset ${i}: it looks like binary data, not text`,
      );
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  if (control > probe * 0.01 + 8) {
    throw new InputError(
      `the input has ${control} control characters in its first ${probe}: it looks like binary data, not text`,
    );
  }
}
