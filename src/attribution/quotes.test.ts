import { describe, expect, it } from 'vitest';
import type { Token } from '../model/index.js';
import { findQuotations, tokenize } from '../text/index.js';
import { quoteState } from './quotes.js';

const scanQuotes = (text: string, tokens: Token[]) => quoteState(tokens.length, findQuotations(text, tokens));

const insideText = (text: string) => {
  const tokens = tokenize(text);
  const q = scanQuotes(text, tokens);
  return { words: tokens.filter((_, i) => q.inside[i]).map((t) => text.slice(t.start, t.end)), q };
};

describe('quote scanning', () => {
  it('marks the words inside curly quotes', () => {
    expect(insideText('He said “we won” today.').words).toEqual(['we', 'won']);
  });

  it('decides straight quotes by their neighbours', () => {
    expect(insideText('He said "we won" and "they lost".').words).toEqual(['we', 'won', 'they', 'lost']);
  });

  it('leaves apostrophes alone', () => {
    const { words, q } = insideText('It’s Trump’s plan, isn’t it?');
    expect(words).toEqual([]);
    expect(q.messages).toEqual([]);
  });

  it('reports an opening quote left open at the end of the text', () => {
    const { q } = insideText('He said “we won.');
    expect(q.messages).toHaveLength(1);
    expect(q.messages[0]).toMatchObject({ origin: 'attribution:unclosed-quote', span: { start: 8, end: 9 } });
  });
});

describe('quote styles', () => {
  it('pairs a straight opening mark with a curly closing one', () => {
    const { words, q } = insideText('It would take "more hours” before details emerge.');
    expect(words).toEqual(['more', 'hours']);
    expect(q.messages).toEqual([]);
  });

  it('nests a curly quotation inside a straight one', () => {
    const { words, q } = insideText('Caddell said: "The issue is “very much” partisan." Then he left.');
    expect(words).toEqual(['The', 'issue', 'is', '“', 'very', 'much', '”', 'partisan', '.']);
    expect(q.messages).toEqual([]);
  });

  it('reads a closing mark that opens a paragraph as an opening one', () => {
    const { words, q } = insideText('Intro.\n\n”Fear. I am afraid,” she said.');
    expect(words).toEqual(['Fear', '.', 'I', 'am', 'afraid', ',']);
    expect(q.messages).toEqual([]);
  });

  it('reports the same style opening twice', () => {
    const { q } = insideText('He said “we won and “they lost” today.');
    expect(q.messages.map((m) => m.reason)).toEqual([
      'quote opened at offset 8 is not closed before another opens',
    ]);
  });
});
