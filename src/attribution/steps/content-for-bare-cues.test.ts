import { describe, expect, it } from 'vitest';
import { contentForBareCues, nearestSource } from './content-for-bare-cues.js';
import { contextOf, show, spanOf } from './test-support.js';

describe('contentForBareCues', () => {
  it('gives a speech cue the tagger left without content the rest of its sentence', () => {
    const c = contextOf('Mr. Clarke said the plan would fail.');
    const bare = { ...c, spans: [spanOf(c, 'source', 'Mr. Clarke'), spanOf(c, 'cue', 'said')] };
    const [a] = contentForBareCues(bare, []);
    expect(show(c, [a])[0]).toMatch(/^Mr\. Clarke \| said \| the plan would fail/);
  });

  it('leaves a bare cue that is no verb of saying alone', () => {
    const c = contextOf('Mr. Clarke built the plan last year.');
    const bare = { ...c, spans: [spanOf(c, 'cue', 'built')] };
    expect(contentForBareCues(bare, [])).toEqual([]);
  });

  it('takes the tagged source right next to the cue, in its sentence only', () => {
    const c = contextOf('Mr. Clarke said so.');
    const source = spanOf(c, 'source', 'Mr. Clarke');
    const cue = spanOf(c, 'cue', 'said');
    const at = new Map([
      [source.from, source],
      [source.to - 1, source],
    ]);
    expect(nearestSource(at, cue, c.tagged.sentence)).toBe(source);
    expect(nearestSource(new Map(), cue, c.tagged.sentence)).toBeNull();
  });
});
