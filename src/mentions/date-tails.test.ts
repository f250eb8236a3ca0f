import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/index.js';
import { withoutDate } from './date-tails.js';

/* Names the tagger ran into a date are cut where the date begins (date-tails.ts); spans of our own sentences. */

function cut(text: string, name: string): string {
  const tokens = tokenize(text);
  const at = text.indexOf(name);
  const first = tokens.findIndex((t) => t.start === at);
  const last = tokens.findIndex((t) => t.end === at + name.length);
  const [a, b] = withoutDate(text, tokens, first, last);
  return a > b ? '' : text.slice(tokens[a].start, tokens[b].end);
}

describe('names run into a date', () => {
  it('ends a name before a preposition and a weekday or month', () => {
    const text = 'The UN Security Council on Tuesday voted to extend the mission.';
    expect(cut(text, 'UN Security Council on Tuesday')).toBe('UN Security Council');
    const later = 'The Swiss People’s Party last March won the vote.';
    expect(cut(later, 'Swiss People’s Party last March')).toBe('Swiss People’s Party');
  });

  it('begins a name after a weekday and the lower-case words that follow it', () => {
    const text = 'On Wednesday the Secret Service said it had arrested a man.';
    expect(cut(text, 'Wednesday the Secret Service')).toBe('Secret Service');
  });

  it('keeps names that hold a weekday or month of their own', () => {
    expect(cut('Sheffield Wednesday won again.', 'Sheffield Wednesday')).toBe('Sheffield Wednesday');
    expect(cut('Tuesday Weld starred in it.', 'Tuesday Weld')).toBe('Tuesday Weld');
    expect(cut('The Council on Foreign Relations met.', 'Council on Foreign Relations')).toBe(
      'Council on Foreign Relations',
    );
  });
});
