import { describe, expect, it } from 'vitest';
import type { Attribution, Stage } from '../../model/index.js';
import { textSpan } from '../../model/index.js';
import { analyze } from '../../pipeline/index.js';
import { emptyDoc, runStages } from '../../pipeline/pipeline.js';
import { textStage } from '../../text/index.js';
import { mentionsStage } from '../../mentions/index.js';
import { actorsStage } from '../../actors/index.js';
import { attributionStage } from '../index.js';
import { attributionContext } from './context.js';
import { sourcesWithAntecedents } from './relative-sources.js';
import { contextOf } from './test-support.js';

/** An attribution whose source is the nth occurrence of `source` in the text, as the tagger gives it. */
function withSource(text: string, source: string, nth = 0): Attribution {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = text.indexOf(source, at + 1);
  return {
    id: 'at1',
    kind: 'indirect',
    source: textSpan(text, at, at + source.length),
    cue: null,
    content: [],
    via: [],
    stance: 'neutral',
  };
}

const sourceOf = (c: ReturnType<typeof contextOf>, a: Attribution) =>
  sourcesWithAntecedents(c, [a])[0].source;

describe('sourcesWithAntecedents', () => {
  it('gives a "who" source its antecedent and keeps the pronoun as the relative, through the stage', () => {
    const text = 'The board met on Monday. Its chair thanked Dana Ruiz, who said the plan would fail.';
    const analysis = analyze(text, {}, { stages: [textStage, mentionsStage, actorsStage, attributionStage] });
    const said = analysis.attributions.find((a) => a.cue?.text === 'said');
    expect(said?.source?.text).toBe('Dana Ruiz, who');
    expect(said?.source?.relative?.text).toBe('who');
    // The speaker is the antecedent's actor, as it was for the pronoun.
    expect(analysis.actors.find((x) => x.id === said?.source?.actor)?.name).toBe('Dana Ruiz');
  });

  it('widens "which" after an organisation the mentions layer found', () => {
    const text = 'The toymaker Pell Toys, which said on Monday that it would close two plants, lost money.';
    const source = sourceOf(contextOf(text), withSource(text, 'which'));
    expect(source?.text).toBe('Pell Toys, which');
    expect(source?.relative).toEqual({ start: 24, end: 29, text: 'which' });
  });

  it('keeps the pronoun when its antecedent may be the noun before a preposition', () => {
    const text = 'Prices rose in May. Analysts at the Hartwell Bank, who asked not to be named, said so.';
    expect(sourceOf(contextOf(text), withSource(text, 'who'))?.text).toBe('who');
  });

  it('keeps the pronoun when no mention ends right before it', () => {
    const text = 'Most of those who said they would vote stayed home.';
    const source = sourceOf(contextOf(text), withSource(text, 'who'));
    expect(source?.text).toBe('who');
    expect(source?.relative).toBeUndefined();
  });

  it('leaves every other source alone', () => {
    const text = 'Dana Ruiz said the plan would fail.';
    const a = withSource(text, 'Dana Ruiz');
    expect(sourcesWithAntecedents(contextOf(text), [a])).toEqual([a]);
  });

  it('takes the run of capitalised words before the comma when there is no mentions layer', () => {
    const noEntities: Stage = {
      name: 'none',
      requires: [],
      provides: ['mentions', 'actors'],
      run: () => ({}),
    };
    const text = 'The plan was backed by US Secretary of State Dana Ruiz, who said it would work.';
    const c = attributionContext(runStages([textStage, noEntities], emptyDoc(text, {})));
    expect(sourceOf(c, withSource(text, 'who'))?.text).toBe('US Secretary of State Dana Ruiz, who');
  });
});
