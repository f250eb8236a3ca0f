/**
 * The reports of a statement index as numbered rows in typed-array columns: what ordering and
 * listing need (publication, ingest order, outlet, word count) and the profile core matching needs
 * (word ids, context and cue hashes, flags), packed so that a report costs a few hundred bytes
 * rather than a profile object with a dozen typed arrays of its own. A profile is expanded from its
 * core when a comparison needs it (`expandProfile`), the same profile `profile` gives.
 */
import type { Occasion } from './occasion.js';
import { expandProfile, type Profile, type ProfileCore, type Vocabulary } from './similarity.js';
import type { Report } from './types.js';

const NONE = -1;

/** Strings seen many times (articles, outlets, speakers, dates) stored once, by number. */
class StringTable {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  id(s: string | null | undefined): number {
    if (s === null || s === undefined) return NONE;
    let id = this.index.get(s);
    if (id === undefined) {
      this.index.set(s, (id = this.list.length));
      this.list.push(s);
    }
    return id;
  }
  get(id: number): string | null {
    return id === NONE ? null : this.list[id];
  }
}

type Column = Int32Array | Uint32Array | Float64Array | Uint8Array;
function grown<T extends Column>(a: T, length: number): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a);
  return b;
}

const DIRECT = 1;
const NEGATED = 2;
const NAMES_ONLY = 4;
const HABITUAL = 8;
const PERFECT = 16;
const QUOTED = 32;

/** Words per chunk of the packed cores (16 MB): chunks are added, never copied. */
const CHUNK = 1 << 22;
const FIRST_CHUNK = 1 << 12;
/** A packed core: four lengths, then words, content words, context and cue hashes. */
const HEADER = 4;

export interface EntryOrder {
  id: string;
  published: string | null;
  ingestOrder: number;
}

export class Entries {
  private count = 0;
  private readonly ids: string[] = [];
  private readonly kept: Array<Report | undefined> = [];
  private readonly strings = new StringTable();
  private readonly cols = {
    ingestOrder: new Float64Array(1024),
    published: new Int32Array(1024),
    outlet: new Int32Array(1024),
    article: new Int32Array(1024),
    speaker: new Int32Array(1024),
    speakerKey: new Int32Array(1024),
    /** Days since the epoch, NaN when unknown: of publication and of the occasion. */
    day: new Float64Array(1024),
    occasionDay: new Float64Array(1024),
    flags: new Uint8Array(1024),
    chunk: new Uint32Array(1024),
    at: new Uint32Array(1024),
  };
  private readonly chunks: Uint32Array[] = [];
  private used = CHUNK;

  get size(): number {
    return this.count;
  }

  /** Adds a report with its profile core; returns its number. */
  add(report: Report, core: ProfileCore, keep: boolean): number {
    const n = this.count++;
    if (n === this.cols.flags.length) {
      const c = this.cols as Record<keyof Entries['cols'], Column>;
      for (const name of Object.keys(c) as Array<keyof Entries['cols']>) c[name] = grown(c[name], n * 2);
    }
    const s = this.strings;
    const c = this.cols;
    this.ids.push(report.id);
    if (keep) this.kept[n] = report;
    c.ingestOrder[n] = report.ingestOrder;
    c.published[n] = s.id(report.published);
    c.outlet[n] = s.id(report.outlet);
    c.article[n] = s.id(core.article);
    c.speaker[n] = s.id(core.speaker);
    c.speakerKey[n] = s.id(core.speakerKey);
    c.day[n] = core.day ?? Number.NaN;
    c.occasionDay[n] = core.occasion.day ?? Number.NaN;
    c.flags[n] =
      (core.direct ? DIRECT : 0) |
      (core.negated ? NEGATED : 0) |
      (core.namesOnly ? NAMES_ONLY : 0) |
      (core.occasion.habitual ? HABITUAL : 0) |
      (core.occasion.perfect ? PERFECT : 0) |
      (core.quoted ? QUOTED : 0);
    this.pack(n, [core.words, core.contentText, core.context, core.cueStems]);
    return n;
  }

  private pack(n: number, parts: readonly Uint32Array[]): void {
    const length = HEADER + parts.reduce((sum, p) => sum + p.length, 0);
    const last = this.chunks.length - 1;
    if (last === 0 && this.used + length > this.chunks[0].length && this.chunks[0].length < CHUNK) {
      // The first chunk starts small (a small corpus) and doubles up to a full one.
      this.chunks[0] = grown(this.chunks[0], Math.min(CHUNK, 2 * (this.used + length)));
    }
    if (this.used + length > (this.chunks.at(-1)?.length ?? 0)) {
      this.chunks.push(new Uint32Array(Math.max(last < 0 ? FIRST_CHUNK : CHUNK, length)));
      this.used = 0;
    }
    const chunk = this.chunks[this.chunks.length - 1];
    this.cols.chunk[n] = this.chunks.length - 1;
    this.cols.at[n] = this.used;
    parts.forEach((p, i) => (chunk[this.used + i] = p.length));
    let o = this.used + HEADER;
    for (const p of parts) {
      chunk.set(p, o);
      o += p.length;
    }
    this.used = o;
  }

  id(n: number): string {
    return this.ids[n];
  }

  report(n: number): Report | undefined {
    return this.kept[n];
  }

  order(n: number): EntryOrder {
    return {
      id: this.ids[n],
      published: this.strings.get(this.cols.published[n]),
      ingestOrder: this.cols.ingestOrder[n],
    };
  }

  outlet(n: number): string | null {
    return this.strings.get(this.cols.outlet[n]);
  }

  /** The number of words of the report's content. */
  words(n: number): number {
    return this.chunks[this.cols.chunk[n]][this.cols.at[n]];
  }

  core(n: number): ProfileCore {
    const c = this.cols;
    const chunk = this.chunks[c.chunk[n]];
    let o = c.at[n] + HEADER;
    const [words, contentText, context, cueStems] = [0, 1, 2, 3].map((i) => {
      const part = chunk.subarray(o, o + chunk[c.at[n] + i]);
      o += part.length;
      return part;
    });
    const day = (x: number) => (Number.isNaN(x) ? null : x);
    const occasion: Occasion = {
      day: day(c.occasionDay[n]),
      habitual: (c.flags[n] & HABITUAL) !== 0,
      perfect: (c.flags[n] & PERFECT) !== 0,
    };
    return {
      id: this.ids[n],
      article: this.strings.get(c.article[n]) as string,
      speaker: this.strings.get(c.speaker[n]),
      speakerKey: this.strings.get(c.speakerKey[n]),
      day: day(c.day[n]),
      words,
      contentText,
      context,
      cueStems,
      direct: (c.flags[n] & DIRECT) !== 0,
      quoted: (c.flags[n] & QUOTED) !== 0,
      negated: (c.flags[n] & NEGATED) !== 0,
      namesOnly: (c.flags[n] & NAMES_ONLY) !== 0,
      occasion,
    };
  }

  profile(n: number, vocab: Vocabulary): Profile {
    return expandProfile(this.core(n), vocab);
  }
}
