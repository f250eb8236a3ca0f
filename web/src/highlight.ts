import type { Analysis } from '../../src/model/index.js';

/** What a highlighted span is, displaCy-style: each kind has its own colour and explanation. */
export type MarkKind = 'content' | 'cue' | 'source' | 'via' | 'mention' | 'event' | 'time' | 'claim';

export interface Mark {
  kind: MarkKind;
  start: number;
  end: number;
  /** A short label ("quote by Mark Rutte", "CAMEO 036 Express intent to meet"). */
  label: string;
  /** Key/value lines shown when the span is clicked. */
  details: [string, string][];
  /** The layer item the mark belongs to, namespaced (`att:Q1`, `actor:A2`, `event:E1`): groups marks of one item. */
  ref: string;
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  marks: Mark[];
}

export const KIND_NAMES: Record<MarkKind, string> = {
  content: 'quoted or reported content',
  cue: 'attribution cue',
  source: 'speaker / source',
  via: 'relaying outlet',
  mention: 'actor mention',
  event: 'event trigger',
  time: 'date or time',
  claim: 'unattributed claim',
};

/** Every span of the analysis as a mark, with what it is. */
export function marksOf(a: Analysis): Mark[] {
  const actorName = new Map(a.actors.map((x) => [x.id, x.name]));
  const marks: Mark[] = [];
  for (const at of a.attributions) {
    const speaker = at.source
      ? at.source.actor
        ? (actorName.get(at.source.actor) ?? at.source.text)
        : at.source.text
      : 'unknown';
    const common: [string, string][] = [
      ['speaker', speaker],
      ['kind', at.kind],
      ['stance', at.stance],
      ['cue', at.cue?.text ?? '—'],
    ];
    for (const c of at.content) {
      marks.push({
        kind: 'content',
        start: c.start,
        end: c.end,
        label: `${at.kind} quote by ${speaker}`,
        details: common,
        ref: `att:${at.id}`,
      });
    }
    if (at.cue)
      marks.push({
        kind: 'cue',
        start: at.cue.start,
        end: at.cue.end,
        label: `cue “${at.cue.lemma}”`,
        details: common,
        ref: `att:${at.id}`,
      });
    if (at.source) {
      marks.push({
        kind: 'source',
        start: at.source.start,
        end: at.source.end,
        label: `speaker: ${speaker}${at.source.unnamed ? ' (unnamed)' : ''}`,
        details: common,
        ref: `att:${at.id}`,
      });
    }
    for (const v of at.via) {
      const d: [string, string][] = [
        ['outlet', v.outlet],
        ['citing', v.citing?.text ?? '—'],
      ];
      marks.push({
        kind: 'via',
        start: v.cue.start,
        end: v.cue.end,
        label: `relayed by ${v.outlet}`,
        details: d,
        ref: `att:${at.id}`,
      });
      if (v.outletSpan)
        marks.push({
          kind: 'via',
          start: v.outletSpan.start,
          end: v.outletSpan.end,
          label: `outlet ${v.outlet}`,
          details: d,
          ref: `att:${at.id}`,
        });
      if (v.citing)
        marks.push({
          kind: 'via',
          start: v.citing.start,
          end: v.citing.end,
          label: `cited by ${v.outlet}`,
          details: d,
          ref: `att:${at.id}`,
        });
    }
  }
  for (const m of a.mentions) {
    const actor = m.actor ? a.actors.find((x) => x.id === m.actor) : undefined;
    const details: [string, string][] = [
      ['type', m.type],
      ['mention', m.kind],
      ['actor', actor?.name ?? '—'],
      ['CAMEO', actor?.cameo ?? '—'],
    ];
    if (actor?.roles.length)
      details.push([
        'roles',
        actor.roles.map((r) => r.title + (r.affiliation ? `, ${r.affiliation}` : '')).join('; '),
      ]);
    marks.push({
      kind: 'mention',
      start: m.start,
      end: m.end,
      label: `${m.type}${actor ? ` → ${actor.name}` : ''}`,
      details,
      ref: m.actor ? `actor:${m.actor}` : `mention:${m.id}`,
    });
  }
  for (const e of a.events) {
    const details: [string, string][] = [
      ['CAMEO', e.cameo],
      ['source', e.source ? `${e.source.text} (${e.source.code})` : '—'],
      ['target', e.target ? `${e.target.text} (${e.target.code})` : '—'],
      ['Goldstein', String(e.goldstein)],
      ['QuadClass', String(e.quadClass)],
    ];
    if (e.plover) details.push(['PLOVER', e.plover.type + (e.plover.mode ? ` / ${e.plover.mode}` : '')]);
    if (e.negated) details.push(['negated', 'yes']);
    marks.push({
      kind: 'event',
      start: e.trigger.start,
      end: e.trigger.end,
      label: `event ${e.cameo}`,
      details,
      ref: `event:${e.id}`,
    });
  }
  for (const t of a.times) {
    marks.push({
      kind: 'time',
      start: t.start,
      end: t.end,
      label: `date ${t.value}`,
      details: [
        ['value', t.value],
        ['granularity', t.granularity],
        ['relative', t.relative ? 'yes' : 'no'],
      ],
      ref: `time:${t.id}`,
    });
  }
  for (const c of a.claims) {
    marks.push({
      kind: 'claim',
      start: c.start,
      end: c.end,
      label: 'unattributed claim',
      details: [
        ['why', c.reason],
        ['stance', c.stance],
      ],
      ref: `claim:${c.id}`,
    });
  }
  return marks.filter((m) => m.end > m.start && m.start >= 0 && m.end <= a.text.length);
}

/**
 * Cuts the text at every mark boundary: each segment lists the marks covering it, so overlapping
 * layers (a mention inside a quote) show together. A sweep over sorted boundaries: O(n log n + output).
 */
export function segment(text: string, marks: readonly Mark[]): Segment[] {
  const cuts = new Set<number>([0, text.length]);
  for (const m of marks) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const byStart = [...marks].sort((x, y) => x.start - y.start);
  const active: Mark[] = [];
  const out: Segment[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i];
    const e = points[i + 1];
    while (next < byStart.length && byStart[next].start <= s) active.push(byStart[next++]);
    for (let k = active.length - 1; k >= 0; k--) if (active[k].end <= s) active.splice(k, 1);
    out.push({
      start: s,
      end: e,
      text: text.slice(s, e),
      marks: active.filter((m) => m.start <= s && m.end >= e),
    });
  }
  return out;
}
