/**
 * The tagger's training data: the text stage's tokens of training texts, each sentence tagged by
 * wink-nlp (as the events stage tagged it before) and its tags carried onto our tokens by offsets.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { splitSentences, tokenize } from '../../src/text/index.js';
import { alignTeacher, type TeacherTag } from '../../src/text/tagger/align.js';
import { ScopedWink, tagWith } from '../../src/text/tagger/wink.js';
import { PROJECT_ROOT } from '../../src/util/data.js';

export const SHARED_DATA = path.resolve(PROJECT_ROOT, '..', 'shared', 'data');

/** The training texts: PolNeAR train, PLV train and the NGEC synthetic articles (train splits only). */
export const TRAIN_FILES = [
  'attribution/polnear-train.jsonl',
  'events/plv-train.jsonl',
  'events/ngec-synthetic.jsonl',
];
/** Held-out texts for the agreement check (never trained on). */
export const DEV_FILES = ['attribution/polnear-dev.jsonl'];

/** One sentence of our tokens with wink's tag for each (undefined where it cannot be carried over). */
export interface TeacherSentence {
  words: string[];
  gold: Array<TeacherTag | undefined>;
}

/** The `text` of every record of a JSONL file under ../shared/data, in file order. */
export function textsOf(file: string): string[] {
  return readFileSync(path.join(SHARED_DATA, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { text: string }).text);
}

/** Every sentence of the texts, tokenised by the text stage and tagged by wink sentence by sentence. */
export function teacherSentences(texts: readonly string[]): TeacherSentence[] {
  const engine = new ScopedWink();
  const out: TeacherSentence[] = [];
  for (const text of texts) {
    const tokens = tokenize(text);
    for (const s of splitSentences(text, tokens)) {
      const { tokenStart: from, tokenEnd: to } = s;
      if (to === from) continue;
      const wink = tagWith(engine, text, s.start, s.end);
      out.push({
        words: tokens.slice(from, to).map((t) => text.slice(t.start, t.end)),
        gold: alignTeacher(text, tokens, from, to, wink),
      });
    }
  }
  return out;
}
