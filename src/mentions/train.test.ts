import { describe, expect, it } from 'vitest';
import { splitSentences, tokenize } from '../text/index.js';
import { findEntities } from './tagger.js';
import { DEFAULT_TRAIN_OPTIONS, trainNer, type NerRecord } from './train.js';

/**
 * A small synthetic corpus: people "said", places follow "in", companies precede "shares". Names
 * are made up from syllables, each used once, so only context and shape can be learned.
 */
function corpus(): NerRecord[] {
  const syllables = ['ka', 'lo', 'mi', 'ren', 'tu', 'vas', 'zo', 'bel', 'dor', 'fin', 'gar', 'hul'];
  let next = 0;
  const name = () => {
    const n = next++;
    const word = syllables[n % 12] + syllables[Math.floor(n / 12) % 12] + syllables[Math.floor(n / 144) % 12];
    return word[0].toUpperCase() + word.slice(1);
  };
  const records: NerRecord[] = [];
  for (let d = 0; d < 60; d++) {
    let text = '';
    const entities: NerRecord['entities'] = [];
    const add = (entity: string, type: 'PER' | 'LOC' | 'ORG', after: string) => {
      entities.push({ start: text.length, end: text.length + entity.length, type });
      text += entity + after;
    };
    add(`${name()} ${name()}`, 'PER', ' said on Monday that talks would resume in ');
    add(name(), 'LOC', ' .\n');
    add(name(), 'ORG', ' shares fell in ');
    add(name(), 'LOC', ' , ');
    add(`${name()} ${name()}`, 'PER', ' said .\n');
    records.push({ id: `s${d}`, text, entities });
  }
  return records;
}

describe('trainNer', () => {
  it('learns from contexts and reproduces the same model for the same seed', () => {
    const options = { ...DEFAULT_TRAIN_OPTIONS, epochs: 4, folds: 3 };
    const model = trainNer(corpus(), options);
    // New names in the learned contexts.
    const text =
      'Maria Lopez said on Monday that talks would resume in Riga .\nZorgtech shares fell in Baku , Paul Stone said .';
    const tokens = tokenize(text);
    const found = findEntities(text, tokens, splitSentences(text, tokens), model).map(
      (e) => `${e.type}:${text.slice(e.start, e.end)}`,
    );
    expect(found).toEqual(['PER:Maria Lopez', 'LOC:Riga', 'ORG:Zorgtech', 'LOC:Baku', 'PER:Paul Stone']);
    expect(trainNer(corpus(), options).toBuffer().equals(model.toBuffer())).toBe(true);
  });

  it('drops gold spans that do not fall on token boundaries instead of mis-training', () => {
    const records: NerRecord[] = [
      { id: 'x', text: 'Anna Berg said .', entities: [{ start: 1, end: 9, type: 'PER' }] },
    ];
    const logs: string[] = [];
    trainNer(records, {
      ...DEFAULT_TRAIN_OPTIONS,
      epochs: 1,
      folds: 2,
      upperProbability: 0,
      honorificProbability: 0,
      log: (m) => logs.push(m),
    });
    expect(logs[0]).toMatch(/1 not on token boundaries/);
  });
});
