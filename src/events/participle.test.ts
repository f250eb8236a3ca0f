import { describe, expect, it } from 'vitest';
import { emptyDoc, runStages } from '../pipeline/pipeline.js';
import { textStage } from '../text/index.js';
import { mentionsStage } from '../mentions/index.js';
import { actorsStage } from '../actors/index.js';
import { participleModifier } from './participle.js';
import { prepareSentence } from './sentence.js';

function modifies(text: string, word: string): boolean {
  const doc = runStages([textStage, mentionsStage, actorsStage], emptyDoc(text, {}));
  const actors = new Map(doc.actors.map((a) => [a.id, a]));
  const s = prepareSentence(text, doc.sentences[0]!, doc.mentions, actors);
  return participleModifier(
    s,
    s.toks.findIndex((t) => t.lower === word),
  );
}

describe('participles that modify a noun (the noun is acted upon)', () => {
  it('after a counted or determined noun group, with no object', () => {
    expect(modifies('He was one of 20 students killed at the school.', 'killed')).toBe(true);
    expect(modifies('Two German soldiers were among 20 people killed in the attack.', 'killed')).toBe(true);
    expect(modifies('The parents of a soldier killed by a bomber spoke.', 'killed')).toBe(true);
  });
  it('before its noun', () => {
    expect(modifies('He flew home with another freed American.', 'freed')).toBe(true);
  });
  it("not a subject's own act", () => {
    expect(modifies('Secretary of State Hillary Clinton called for talks.', 'called')).toBe(false);
    expect(modifies('The army killed 20 students.', 'killed')).toBe(false);
    expect(modifies('Republicans protested outside the hall.', 'protested')).toBe(false);
  });
});
