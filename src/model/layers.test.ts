import { describe, expect, it } from 'vitest';
import { checkOrder, emptyDoc } from '../pipeline/pipeline.js';
import { toAnalysis } from '../pipeline/analyze.js';
import { AnalysisSchema, LAYER_NAMES, type Layer, type Stage } from './index.js';

const stage = (name: string, requires: string[], provides: string[]): Stage => ({
  name,
  requires: requires as Layer[],
  provides: provides as Layer[],
  run: () => ({}),
});

describe('document layers, declared once', () => {
  it('an empty document holds every list layer, empty, and no span layer', () => {
    const doc = emptyDoc('Ana spoke.', {}, 'x');
    for (const name of LAYER_NAMES) {
      if (name === 'title' || name === 'byline') expect(doc[name]).toBeUndefined();
      else expect(doc[name]).toEqual([]);
    }
  });

  it('the analysis schema has the same layers, in the same order, after the text and metadata', () => {
    expect(Object.keys(AnalysisSchema.shape)).toEqual(['version', 'id', 'text', 'meta', ...LAYER_NAMES]);
    const analysis = toAnalysis(emptyDoc('Ana spoke.', {}, 'x'), true);
    expect(AnalysisSchema.parse(analysis)).toEqual(analysis);
    expect(Object.keys(analysis)).toEqual([
      'version',
      'id',
      'text',
      'meta',
      ...LAYER_NAMES.filter((n) => n !== 'title' && n !== 'byline'),
    ]);
    expect(toAnalysis(emptyDoc('Ana spoke.', {}), false)).not.toHaveProperty('tokens');
    expect(toAnalysis(emptyDoc('Ana spoke.', {}), false)).not.toHaveProperty('quotations');
  });

  it('the order check refuses a layer nobody declared, and a requirement no earlier stage provides', () => {
    expect(() => checkOrder([stage('a', [], ['quotes'])])).toThrow(/"quotes", which is no layer/);
    expect(() => checkOrder([stage('a', ['mentions'], ['events'])])).toThrow(/requires "mentions"/);
    expect(() =>
      checkOrder([stage('a', [], ['mentions']), stage('b', ['mentions'], ['events'])]),
    ).not.toThrow();
  });
});
