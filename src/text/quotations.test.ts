import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findQuotations, quotedTokens, textStage, tokenize } from './index.js';
import { emptyDoc } from '../pipeline/pipeline.js';

const quotations = (text: string) => findQuotations(text, tokenize(text));
/** Each quotation as `depth:open…close/ended` over its text. */
const brief = (text: string) =>
  quotations(text).map(
    (q) => `${q.depth}:${q.open?.text ?? ''}${q.text}${q.close?.text ?? ''}${q.ended ? `/${q.ended}` : ''}`,
  );

describe('quotations', () => {
  it('spans a quotation from its opening to its closing mark, with both characters', () => {
    const text = 'Ana said “we won” and left.';
    const [q] = quotations(text);
    expect(q).toMatchObject({ text: '“we won”', depth: 0, open: { text: '“' }, close: { text: '”' } });
    expect(text.slice(q.start, q.end)).toBe(q.text);
    expect(text.slice(q.open!.start, q.open!.end)).toBe('“');
    expect(
      tokenize(text)
        .slice(q.tokenStart, q.tokenEnd)
        .map((t) => text.slice(t.start, t.end)),
    ).toEqual(['“', 'we', 'won', '”']);
  });

  it('nests a quotation of the other style and pairs mixed marks', () => {
    expect(
      brief('He said: "The plan is “very much” alive." Then he left.').map((s) => s.slice(0, 3)),
    ).toEqual(['0:"', '1:“']);
    expect(quotations('It would take "more hours” today.')[0]).toMatchObject({
      open: { text: '"' },
      close: { text: '”' },
    });
  });

  it('says how a quotation without a closing mark ends', () => {
    expect(quotations('Intro.\n\n“One part.\n\n“Two parts.”')[0]).toMatchObject({ ended: 'continued' });
    expect(quotations('He said “we won.\n\nThen he left.')[0]).toMatchObject({ ended: 'unclosed' });
    expect(quotations('He said “we won and “they lost” today.')[0]).toMatchObject({ ended: 'reopened' });
  });

  it('takes a left mark after a word and before a space as closing', () => {
    const closed = (text: string) =>
      quotations(text).map((q) => `${q.text}${q.open && q.close ? '' : '/unpaired'}`);
    expect(closed('It was “abhorrent“ in a tweet.')).toEqual(['“abhorrent“']);
    expect(closed('„Wir haben gewonnen“, sagte sie.')).toEqual(['„Wir haben gewonnen“']);
    expect(closed('“It’s unusual,“ said Ana.')).toEqual(['“It’s unusual,“']);
    expect(closed('He said “we won” and “they lost”.')).toEqual(['“we won”', '“they lost”']);
  });

  it('keeps a closing mark that closes nothing, without an opening mark', () => {
    const [q] = quotations('He left” today.');
    expect(q.open).toBeUndefined();
    expect(q).toMatchObject({ text: '”', close: { text: '”' } });
  });

  it('leaves apostrophes and single quotes alone', () => {
    expect(quotations('It’s Trump’s plan, isn’t it? The ‘new’ deal.')).toEqual([]);
  });

  it('marks the words of closed quotations as quoted, not those of unclosed ones', () => {
    const text = 'Ana said “we won” and “they';
    const tokens = tokenize(text);
    const inside = quotedTokens(tokens.length, findQuotations(text, tokens));
    expect(tokens.filter((_, i) => inside[i]).map((t) => text.slice(t.start, t.end))).toEqual(['we', 'won']);
  });

  it('marks the closed quotations inside an unclosed one as quoted', () => {
    const text = '"Ana said “we won” and left.\n\nThen';
    const tokens = tokenize(text);
    const words = (inside: Uint8Array) =>
      tokens.filter((_, i) => inside[i]).map((t) => text.slice(t.start, t.end));
    const found = findQuotations(text, tokens);
    expect(words(quotedTokens(tokens.length, found))).toEqual(['we', 'won']);
    expect(words(quotedTokens(tokens.length, found, { unclosed: true }))).toEqual([
      ...['Ana', 'said', '“', 'we', 'won', '”', 'and', 'left', '.'],
    ]);
  });

  it('is a layer of the text stage', () => {
    const out = textStage.run(emptyDoc('She said “yes”.', {}));
    expect(out.quotations?.map((q) => q.text)).toEqual(['“yes”']);
  });
});

describe('quotations of any text', () => {
  it('keep the span contract, in token order, every mark inside its quotation', () => {
    const piece = fc.constantFrom(
      '"',
      '“',
      '”',
      '«',
      '»',
      '„',
      "'",
      '’',
      ' ',
      '\n',
      '\n\n',
      'we',
      ',',
      '.',
      '(',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const tokens = tokenize(text);
        let last = -1;
        for (const q of findQuotations(text, tokens)) {
          expect(text.slice(q.start, q.end)).toBe(q.text);
          expect(q.tokenStart).toBeGreaterThan(last);
          last = q.tokenStart;
          expect(q.open ?? q.close).toBeDefined();
          for (const mark of [q.open, q.close]) {
            if (!mark) continue;
            expect(text.slice(mark.start, mark.end)).toBe(mark.text);
            expect(q.start <= mark.start && mark.end <= q.end).toBe(true);
          }
          expect(q.depth).toBeLessThanOrEqual(2);
        }
      }),
    );
  });
});
