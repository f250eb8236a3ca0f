import { describe, expect, it } from 'vitest';
import { emptyDoc, runStages } from '../pipeline/pipeline.js';
import { textStage } from '../text/index.js';
import { mentionsStage } from '../mentions/index.js';
import { actorsStage } from '../actors/index.js';
import { passiveVoice } from './roles.js';
import type { Decoded } from './decode.js';
import { prepareSentence, type PreparedSentence } from './sentence.js';

function sentence(text: string): PreparedSentence {
  const doc = runStages([textStage, mentionsStage, actorsStage], emptyDoc(text, {}));
  const actors = new Map(doc.actors.map((a) => [a.id, a]));
  return prepareSentence(text, doc.sentences[0]!, doc.mentions, actors);
}

/** The decoded trigger `word` with tagged source and target ranges, after the passive rule. */
function passive(s: PreparedSentence, word: string, source?: [number, number], target?: [number, number]) {
  const c = s.candidates.find((x) => s.toks[x.i]!.lower === word)!;
  expect(c.modality.passive).toBe(true);
  const d: Decoded = {
    c,
    type: 'YIELD',
    margin: 1,
    ...(source ? { source } : {}),
    ...(target ? { target } : {}),
  };
  passiveVoice(s, d);
  const words = (r?: [number, number]) =>
    r
      ? s.toks
          .slice(r[0], r[1])
          .map((t) => t.text)
          .join(' ')
      : '';
  return { source: words(d.source), target: words(d.target) };
}

describe('passive voice', () => {
  const s = sentence('Two fishermen were released by the Indian navy on Monday.');
  const subject: [number, number] = [0, 2];
  const agent: [number, number] = [5, 8];

  it('takes the "by" phrase as the source when the tagger marked none', () => {
    expect(passive(s, 'released', undefined, subject)).toEqual({
      source: 'the Indian navy',
      target: 'Two fishermen',
    });
  });

  it('makes the subject the target when the tagger took the "by" phrase for it', () => {
    expect(passive(s, 'released', subject, agent)).toEqual({
      source: 'the Indian navy',
      target: 'Two fishermen',
    });
  });

  it('codes no source when the tagger marked only the "by" phrase, as the target', () => {
    expect(passive(s, 'released', undefined, agent)).toEqual({ source: '', target: 'the Indian navy' });
  });
});
