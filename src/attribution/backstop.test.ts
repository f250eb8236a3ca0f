import { describe, expect, it } from 'vitest';
import { splitSentences, tokenize } from '../text/index.js';
import { isPassiveCue, orphanContent, passiveAgent } from './backstop.js';
import { cueLexicon } from './lexicon.js';
import type { RoleSpan } from './link.js';

/** isPassiveCue on the cue `cueText` inside `text`. */
function passive(text: string, cueText: string): boolean {
  const tokens = tokenize(text);
  const [sentence] = splitSentences(text, tokens);
  const start = text.indexOf(cueText);
  const from = tokens.findIndex((t) => t.start === start);
  const to = tokens.findIndex((t) => t.end === start + cueText.length) + 1;
  const cue: RoleSpan = { role: 'cue', from, to };
  return isPassiveCue(text, tokens, cue, sentence, cueLexicon());
}

describe('passive cues', () => {
  it('recognises "be" + participle, with auxiliaries and adverbs between or before the cue', () => {
    expect(passive('Mr. Quiros was accused of using the money.', 'was accused of')).toBe(true);
    expect(passive('He has been harshly criticized for his policies.', 'criticized')).toBe(true);
    expect(passive('North Korea is not thought to be capable of it.', 'is not thought')).toBe(true);
  });

  it('does not take active cues for passive ones', () => {
    expect(passive('Trump said he would win.', 'said')).toBe(false);
    expect(passive('She has repeatedly warned that prices would rise.', 'warned')).toBe(false);
    expect(passive('The senator is arguing that the bill fails.', 'is arguing')).toBe(false);
  });
});

/** The content orphanContent gives the cue `cueText` (and source `sourceText`) of `text`, as text. */
function orphan(text: string, cueText: string, sourceText?: string): string[] {
  const tokens = tokenize(text);
  const [sentence] = splitSentences(text, tokens);
  const spanOf = (s: string, role: RoleSpan['role']): RoleSpan => {
    const start = text.indexOf(s);
    const from = tokens.findIndex((t) => t.start === start);
    const to = tokens.findIndex((t) => t.end === start + s.length) + 1;
    return { role, from, to };
  };
  const source = sourceText ? spanOf(sourceText, 'source') : null;
  return orphanContent(text, tokens, spanOf(cueText, 'cue'), source, sentence).map((c) =>
    text.slice(tokens[c.from].start, tokens[c.to - 1].end),
  );
}

describe('content of a cue the tagger left without one', () => {
  it('takes the sentence around a frame set off by commas', () => {
    expect(
      orphan(
        'Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt in 1999.',
        'said',
        'Mr. Clarke',
      ),
    ).toEqual(['Lenox was a juggernaut', 'until it went bankrupt in 1999']);
    expect(
      orphan('The campaign changed course at the last minute, sources said.', 'said', 'sources'),
    ).toEqual(['The campaign changed course at the last minute']);
  });

  it('takes the complement of a cue that opens the clause', () => {
    expect(orphan('Mr. Clarke said he began working there in 1980.', 'said', 'Mr. Clarke')).toEqual([
      'he began working there in 1980',
    ]);
  });

  it('gives nothing when there is no clause to report', () => {
    expect(orphan('Yes, he said.', 'said', 'he')).toEqual([]);
    expect(orphan('He said so.', 'said', 'He')).toEqual([]);
  });
});

describe('the agent of a passive cue', () => {
  const agent = (text: string, cueText: string) => {
    const tokens = tokenize(text);
    const [sentence] = splitSentences(text, tokens);
    const start = text.indexOf(cueText);
    const from = tokens.findIndex((t) => t.start === start);
    const to = tokens.findIndex((t) => t.end === start + cueText.length) + 1;
    const a = passiveAgent(text, tokens, { role: 'cue', from, to }, sentence);
    return a ? text.slice(tokens[a.from].start, tokens[a.to - 1].end) : null;
  };

  it('takes the noun phrase after "by", inside or right after the cue', () => {
    expect(agent('His views were echoed by a number of tax experts.', 'were echoed')).toBe(
      'a number of tax experts',
    );
    expect(agent('The song was written by Springsteen after the shooting.', 'was written by')).toBe(
      'Springsteen',
    );
  });

  it('gives nothing without an agent', () => {
    expect(agent('Mr. Quiros was accused of fraud.', 'was accused of')).toBeNull();
  });
});
