import { describe, expect, it } from 'vitest';
import { paraphrase, vectorRows } from './paraphrase.js';
import { matchingSpeaker } from './speaker.js';
import { matchable, profile, shippedModel, Vocabulary } from './similarity.js';
import type { Report } from './types.js';

describe('the speaker as the matcher compares it', () => {
  it('reads a description as no name', () => {
    expect(matchingSpeaker('The Romanian hacker', '2016-05-01')).toBeNull();
    expect(matchingSpeaker('a group of Republicans', '2016-05-01')).toBeNull();
    expect(matchingSpeaker('Ludwig van Beethoven', '2016-05-01')).toBe('Ludwig van Beethoven');
  });
  it('credits a spokesperson or office to the principal, only in its period', () => {
    expect(matchingSpeaker('James Comey', '2016-07-06')).toBe('Federal Bureau of Investigation');
    expect(matchingSpeaker('James Comey', '2018-01-01')).toBe('James Comey');
    expect(matchingSpeaker('Senate Majority Leader', '2016-03-01')).toBe('Mitch McConnell');
    expect(matchingSpeaker('Maria Lopez', '2016-03-01')).toBe('Maria Lopez');
    expect(matchingSpeaker(null, '2016-03-01')).toBeNull();
  });
});

describe('paraphrase similarity', () => {
  const side = (ws: string[]) => ({ words: ws, weights: ws.map(() => 1), rows: vectorRows(ws) });
  it('counts a word of like meaning, not an unrelated one', () => {
    const same = paraphrase(side(['tax', 'rise']), side(['tax', 'rise']));
    const like = paraphrase(side(['tax', 'rise']), side(['tax', 'increase']));
    const other = paraphrase(side(['tax', 'rise']), side(['tax', 'banana']));
    expect(same).toBe(1);
    expect(like).toBeGreaterThan(0.7);
    expect(like).toBeLessThan(1);
    expect(other).toBeLessThan(like);
  });
});

describe('matchable reports', () => {
  const report = (content: string, cue = 'a swipe against'): Report => ({
    id: 'a#E1',
    article: 'a',
    published: '2016-03-01',
    ingestOrder: 0,
    speaker: 'Maria Lopez',
    cue: [{ start: 0, end: cue.length, text: cue }],
    content: [{ start: cue.length + 1, end: cue.length + 1 + content.length, text: content }],
    form: 'indirect',
  });
  const can = (content: string, cue?: string) =>
    matchable(shippedModel(), profile(report(content, cue), new Vocabulary()));
  it('refuses a content that only names someone', () => {
    expect(can('Green Party front-runner Tom Berg Junior')).toBe(false);
    expect(can('the ferry fares will rise in autumn')).toBe(true);
    // A headline capitalises every word, its cue too: not a name.
    expect(can('Ferry Fares Will Rise In Autumn', 'Mayor Says')).toBe(true);
  });
});
