import { describe, expect, it } from 'vitest';
import { textStage } from '../text/index.js';
import { emptyDoc } from '../pipeline/pipeline.js';
import type { Event } from '../model/index.js';
import { mentionsStage } from '../mentions/index.js';
import { actorsStage } from '../actors/index.js';
import { runStages } from '../pipeline/pipeline.js';
import { codeEvents } from './coder.js';
import { wordKnowledge } from './knowledge.js';

/** The coder alone (no NER or actors layers): its fallback vocabulary names the countries. */
function code(text: string): Event[] {
  const layers = textStage.run(emptyDoc(text, {}));
  return codeEvents({ text, sentences: layers.sentences ?? [], mentions: [], actors: [], attributions: [] });
}
const codes = (text: string) => code(text).map((e) => `${e.cameo} ${e.trigger.text}`);

describe('acts composed by CAMEO grammar (compose.ts)', () => {
  it('an intent over a dictionary-coded act is an intent to cooperate, triggered by the control word', () => {
    const e = code('Germany has expressed its readiness to support Poland in the talks.').find((x) =>
      x.cameo.startsWith('03'),
    );
    expect(e).toMatchObject({ trigger: { text: 'readiness' }, source: { code: 'DEU' } });
  });
  it('an aspectual verb does the act its object names again, coded by the dictionary patterns', () => {
    const renewed = code('Germany and Poland renewed negotiations.').find(
      (x) => x.trigger.text === 'renewed',
    );
    expect(renewed).toMatchObject({ cameo: '046', reciprocal: true });
    expect(renewed?.participants?.map((p) => p.code)).toEqual(['DEU', 'POL']);
    // Stated as future, the intent to do it; stated as possible, nothing.
    expect(codes('Germany will resume aid to Poland.')).toContain('033 resume');
    expect(codes('Germany may renew negotiations with Poland.').filter((c) => c.endsWith('renew'))).toEqual(
      [],
    );
  });
  it('a negated or hypothetical control states no act', () => {
    expect(
      codes('Germany has not expressed any readiness to support Poland.').filter((c) => c.startsWith('03')),
    ).toEqual([]);
    expect(
      codes('Germany might suggest that Poland should open negotiations.').filter((c) => c.startsWith('02')),
    ).toEqual([]);
  });
  it('an appeal word before a that-clause with should is an appeal for the clause act', () => {
    const e = code('Poland has suggested that Germany should begin negotiations with France.').find((x) =>
      x.cameo.startsWith('02'),
    );
    expect(e).toMatchObject({ trigger: { text: 'suggested' }, source: { code: 'POL' } });
  });
  it('a statement of what another must or should do is a demand or an appeal by the speaker', () => {
    const must = code('Russia says Israel must end its strikes on Syria.').find((x) =>
      x.cameo.startsWith('10'),
    );
    expect(must).toMatchObject({
      trigger: { text: 'says' },
      source: { code: 'RUS' },
      target: { code: 'ISR' },
    });
    // "should" in news is as often a forecast as an appeal: not composed.
    expect(
      codes('Germany said that Turkey should release the reporters.').filter((c) => /^(02|10)/.test(c)),
    ).toEqual([]);
    // The act itself is not asserted: Israel ended nothing.
    expect(
      code('Russia says Israel must end its strikes on Syria.').some((x) => x.source?.code === 'ISR'),
    ).toBe(false);
    // Without a statement verb the obligation is no one's demand.
    expect(codes('Israel must end its strikes on Syria.').filter((c) => c.startsWith('10'))).toEqual([]);
  });
  it('a halt verb over a cooperative act reduces relations; over a hostile one it codes nothing', () => {
    expect(codes('France suspended talks with Algeria on Monday.').some((c) => c.startsWith('16'))).toBe(
      true,
    );
    expect(codes('France halted the bombing of Algeria on Monday.').some((c) => c.startsWith('16'))).toBe(
      false,
    );
  });
  it("statement nouns come from the dictionary's statement verbs, only words of feeling or thought", () => {
    const k = wordKnowledge();
    expect(k.statementCode('optimism')).toBe('013');
    expect(k.statementCode('concern')).toBe('012');
    // "announced an agreement" is no optimistic comment, though some statement patterns say so.
    expect(k.statementCode('agreement')).toBeUndefined();
    expect(k.statementCode('war')).toBeUndefined();
  });
});

describe('composed acts need the actor whose control it is (news train errors, session 13)', () => {
  const composed = (text: string, prefix: string) => codes(text).filter((c) => c.startsWith(prefix));
  it('a control noun denied by "no", or a control under a curly "n’t", states no intent', () => {
    expect(composed('Germany has no plans to support Poland.', '03')).toEqual([]);
    expect(composed('Germany isn’t planning to support Poland.', '03')).toEqual([]);
  });
  it('"in order to" is no demand and "sought to" no appeal', () => {
    expect(composed('Germany acted in order to support Poland.', '10')).toEqual([]);
    expect(composed('Germany sought to clarify its position on Poland.', '02')).toEqual([]);
  });
  it("a control noun's possessor is its actor, not the subject of the sentence", () => {
    const call = code('Germany rejected Poland’s call for talks with Russia.').find((e) =>
      e.cameo.startsWith('02'),
    );
    expect(call).toMatchObject({ trigger: { text: 'call' }, source: { code: 'POL' } });
  });
  it('an intent or threat with no actor to do the act to is no event', () => {
    expect(composed('Germany vowed to fight on.', '13')).toEqual([]);
  });
  it('a refusal of a statement is CAMEO\'s "decline comment" (011), no rejection', () => {
    expect(codes('A spokesman for Germany declined to comment.')).toEqual(['011 declined']);
  });
});

describe("typed intents and the wrapped act's target (news train errors, session 14)", () => {
  /** The coder after the text, mentions and actors stages (named people as actors). */
  function withActors(text: string): Event[] {
    const doc = runStages([textStage, mentionsStage, actorsStage], emptyDoc(text, {}));
    return codeEvents({ ...doc, attributions: [], newsFilter: null });
  }
  it('an intent word the typer types needs an actor target of the act it wraps', () => {
    // "pledged to stay in the talks" is a plan; the typer alone codes it as SUPPORT.
    expect(code('Germany pledged to stay in the talks.')).toEqual([]);
    expect(code('France has promised to help Mali.')).toContainEqual(
      expect.objectContaining({ sourceText: 'France', targetText: 'Mali' }),
    );
    // The tagger's target in the wrapped act's clause stands: not the actor's own troops.
    expect(code('Australia pledged to withdraw its troops from Iraq.')).toContainEqual(
      expect.objectContaining({ sourceText: 'Australia', targetText: 'Iraq' }),
    );
  });
  it('agreeing and offering are acts of their own, whatever is promised', () => {
    expect(codes('Poland offered to cover the costs.')).toEqual(['030 offered']);
    expect(code('The United States agreed to pay Iran a billion dollars.')).toContainEqual(
      expect.objectContaining({ cameo: '032', sourceText: 'The United States' }),
    );
  });
  it("a subject control's target is in the wrapped act's clause, not after a clause break", () => {
    const events = withActors(
      'Prime Minister Jane Walker has been eager to withdraw, but General Tom Brody, chief of the army staff, said the troops should stay.',
    );
    expect(events.filter((e) => e.trigger.text === 'eager')).toEqual([]);
  });
});
