import { describe, expect, it } from 'vitest';
import { repairTeacher, teacherVerbForms, type TeacherSentence } from './repair.js';

/** A sentence from "word/TAG" pairs, as the teacher tagged it. */
function sentence(tagged: string): TeacherSentence {
  const pairs = tagged.split(' ').map((p) => p.split('/') as [string, string]);
  return {
    words: pairs.map(([w]) => w),
    gold: pairs.map(([w, pos]) => ({ pos, lemma: w.toLowerCase(), how: 'same' as const })),
  };
}
const tags = (s: TeacherSentence) => s.gold.map((g) => g?.pos).join(' ');
/** The teacher reads "plans" as a verb after a pronoun: the word is one of its verb forms. */
const VERB_SEEN = sentence('She/PRON plans/VERB to/PART stay/VERB ./PUNCT');

function repaired(tagged: string): string {
  const s = sentence(tagged);
  repairTeacher([s], teacherVerbForms([VERB_SEEN, s]));
  return tags(s);
}

describe("repairing the teacher's tags before the tagger learns them", () => {
  it('relabels a noun reading that leaves its clause without a verb', () => {
    expect(repaired('Lagos/PROPN plans/NOUN to/PART build/VERB a/DET port/NOUN ./PUNCT')).toBe(
      'PROPN VERB PART VERB DET NOUN PUNCT',
    );
    expect(
      repaired(
        'In/ADP May/PROPN ,/PUNCT the/DET council/NOUN plans/NOUN to/PART vote/VERB ,/PUNCT he/PRON said/VERB ./PUNCT',
      ),
    ).toBe('ADP PROPN PUNCT DET NOUN VERB PART VERB PUNCT PRON VERB PUNCT');
  });

  it('keeps the noun where the clause has a verb of its own or the noun group is not its subject', () => {
    // The group is the subject of "were".
    expect(
      repaired('The/DET council/NOUN plans/NOUN to/PART vote/VERB were/AUX dropped/VERB ./PUNCT'),
    ).toContain('NOUN NOUN PART');
    // The group is the object of "opposed".
    expect(repaired('Farmers/NOUN opposed/VERB council/NOUN plans/NOUN to/PART vote/VERB ./PUNCT')).toContain(
      'NOUN NOUN PART',
    );
    // A possessive before it: "the council's plans".
    expect(repaired("The/DET council/NOUN 's/PART plans/NOUN to/PART vote/VERB ./PUNCT")).toContain(
      'PART NOUN PART',
    );
  });

  it('relabels only words the teacher reads as a verb somewhere', () => {
    expect(repaired('Lagos/PROPN farmers/NOUN to/PART build/VERB a/DET port/NOUN ./PUNCT')).toBe(
      'PROPN NOUN PART VERB DET NOUN PUNCT',
    );
  });
});
