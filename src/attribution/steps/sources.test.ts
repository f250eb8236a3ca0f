import { describe, expect, it } from 'vitest';
import { repairSources } from './sources.js';
import { contextOf, spanOf, wordsOf } from './test-support.js';

describe('repairSources', () => {
  it('never gives a cue the name after "with" that speaks for the absolute phrase', () => {
    const c = contextOf(
      'Two neighbours criticised the plan, with Finance Minister Paul Meyer warning of costs.',
    );
    const a = {
      cue: spanOf(c, 'cue', 'criticised'),
      source: spanOf(c, 'source', 'Finance Minister Paul Meyer'),
      content: [spanOf(c, 'content', 'the plan')],
    };
    expect(wordsOf(c, repairSources(c, [a])[0].source) ?? '').not.toMatch(/Meyer/);
  });

  it('gives a lone "reportedly" no source: its subject is what the report is about', () => {
    const c = contextOf('The Hartwell Group reportedly closed two of its printing plants last spring.');
    const a = {
      cue: spanOf(c, 'cue', 'reportedly'),
      source: spanOf(c, 'source', 'The Hartwell Group'),
      content: [spanOf(c, 'content', 'closed two of its printing plants last spring')],
    };
    expect(repairSources(c, [a])[0].source).toBeNull();
  });

  it('takes the person opening the phrase, not the employer after "of", before a parenthetical', () => {
    const c = contextOf(
      'Jeff Lane, president of Lane Works, a design agency in Boise, said the ad was bold.',
    );
    const a = {
      cue: spanOf(c, 'cue', 'said'),
      source: null,
      content: [spanOf(c, 'content', 'the ad was bold')],
    };
    expect(wordsOf(c, repairSources(c, [a])[0].source)).toBe('Jeff Lane');
  });

  it('reads "Lane & Sons" as one name run before a parenthetical', () => {
    const c = contextOf(
      'Jeff Lane, president of Lane & Sons, a design agency in Boise, said the ad was bold.',
    );
    const a = {
      cue: spanOf(c, 'cue', 'said'),
      source: null,
      content: [spanOf(c, 'content', 'the ad was bold')],
    };
    expect(wordsOf(c, repairSources(c, [a])[0].source)).toBe('Jeff Lane');
  });

  it('keeps a speaker after the cue whose relative clause has an auxiliary ("who has known")', () => {
    const c = contextOf('The tower was a success, said Louise Marsh, who has known the builder for years.');
    const a = {
      cue: spanOf(c, 'cue', 'said'),
      source: spanOf(c, 'source', 'Louise Marsh, who'),
      content: [spanOf(c, 'content', 'The tower was a success')],
    };
    expect(wordsOf(c, repairSources(c, [a])[0].source)).toMatch(/^Louise Marsh/);
  });

  it('gives a passive cue its agent instead of the subject before it', () => {
    const c = contextOf('The plan was criticized by the senator on Tuesday.');
    const a = {
      cue: spanOf(c, 'cue', 'was criticized'),
      source: spanOf(c, 'source', 'the plan'),
      content: [spanOf(c, 'content', 'the plan')],
    };
    expect(wordsOf(c, repairSources(c, [a])[0].source)).toMatch(/^the senator/);
  });

  it('drops a source of function words and takes the name next to the cue', () => {
    const c = contextOf('Further, Ms. Okafor said the budget was too small.');
    const a = {
      cue: spanOf(c, 'cue', 'said'),
      source: spanOf(c, 'source', 'further'),
      content: [spanOf(c, 'content', 'the budget was too small')],
    };
    expect(wordsOf(c, repairSources(c, [a])[0].source)).toMatch(/Okafor$/);
  });

  it('takes the subject a second verb of saying shares with the first clause', () => {
    const c = contextOf('She left the meeting early, but said the vote would go ahead.');
    const a = {
      cue: spanOf(c, 'cue', 'said'),
      source: null,
      content: [spanOf(c, 'content', 'the vote would go ahead')],
    };
    expect(wordsOf(c, repairSources(c, [a])[0].source)).toBe('She');
  });
  it('cuts a source that runs across a verb into "who" to the relative, the subject of the cue', () => {
    const c = contextOf(
      'Pell Toys raised its prices. She was one of three managers who said the plan would fail.',
    );
    const a = {
      cue: spanOf(c, 'cue', 'said'),
      source: spanOf(c, 'source', 'She was one of three managers who'),
      content: [spanOf(c, 'content', 'the plan would fail')],
    };
    expect(wordsOf(c, repairSources(c, [a])[0].source)).toBe('who');
  });

  it('keeps a source whose relative has no verb before it ("those who")', () => {
    const c = contextOf('Those who backed the plan said it would pass.');
    const a = {
      cue: spanOf(c, 'cue', 'said'),
      source: spanOf(c, 'source', 'Those who backed the plan'),
      content: [spanOf(c, 'content', 'it would pass')],
    };
    expect(wordsOf(c, repairSources(c, [a])[0].source)).toBe('Those who backed the plan');
  });
});
