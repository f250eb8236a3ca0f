import type { ArticleMeta, Doc, EntityType, Mention } from '../../model/index.js';
import { emptyDoc } from '../../pipeline/pipeline.js';
import { textStage } from '../../text/index.js';

/** TEST ONLY: a Doc with the text layers and hand-made NER mentions `[surface, type]` (every occurrence). */
export function docWith(text: string, names: Array<[string, EntityType]>, meta: ArticleMeta = {}): Doc {
  const base = emptyDoc(text, meta);
  const layers = textStage.run(base);
  const mentions: Mention[] = [];
  for (const [surface, type] of names) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(surface, from);
      if (at < 0) break;
      const end = at + surface.length;
      const word = /[\p{L}\p{N}]/u;
      const bounded = !(at > 0 && word.test(text[at - 1])) && !(end < text.length && word.test(text[end]));
      const inside = mentions.some((m) => m.start <= at && end <= m.end);
      if (bounded && !inside)
        mentions.push({ id: `n${mentions.length + 1}`, start: at, end, text: surface, type, kind: 'name' });
      from = end;
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  return { ...base, ...layers, mentions } as Doc;
}
