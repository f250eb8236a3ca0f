import { describe, expect, it } from 'vitest';
import { tagRange, type Tagged } from './tagger.js';
import { matchAt, vocab, type VocabularyMatch } from './vocabulary.js';

/**
 * The search matchAt replaced, kept as the reference: grow the candidate as a string, a word at a
 * time, while some entry (lower-cased) starts with it; keep the longest entry it equals.
 */
function referenceMatch(text: string, toks: readonly Tagged[], i: number): VocabularyMatch | undefined {
  const v = vocab();
  const sorted = [...new Set([...v.exact.keys(), ...v.lower.keys()].map((k) => k.toLowerCase()))].sort();
  const first = toks[i]!;
  if (!v.firstWords.has(first.lower.split(/[\s.'’-]/)[0]!)) return undefined;
  if (first.lower === 'the' && !/^\p{Lu}/u.test(toks[i + 1]?.text ?? '')) return undefined;
  let best: VocabularyMatch | undefined;
  let s = '';
  for (let j = i + 1; j <= Math.min(toks.length, i + 12); j++) {
    const t = toks[j - 1]!;
    const gap = j === i + 1 ? '' : text ? text.slice(toks[j - 2]!.end, t.start) : ' ';
    s += (/\s/.test(gap) ? ' ' : gap) + t.text;
    const lower = s.toLowerCase();
    if (!sorted.some((e) => e.startsWith(lower))) break;
    const named = v.exact.get(s);
    const e = named ?? v.lower.get(lower);
    if (e) best = { ...e, i, j, ...(named ? { name: true } : {}) };
  }
  return best;
}

describe('actor vocabulary matches', () => {
  it('are those of growing the candidate as a string, at every token', () => {
    const texts = [
      'The United States and the U.S.-led coalition met al-Qaeda’s leaders in The Hague.',
      "Iranian  officials,\nthe Kremlin and Côte d’Ivoire’s police said the State Department's envoy left.",
      'He told them that the UN Security Council and NATO-member Norway, not Moscow, would act.',
      'Senior Hungarian and Romanian officials; the Democratic Republic of Congo; São Tomé and Príncipe.',
    ];
    for (const text of texts) {
      const toks = tagRange(text, 0, text.length);
      for (let i = 0; i < toks.length; i++) {
        const got = matchAt(text, toks, i);
        expect(got, `${text} @${toks[i]!.text}`).toEqual(referenceMatch(text, toks, i));
        expect(matchAt('', toks, i)).toEqual(referenceMatch('', toks, i));
      }
    }
    // The texts do reach the vocabulary.
    const toks = tagRange(texts[0]!, 0, texts[0]!.length);
    expect(toks.map((_, i) => matchAt(texts[0]!, toks, i)).filter(Boolean).length).toBeGreaterThan(3);
  });
});
