import { describe, expect, it } from 'vitest';
import { repairSources } from './sources.js';
import { contextOf, spanOf, wordsOf } from './test-support.js';

/** What the tagger marked, by words: the cue, the source (null: none) and the content. */
type Marked = [cue: string, source: string | null, content: string];

/** The source repairSources gives the marked attribution, as its words; null when it gives none. */
function repaired(text: string, [cue, source, content]: Marked): string | null {
  const c = contextOf(text);
  const a = {
    cue: spanOf(c, 'cue', cue),
    source: source === null ? null : spanOf(c, 'source', source),
    content: [spanOf(c, 'content', content)],
  };
  return wordsOf(c, repairSources(c, [a])[0].source);
}

describe('repairSources', () => {
  it('never gives a cue the name after "with" that speaks for the absolute phrase', () => {
    const text = 'Two neighbours criticised the plan, with Finance Minister Paul Meyer warning of costs.';
    expect(repaired(text, ['criticised', 'Finance Minister Paul Meyer', 'the plan']) ?? '').not.toMatch(
      /Meyer/,
    );
  });

  it('gives a lone "reportedly" no source: its subject is what the report is about', () => {
    const text = 'The Hartwell Group reportedly closed two of its printing plants last spring.';
    expect(
      repaired(text, ['reportedly', 'The Hartwell Group', 'closed two of its printing plants last spring']),
    ).toBeNull();
  });

  it('takes the person opening the phrase, not the employer after "of", before a parenthetical', () => {
    const text = 'Jeff Lane, president of Lane Works, a design agency in Boise, said the ad was bold.';
    expect(repaired(text, ['said', null, 'the ad was bold'])).toBe('Jeff Lane');
  });

  it('reads "Lane & Sons" as one name run before a parenthetical', () => {
    const text = 'Jeff Lane, president of Lane & Sons, a design agency in Boise, said the ad was bold.';
    expect(repaired(text, ['said', null, 'the ad was bold'])).toBe('Jeff Lane');
  });

  it('keeps a speaker after the cue whose relative clause has an auxiliary ("who has known")', () => {
    const text = 'The tower was a success, said Louise Marsh, who has known the builder for years.';
    expect(repaired(text, ['said', 'Louise Marsh, who', 'The tower was a success'])).toMatch(/^Louise Marsh/);
  });

  it('gives a passive cue its agent instead of the subject before it', () => {
    const text = 'The plan was criticized by the senator on Tuesday.';
    expect(repaired(text, ['was criticized', 'the plan', 'the plan'])).toMatch(/^the senator/);
  });

  it('drops a source of function words and takes the name next to the cue', () => {
    const text = 'Further, Ms. Okafor said the budget was too small.';
    expect(repaired(text, ['said', 'further', 'the budget was too small'])).toMatch(/Okafor$/);
  });

  it('takes the subject a second verb of saying shares with the first clause', () => {
    const text = 'She left the meeting early, but said the vote would go ahead.';
    expect(repaired(text, ['said', null, 'the vote would go ahead'])).toBe('She');
  });

  it('cuts a source that runs across a verb into "who" to the relative, the subject of the cue', () => {
    const text = 'Pell Toys raised its prices. She was one of three managers who said the plan would fail.';
    expect(repaired(text, ['said', 'She was one of three managers who', 'the plan would fail'])).toBe('who');
  });

  it('keeps a source whose relative has no verb before it ("those who")', () => {
    const text = 'Those who backed the plan said it would pass.';
    expect(repaired(text, ['said', 'Those who backed the plan', 'it would pass'])).toBe(
      'Those who backed the plan',
    );
  });
});
