import { describe, expect, it } from 'vitest';
import { findAttributions } from '../index.js';
import { contextOf } from './test-support.js';

/** Each attribution as "source | cue | content paragraphs (first words)". */
function reportsOf(text: string): string[] {
  const { doc } = contextOf(text);
  return (findAttributions(doc).attributions ?? []).map((a) =>
    [
      a.source?.text ?? '-',
      a.cue?.text ?? '-',
      a.content.map((c) => c.text.split(' ').slice(0, 3).join(' ')).join(' + '),
    ].join(' | '),
  );
}

describe('continuedQuotations', () => {
  it('gives the later paragraphs of a quotation running over paragraphs to the report it began in', () => {
    const text =
      'The ferry company said in a statement: "Our crews have carried two million passengers since the spring.\n\n' +
      '"They have kept every crossing on time through the worst storms in a decade.\n\n' +
      '"We will add a night crossing to the island next summer."';
    const reports = reportsOf(text);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(/^The ferry company \| said in a statement: \| .*"We will add$/);
  });

  it('leaves a quotation that closes before the next paragraph to its own report', () => {
    const text =
      'The ferry company said in a statement: "Our crews have carried two million passengers since the spring."\n\n' +
      '"We will add a night crossing to the island next summer," the mayor said.';
    const reports = reportsOf(text);
    expect(reports.some((r) => r.startsWith('the mayor | said'))).toBe(true);
  });
});
