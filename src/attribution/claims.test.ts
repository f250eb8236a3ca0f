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
const claims = (text: string): string[] =>
  analyze(text, {}, { stages: [textStage, noEntities, attributionStage] }).claims.map((c) => c.text);

describe('unattributed claims', () => {
  it('keeps every party of a coordinated subject, not only the last one', () => {
    expect(
      claims('The port reopened. Mayor Ana Ruiz and Governor Tom Hale have signed the ferry accord.'),
    ).toEqual(['Mayor Ana Ruiz and Governor Tom Hale have signed the ferry accord']);
    expect(claims('The vote came late. Lindholm, Varga and Osei have approved the harbour budget.')).toEqual([
      'Lindholm, Varga and Osei have approved the harbour budget',
    ]);
    expect(
      claims('The vote came late. Both the Assembly and Senate have approved the harbour budget.'),
    ).toEqual(['Both the Assembly and Senate have approved the harbour budget']);
  });
  it('reads no claim where the coordinated names sit inside a larger subject or a subordinate clause', () => {
    expect(
      claims('It was close. Officials in the Senate and Assembly have approved the harbour budget.'),
    ).toEqual([]);
    expect(
      claims('It was close. The dispute shows how Varga and Osei have handled the harbour budget.'),
    ).toEqual([]);
    expect(
      claims('It was close. While Varga and Osei have approved the budget, the port remains shut.'),
    ).toEqual([]);
  });
  it('joins no names into a subject whose verb is singular: two clauses, not two parties', () => {
    expect(
      claims('It was close. The mayor visited Lindholm and Governor Tom Hale has signed the accord.'),
    ).toEqual(['Governor Tom Hale has signed the accord']);
  });
  it('still finds a single named party', () => {
    expect(claims('The port reopened. Governor Tom Hale has signed the ferry accord.')).toEqual([
      'Governor Tom Hale has signed the ferry accord',
    ]);
  });
});
