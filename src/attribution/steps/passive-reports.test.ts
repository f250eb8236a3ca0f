import { describe, expect, it } from 'vitest';
import { passiveReports } from './passive-reports.js';
import { contextOf, show, spanOf } from './test-support.js';

describe('passiveReports', () => {
  it('makes "was echoed by" a report of its agent', () => {
    const c = contextOf('The warning was echoed by the mayor of the town.');
    expect(show(c, passiveReports(c, []))).toEqual(['the mayor of the town | was echoed | The warning']);
  });

  it('leaves a passive another attribution already holds', () => {
    const c = contextOf('The warning was echoed by the mayor of the town.');
    const held = {
      cue: spanOf(c, 'cue', 'was echoed'),
      source: null,
      content: [spanOf(c, 'content', 'the warning')],
    };
    expect(passiveReports(c, [held])).toEqual([held]);
  });
});
