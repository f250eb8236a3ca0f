import { describe, expect, it } from 'vitest';
import { analyze } from '../pipeline/index.js';
import { textStage } from '../text/index.js';
import type { Stage } from '../model/index.js';
import { attributionStage } from './index.js';

const noEntities: Stage = {
  name: 'no-entities',
  requires: [],
  provides: ['mentions', 'actors'],
  run: () => ({}),
};
/** Every relay of the text's attributions: [outlet, its span's text, cue]. */
const vias = (text: string): string[][] =>
  analyze(text, {}, { stages: [textStage, noEntities, attributionStage] }).attributions.flatMap((a) =>
    a.via.map((v) => [v.outlet, v.outletSpan?.text ?? '', v.cue.text]),
  );

describe('relaying outlets', () => {
  it('reads a capitalised "Report" as part of a name, not a relay', () => {
    expect(
      vias(
        'The port will reopen. “The race is close,” said Dana Reyes, an analyst at the Harbour Political Report.',
      ),
    ).toEqual([]);
  });
  it('reads "a June report" as a document, but keeps an outlet\'s report', () => {
    expect(vias('Spending on the harbour rose by a third last year, according to a June report.')).toEqual(
      [],
    );
    expect(vias('The port will reopen in May, according to the Continental Wire report.')).toEqual([
      ['the Continental Wire', 'the Continental Wire', 'report'],
    ]);
  });
  it('takes the outlet of an interviewer "of" an outlet', () => {
    expect(vias('Tom Hale told Dana Reyes of Continental Wire that the port would reopen in May.')).toEqual([
      ['Continental Wire', 'Continental Wire', 'told'],
    ]);
  });
});
