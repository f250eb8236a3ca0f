import { describe, expect, it } from 'vitest';
import { analyze } from '../pipeline/index.js';
import type { Analysis } from '../model/index.js';

/*
 * Name repairs that decide who a statement is credited to: an organisation, its titled officer
 * and the knowledge base's longer names. Short texts of our own, through the whole pipeline.
 */

const run = (text: string): Analysis => analyze(text, { published: '2019-11-20' });
const speakerOf = (a: Analysis, cue: string): string | undefined => {
  const at = a.attributions.find((x) => x.cue?.text === cue);
  return a.actors.find((x) => x.id === at?.source?.actor)?.name;
};

describe('name repairs', () => {
  it('credits "[organisation] [title] [name]" to the person, with the organisation apart', () => {
    const a = run(
      'Thousands of nurses marched on Tuesday. Ohio State Nurses Association President Mary Kowalski told the crowd that wages were too low.',
    );
    expect(speakerOf(a, 'told')).toBe('Mary Kowalski');
    expect(a.actors.map((x) => x.name)).toContain('Ohio State Nurses Association');
  });

  it('prefers the longer knowledge-base name to the pieces NER found', () => {
    const a = run(
      'The United Nations High Commissioner for Human Rights said the decision did not change the law.',
    );
    expect(speakerOf(a, 'said')).toBe('Office of the United Nations High Commissioner for Human Rights');
  });

  it('shows a knowledge-base organisation without the disambiguation in its name', () => {
    const a = run('The French foreign ministry said the talks would go on.');
    expect(speakerOf(a, 'said')).toBe('Ministry for Europe and Foreign Affairs');
  });

  it('keeps "the White House" named as the knowledge base names it', () => {
    const a = run('The White House said the president would travel on Friday.');
    expect(speakerOf(a, 'said')).toBe('White House');
  });

  it('reads an acronym the article gives another country ("the Chinese CDC") as that body everywhere', () => {
    const a = run(
      'Two cases of plague were found in Beijing. The CDC assured the public on Weibo. The Chinese CDC said there was no need to worry.',
    );
    const names = a.mentions
      .filter((m) => m.text === 'CDC')
      .map((m) => a.actors.find((x) => x.id === m.actor)?.name);
    expect(names).toEqual(['CDC', 'CDC']);
  });
});
