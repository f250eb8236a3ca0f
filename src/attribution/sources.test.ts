import { describe, expect, it } from 'vitest';
import { analyze } from '../pipeline/index.js';
import { textStage } from '../text/index.js';
import type { Actor, Mention, Stage } from '../model/index.js';
import { attributionStage } from './index.js';

/*
 * Source references against mentions and actors supplied by a stand-in stage, so these tests do
 * not depend on the real mentions/actors stages.
 */
const text =
  'Mark Rutte met reporters in Brussels on Monday. He said the alliance was united. ' +
  'A senior official said talks would resume next week. According to Russian media, the talks had failed. ' +
  'Diplomats claimed the summit was cancelled.';

const entities = (): Stage => ({
  name: 'fake-entities',
  requires: [],
  provides: ['mentions', 'actors'],
  run() {
    const at = (s: string) => text.indexOf(s);
    const mentions: Mention[] = [
      {
        id: 'm1',
        start: at('Mark Rutte'),
        end: at('Mark Rutte') + 10,
        text: 'Mark Rutte',
        type: 'PERSON',
        kind: 'name',
        actor: 'a1',
      },
      {
        id: 'm2',
        start: at('Brussels'),
        end: at('Brussels') + 8,
        text: 'Brussels',
        type: 'GPE',
        kind: 'name',
        actor: 'a2',
      },
    ];
    const actors: Actor[] = [
      { id: 'a1', name: 'Mark Rutte', type: 'PERSON', mentions: ['m1'], roles: [], cameo: null },
      { id: 'a2', name: 'Brussels', type: 'GPE', mentions: ['m2'], roles: [], cameo: null },
    ];
    return { mentions, actors };
  },
});

describe('attribution sources', () => {
  const analysis = analyze(text, {}, { stages: [textStage, entities(), attributionStage] });
  const byCue = (cue: string) => analysis.attributions.find((a) => a.cue?.text === cue && a.source);

  it('resolves "he" without a pronoun mention to the one person named just before', () => {
    const he = analysis.attributions.find((a) => a.source?.text === 'He');
    expect(he?.source).toMatchObject({ actor: 'a1' });
  });

  it('marks deliberately unnamed sources', () => {
    const official = analysis.attributions.find((a) => a.source?.text.includes('official'));
    expect(official?.source?.unnamed).toBe(true);
    expect(official?.source?.actor).toBeUndefined();
    const media = byCue('According to');
    expect(media?.source?.text).toBe('Russian media');
    expect(media?.source?.unnamed).toBe(true);
  });

  it('takes the stance of the cue from the lexicon', () => {
    expect(byCue('claimed')?.stance).toBe('distancing');
    expect(byCue('said')?.stance).toBe('neutral');
  });
});
