/**
 * How stable the event coder's decisions are under retraining: two events models (and their news
 * filters) code the same fixed texts, and the share of events both give, identical in trigger, type,
 * source span and target span, of all events either gives (|A ∩ B| / |A ∪ B|), is printed per text set,
 * with the news filter off (the typer, tagger and composition alone) and on (what a reader sees).
 *
 *   npx tsx scripts/events/stability.ts --a EVENTS_A --fa FILTER_A --b EVENTS_B --fb FILTER_B [--list]
 *
 * The texts: PolNeAR dev news (84 articles), plover-gsr-dev and petrarch-dev (the records' texts only,
 * never their gold), the seed article, and the sentences of the events stage's tests (string
 * literals of src/events/*.test.ts that read as a sentence). The layers before the events stage are
 * computed once per text, so both models see the same inputs. --list prints every event on one side
 * only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { codeEvents, coderInputOf } from '../../src/events/index.js';
import { deserialiseEventModel, type EventModel } from '../../src/events/model.js';
import { deserialiseNewsFilter, type NewsFilterModel } from '../../src/events/news-filter.js';
import type { Doc, Event } from '../../src/model/index.js';
import { DEFAULT_STAGES } from '../../src/pipeline/index.js';
import { emptyDoc, runStages } from '../../src/pipeline/pipeline.js';
import { PROJECT_ROOT } from '../../src/util/data.js';
import { POLNEAR_FILE, SHARED_EVENTS } from './corpus.js';
import { strArg } from './options.js';

const Record = z.object({ id: z.string(), text: z.string(), date: z.string().optional() });
const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim());

/** A gold date as ISO (2000-01-01 or 19950101), else none. */
function published(date: string | undefined): string | undefined {
  if (!date) return undefined;
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(date);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** Sentences of the events tests: single-quoted literals with a capital, a space and a full stop at the end. */
function testSentences(): string[] {
  const dir = path.join(PROJECT_ROOT, 'src', 'events');
  const out = new Set<string>();
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith('.test.ts')) continue;
    for (const m of readFileSync(path.join(dir, f), 'utf8').matchAll(/'([A-Z][^'\n]{15,}\.)'/g))
      out.add(m[1]!);
  }
  return [...out];
}

interface Text {
  set: string;
  id: string;
  text: string;
  published?: string;
}

function texts(): Text[] {
  const out: Text[] = [];
  const add = (set: string, file: string) => {
    for (const l of lines(file)) {
      const r = Record.parse(JSON.parse(l));
      const date = published(r.date);
      out.push({ set, id: r.id, text: r.text, ...(date ? { published: date } : {}) });
    }
  };
  add('polnear-dev', POLNEAR_FILE.replace('polnear-train', 'polnear-dev'));
  add('plover-gsr-dev', path.join(SHARED_EVENTS, 'plover-gsr-dev.jsonl'));
  add('petrarch-dev', path.join(SHARED_EVENTS, 'petrarch-dev.jsonl'));
  const seed = readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'seed.txt'), 'utf8');
  out.push({ set: 'seed', id: 'seed', text: seed, published: '2025-04-03' });
  testSentences().forEach((text, k) => out.push({ set: 'tests', id: `t${k}`, text }));
  return out;
}

/** An event as compared: trigger, CAMEO code (its type), source and target spans. */
function keyOf(e: Event): string {
  const span = (a: { start?: number; end?: number } | null) => (a ? `${a.start ?? ''}-${a.end ?? ''}` : '-');
  return `${e.trigger.start}|${e.cameo}|${span(e.source)}|${span(e.target)}`;
}

function eventKeys(doc: Doc, model: EventModel, filter: NewsFilterModel | null): Set<string> {
  const events = codeEvents({ ...coderInputOf(doc), model, newsFilter: filter });
  return new Set(events.map(keyOf));
}

const load = <T>(flag: string, read: (b: Uint8Array) => T): T => {
  const file = strArg(flag, '');
  if (!file) throw new Error(`--${flag} FILE is required`);
  return read(readFileSync(file));
};
const models = {
  a: load('a', deserialiseEventModel),
  b: load('b', deserialiseEventModel),
  fa: load('fa', deserialiseNewsFilter),
  fb: load('fb', deserialiseNewsFilter),
};
const list = process.argv.includes('--list');
const before = DEFAULT_STAGES.filter((s) => s.name !== 'events');
/** Per set and mode: [both, a only, b only]. */
const tally = new Map<string, [number, number, number]>();
for (const t of texts()) {
  const doc = runStages(before, emptyDoc(t.text, t.published ? { published: t.published } : {}, t.id));
  for (const [mode, fa, fb] of [
    ['typer', null, null],
    ['filtered', models.fa, models.fb],
  ] as const) {
    const a = eventKeys(doc, models.a, fa);
    const b = eventKeys(doc, models.b, fb);
    for (const set of [t.set, 'all']) {
      const n = tally.get(`${set}\t${mode}`) ?? [0, 0, 0];
      for (const k of a) n[b.has(k) ? 0 : 1]++;
      for (const k of b) if (!a.has(k)) n[2]++;
      tally.set(`${set}\t${mode}`, n);
    }
    if (list && mode === 'filtered') {
      for (const k of a)
        if (!b.has(k)) console.log(`a only\t${t.set}\t${t.id}\t${k}\t${describe(t.text, k)}`);
      for (const k of b)
        if (!a.has(k)) console.log(`b only\t${t.set}\t${t.id}\t${k}\t${describe(t.text, k)}`);
    }
  }
}

/** The trigger word and the source and target words of an event key. */
function describe(text: string, key: string): string {
  const [trigger, code, source, target] = key.split('|');
  const words = (span: string | undefined) => {
    if (!span || span === '-') return '-';
    const [s, e] = span.split('-').map(Number);
    return text.slice(s, e);
  };
  const at = Number(trigger);
  return `[${text.slice(at, at + 15).split(/\s/)[0]}] ${code} ${words(source)} → ${words(target)}`;
}

console.log('set\tmode\tboth\ta only\tb only\tidentical share');
for (const [k, [both, a, b]] of [...tally].sort()) {
  const share = both + a + b > 0 ? both / (both + a + b) : 1;
  console.log(`${k}\t${both}\t${a}\t${b}\t${share.toFixed(3)}`);
}
