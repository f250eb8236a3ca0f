import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Doc, Mention } from '../model/index.js';
import { emptyDoc, runStages } from '../pipeline/pipeline.js';
import { textStage } from '../text/index.js';
import { mentionsStage } from './index.js';
import { expectLinearGrowth } from '../util/__fixtures__/growth.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function mentionsOf(text: string): { doc: Doc; mentions: Mention[] } {
  const doc = runStages([textStage, mentionsStage], emptyDoc(text, {}));
  return { doc, mentions: [...doc.mentions] };
}

function expectValidSpans(text: string, mentions: readonly Mention[]): void {
  mentions.forEach((m, i) => {
    expect(m.id).toBe(`m${i + 1}`);
    expect(m.kind).toBe('name');
    expect(m.start).toBeLessThan(m.end);
    expect(text.slice(m.start, m.end)).toBe(m.text);
    // A name never starts or ends with white space.
    expect(m.text).toBe(m.text.trim());
    if (i > 0) expect(m.start).toBeGreaterThanOrEqual(mentions[i - 1].end);
  });
}

const has = (mentions: readonly Mention[], type: Mention['type'], text: string) =>
  mentions.some((m) => m.type === type && m.text === text);

describe('mentions stage on ordinary article text', () => {
  it("finds the seed article's people, organisations and places with exact spans", () => {
    const text = readFileSync(path.join(ROOT, 'test', 'fixtures', 'seed.txt'), 'utf8');
    const { mentions } = mentionsOf(text);
    expectValidSpans(text, mentions);
    for (const name of [
      'Mark Rutte',
      'Donald Trump',
      'Marco Rubio',
      'Volodymyr Zelenskyy',
      'Oleksandr Dubinsky',
    ]) {
      expect(has(mentions, 'PERSON', name), name).toBe(true);
    }
    // The short form, after the full name has been seen.
    expect(has(mentions, 'PERSON', 'Rutte')).toBe(true);
    expect(has(mentions, 'ORG', 'NATO')).toBe(true);
    for (const place of ['Ukraine', 'Russia', 'United States'])
      expect(has(mentions, 'LOC', place), place).toBe(true);
    // "Trump’s" is tagged as "Trump", without the clitic.
    const possessive = text.indexOf('Trump’s');
    expect(mentions.some((m) => m.start === possessive && m.text === 'Trump')).toBe(true);
  });

  it('handles apostrophes and diacritics inside and after names', () => {
    const text =
      "Sergei Lavrov's remarks in Moscow were criticised on Monday. Brian O'Neill, a spokesman for the European Union, said José Martínez of Reuters had seen the letter.";
    const { mentions } = mentionsOf(text);
    expectValidSpans(text, mentions);
    // The possessive clitic stays outside the name.
    expect(has(mentions, 'PERSON', 'Sergei Lavrov')).toBe(true);
    expect(has(mentions, 'PERSON', "Brian O'Neill")).toBe(true);
    expect(has(mentions, 'PERSON', 'José Martínez')).toBe(true);
    expect(has(mentions, 'LOC', 'Moscow')).toBe(true);
    expect(has(mentions, 'ORG', 'European Union')).toBe(true);
  });

  it('reads dotted acronyms and curly apostrophes as real text writes them', () => {
    const text = 'The U.S. ambassador met Ukraine’s president, Volodymyr Zelenskyy, in Kyiv on Tuesday.';
    const { mentions } = mentionsOf(text);
    expectValidSpans(text, mentions);
    expect(has(mentions, 'LOC', 'U.S.')).toBe(true);
    expect(has(mentions, 'LOC', 'Ukraine')).toBe(true);
    expect(has(mentions, 'PERSON', 'Volodymyr Zelenskyy')).toBe(true);
    expect(mentions.some((m) => m.text === 'Tuesday')).toBe(false);
  });
});

describe('honorifics', () => {
  it('keeps "Mr." and "Sen." outside the names they precede', () => {
    const text = 'On Monday, Mr. Quiros said that Sen. Elizabeth Warren and Mrs. Clinton had been told.';
    const { mentions } = mentionsOf(text);
    expectValidSpans(text, mentions);
    expect(has(mentions, 'PERSON', 'Quiros')).toBe(true);
    expect(has(mentions, 'PERSON', 'Elizabeth Warren')).toBe(true);
    expect(has(mentions, 'PERSON', 'Clinton')).toBe(true);
    expect(mentions.some((m) => /^(Mr|Sen|Mrs)\b/.test(m.text))).toBe(false);
  });
});

describe('mentions stage on unusual casing and scripts', () => {
  it('tags an all-caps headline from what the words usually are', () => {
    const text = 'GERMANY BEAT ITALY IN MUNICH AS KLINSMANN SCORES TWICE\nBerlin is quiet tonight.';
    const { mentions } = mentionsOf(text);
    expectValidSpans(text, mentions);
    expect(has(mentions, 'LOC', 'GERMANY')).toBe(true);
    expect(has(mentions, 'LOC', 'MUNICH')).toBe(true);
    expect(mentions.some((m) => m.text === 'BEAT' || m.text === 'TWICE' || m.text === 'SCORES')).toBe(false);
  });

  it('copes with text without capitals (few or no names, valid spans)', () => {
    const text =
      'angela merkel met emmanuel macron in paris on monday to talk about the european union budget.';
    const { mentions } = mentionsOf(text);
    expectValidSpans(text, mentions);
    expect(mentions.some((m) => ['met', 'to', 'talk', 'about', 'the', 'budget'].includes(m.text))).toBe(
      false,
    );
  });

  it('keeps working with Cyrillic and Arabic words inside English', () => {
    const text =
      'Foreign Minister Sergei Lavrov (Сергей Лавров) met Mohammed bin Salman (محمد بن سلمان) in Riyadh.';
    const { mentions } = mentionsOf(text);
    expectValidSpans(text, mentions);
    expect(has(mentions, 'PERSON', 'Sergei Lavrov')).toBe(true);
    expect(has(mentions, 'LOC', 'Riyadh')).toBe(true);
  });

  it('returns nothing for empty, blank, punctuation-only or binary input', () => {
    for (const text of ['', '   \n\n ', '!!! ??? ...', '\u0000\u0001\uFFFD\uD800 \u0007 ÿþ']) {
      const { mentions } = mentionsOf(text);
      expectValidSpans(text, mentions);
      expect(mentions.length).toBeLessThanOrEqual(1);
    }
  });

  it('tags 100,000 names in one document in linear time', async () => {
    const first = ['John', 'Mary', 'Ahmed', 'Olga', 'Li', 'Pierre', 'Ana', 'Kofi'];
    const last = ['Smith', 'Jones', 'Haddad', 'Petrova', 'Wei', 'Dubois', 'Silva', 'Annan'];
    const textOf = (n: number): string => {
      const parts: string[] = [];
      for (let i = 0; i < n; i++) parts.push(`${first[i % 8]} ${last[(i >> 3) % 8]}`);
      return `Those present were ${parts.join(', ')}.`;
    };
    const text = textOf(100_000);
    const { mentions } = await expectLinearGrowth((n) => mentionsOf(textOf(n)), 10_000);
    expect(mentions.length).toBeGreaterThan(50_000);
    // Spot-check spans across the document rather than all 100,000.
    expectValidSpans(text, mentions.slice(0, 200));
    for (const m of mentions.filter((_, i) => i % 997 === 0)) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});
