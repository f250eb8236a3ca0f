/*
 * Three short reports of our own for the statements tests: two outlets reporting one quote (the
 * second trimmed, with a stronger cue) and a hard negative (same speaker and talks, other words).
 */
import { fixtureAnalysis, inputOf } from '../../store/fixtures.js';
import type { Store } from '../../store/types.js';

export interface Sample {
  key: string;
  outlet: string;
  published: string;
  text: string;
  speaker: string;
  cue: string;
  content: string;
}

export const FULL = 'the northern border crossing at Pelton will reopen to lorries on Monday morning';
export const SAMPLES: Sample[] = [
  {
    key: 'wire:1',
    outlet: 'Wire',
    published: '2025-04-01',
    text: `Minister Ana Lopes said "${FULL}" after the talks in Valmora.`,
    speaker: 'Ana Lopes',
    cue: 'said',
    content: FULL,
  },
  {
    key: 'daily:1',
    outlet: 'Daily',
    published: '2025-04-02',
    text: 'In Valmora, Ana Lopes claimed "the northern border crossing at Pelton will reopen on Monday" to reporters.',
    speaker: 'Ana Lopes',
    cue: 'claimed',
    content: 'the northern border crossing at Pelton will reopen on Monday',
  },
  {
    // The hard negative: the same speaker, the same talks, another utterance.
    key: 'herald:1',
    outlet: 'Herald',
    published: '2025-04-02',
    text: 'Ana Lopes said "fishing quotas for the southern coast will be cut by a third next year" at the talks in Valmora.',
    speaker: 'Ana Lopes',
    cue: 'said',
    content: 'fishing quotas for the southern coast will be cut by a third next year',
  },
];

/** Stores a sample with its hand-built analysis; returns the article id. */
export async function putSample(store: Store, s: Sample, inputOrder: number): Promise<string> {
  const analysis = fixtureAnalysis(s.text, {
    meta: { outlet: s.outlet },
    quote: { speaker: s.speaker, cue: s.cue, content: s.content },
  });
  const result = await store.putArticle(
    { ...inputOf(s.key, s.text, { outlet: s.outlet, published: s.published }), inputOrder },
    analysis,
  );
  return result.articleId;
}
