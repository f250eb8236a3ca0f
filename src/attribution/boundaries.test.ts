import { describe, expect, it } from 'vitest';
import { cueBoundaries, learnCueBoundaries, repairCue, type BoundaryDoc } from './boundaries.js';
import type { RoleSpan } from './link.js';

const cue = (from: number, to: number): RoleSpan => ({ role: 'cue', from, to });

/** A toy corpus: annotators leave "friday" out of "said" cues and take "of" into "accused" cues. */
function corpus(): BoundaryDoc[] {
  const docs: BoundaryDoc[] = [];
  for (let k = 0; k < 4; k++) {
    // "she said friday that …": cue = said
    docs.push({
      words: ['she', 'said', 'friday', 'that', 'x'],
      cues: [cue(1, 2)],
      sentenceOf: new Int32Array(5),
    });
    // "he accused of lying": cue = "accused of"
    docs.push({ words: ['he', 'accused', 'of', 'lying'], cues: [cue(1, 3)], sentenceOf: new Int32Array(4) });
    // "then he said": "then" left out
    docs.push({ words: ['then', 'said', 'x'], cues: [cue(1, 2)], sentenceOf: new Int32Array(3) });
  }
  return docs;
}

describe('cue boundary conventions', () => {
  const table = learnCueBoundaries(corpus());
  const same = () => true;

  it('counts inclusions and exclusions at each edge', () => {
    expect(table.right['said friday']).toEqual([0, 4]);
    expect(table.right['accused of']).toEqual([4, 0]);
    expect(table.left['then said']).toEqual([0, 4]);
  });

  it('drops an edge word annotators leave out and takes in one they include', () => {
    const words = ['she', 'said', 'friday', 'that'];
    expect(repairCue(cue(1, 3), words, table, () => true, same)).toEqual(cue(1, 2));
    const accused = ['he', 'accused', 'of', 'lying'];
    expect(repairCue(cue(1, 2), accused, table, () => true, same)).toEqual(cue(1, 3));
  });

  it('never takes in a word another role holds, crosses a sentence or empties the cue', () => {
    const accused = ['he', 'accused', 'of', 'lying'];
    expect(repairCue(cue(1, 2), accused, table, (i) => i !== 2, same)).toEqual(cue(1, 2));
    expect(
      repairCue(
        cue(1, 2),
        accused,
        table,
        () => true,
        () => false,
      ),
    ).toEqual(cue(1, 2));
    expect(repairCue(cue(2, 3), ['said', 'friday', 'friday'], table, () => true, same)).toEqual(cue(2, 3));
  });

  it('leaves unknown words alone', () => {
    const words = ['she', 'whispered', 'softly'];
    const c = cue(1, 3);
    expect(repairCue(c, words, table, () => true, same)).toBe(c);
  });

  it('ships a learnt table in which "said" usually stands alone before a preposition', () => {
    const shipped = cueBoundaries();
    expect(shipped).not.toBeNull();
    const [inc, exc] = shipped?.right['said on'] ?? [0, 0];
    expect(exc).toBeGreaterThan(inc);
  });
});
