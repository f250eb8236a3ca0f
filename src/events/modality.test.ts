import { describe, expect, it } from 'vitest';
import { analyze } from '../pipeline/analyze.js';
import { modalityAt } from './sentence.js';
import { tagRange } from './tagger.js';

/** The modality of the first token spelled `word` in a sentence of our own. */
function modalityOf(text: string, word: string) {
  const toks = tagRange(text, 0, text.length);
  const i = toks.findIndex((t) => t.text === word);
  expect(i).toBeGreaterThanOrEqual(0);
  return modalityAt(toks, i);
}

describe('modality of the governing construction', () => {
  it('marks would/could/should/might have + participle as counterfactual, scare quotes or not', () => {
    expect(modalityOf('Paris would have objected to the plan.', 'objected').counterfactual).toBe(true);
    expect(modalityOf('Paris would have "objected" to the plan.', 'objected').counterfactual).toBe(true);
    expect(modalityOf('Paris has objected to the plan.', 'objected').counterfactual).toBeFalsy();
  });

  it('finds the verb whose subject receives the act its object names', () => {
    expect(modalityOf('Rome faced stiff and public criticism.', 'criticism').receivedAt).toBe(1);
    expect(modalityOf('Rome came under attack.', 'attack').receivedAt).toBe(1);
    expect(modalityOf('Rome voiced criticism.', 'criticism').receivedAt).toBeUndefined();
  });

  it('marks acts kept from happening, as a noun object or a gerund', () => {
    expect(modalityOf('Rome avoided direct criticism of Paris.', 'criticism').avoided).toBe(true);
    expect(modalityOf('Rome avoided openly criticizing Paris.', 'criticizing').avoided).toBe(true);
    expect(modalityOf('Rome welcomed direct criticism of Paris.', 'criticism').avoided).toBeFalsy();
  });

  it('governs an infinitive by the word before "for" its subject, or by an appeal over its object', () => {
    expect(modalityOf('They discussed a need for Kyiv to launch a probe.', 'launch').controller?.lemma).toBe(
      'need',
    );
    const urged = modalityOf('Berlin urged the new Ukrainian government to investigate.', 'investigate');
    expect(urged.controller).toMatchObject({ lemma: 'urge', kind: 'appeal' });
    expect(modalityOf('Berlin sent the troops to fight.', 'fight').controller).toBeUndefined();
  });
});

describe('received and avoided acts in the coder', () => {
  it('never makes the subject of "faced criticism" the critic', () => {
    const events = analyze('The United States faced sharp criticism from Egypt on Tuesday.').events;
    for (const e of events.filter((x) => x.trigger.text === 'criticism')) {
      expect(e.sourceText).toBe('Egypt');
      expect(e.targetText).toBe('The United States');
    }
    expect(events.some((e) => e.sourceText === 'The United States')).toBe(false);
  });

  it('codes no avoided or counterfactual act', () => {
    const text =
      'Germany avoided direct criticism of Turkey. France would have objected to the deal with Iran.';
    expect(analyze(text).events).toEqual([]);
  });
});
