import type { Work } from '../scan/index.js';
import type { Gender } from '../gender.js';
import type { Cluster, CorefState } from './clusters.js';
import { nameKeys } from '../kb/index.js';
import { GenderVotes, firstNameGender, wordGender } from '../gender.js';
import { headRange } from './clusters.js';

/** The gender a person cluster's own words and first names give it (gender.ts). */
export function genderOf(s: CorefState, c: Cluster): Gender | undefined {
  if (c.kind !== 'person' && c.type !== 'PERSON') return undefined;
  const votes = new GenderVotes();
  for (const w of c.works) addGenderEvidence(s, w, votes);
  if (c.person) {
    const first = nameKeys(c.person.name)[0];
    if (first) votes.addName(firstNameGender(first));
  }
  return votes.result();
}

export function addGenderEvidence(s: CorefState, w: Work, votes: GenderVotes): void {
  const { keys } = s.view;
  if (w.title) for (let i = w.title[0]; i < w.title[1]; i++) votes.addWord(wordGender(keys[i]));
  if (w.kind !== 'name' && w.kind !== 'titled-name') return;
  const [a, b] = headRange(w);
  // An honorific right before the name, or NER kept inside it ("Mr. Smith").
  const before = a > 0 ? keys[a - 1] : '';
  votes.addWord(wordGender(before));
  votes.addWord(wordGender(keys[a]));
  const first = wordGender(keys[a]) ? a + 1 : a;
  if (b - first > 1) votes.addName(firstNameGender(keys[first]));
}
