import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { Analysis, Event } from '../model/index.js';
import { readAnalyses, registerExport } from '../cli/commands/export.js';
import {
  CSV_COLUMNS,
  csvField,
  exportChunks,
  exportLines,
  GDELT_COLUMNS,
  toCsv,
  toGdelt,
  toJsonl,
  toPlover,
} from './index.js';

const text = 'Russian troops attacked Ukraine, "officials" said, on Monday.\nFrance, Germany agreed.';
function event(over: Partial<Event> = {}): Event {
  return {
    id: 'ev1',
    source: { code: 'RUSMIL', text: 'Russian troops' },
    target: { code: 'UKR', text: 'Ukraine' },
    cameo: '190',
    plover: { type: 'FIGHT' },
    goldstein: -10,
    quadClass: 4,
    trigger: { start: 15, end: 23, text: text.slice(15, 23) },
    evidence: [{ start: 0, end: 50, text: text.slice(0, 50) }],
    ...over,
  };
}
function analysis(
  events: Event[],
  meta: Analysis['meta'] = { published: '2025-04-03', url: 'https://example.org/a?x=1,2' },
): Analysis {
  return {
    version: 1,
    id: 'a1',
    text,
    meta,
    sentences: [{ start: 0, end: 61, text: text.slice(0, 61), tokenStart: 0, tokenEnd: 12, paragraph: 0 }],
    mentions: [],
    actors: [],
    attributions: [],
    claims: [],
    events,
    times: [],
    messages: [],
  };
}
const sample = [
  analysis([
    event(),
    event({ id: 'ev2', target: null, cameo: '010', plover: null, goldstein: 0, quadClass: 1 }),
  ]),
  analysis([event({ source: { code: 'IGOWSTNAT', text: 'NATO\tchief\nsaid' } })], {}),
];

describe('GDELT export', () => {
  it('has the 61 GDELT 2.0 columns on every row', () => {
    expect(GDELT_COLUMNS).toHaveLength(61);
    const rows = [...toGdelt(sample)];
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(r.split('\t')).toHaveLength(61);
    expect([...toGdelt(sample, { header: true })][0]!.split('\t')).toEqual([...GDELT_COLUMNS]);
  });
  it('fills what the analysis supports and leaves the rest empty', () => {
    const cols = [...toGdelt(sample)][0]!.split('\t');
    const at = (name: string) => cols[GDELT_COLUMNS.indexOf(name as (typeof GDELT_COLUMNS)[number])];
    expect(at('SQLDATE')).toBe('20250403');
    expect(at('Actor1Code')).toBe('RUSMIL');
    expect(at('Actor1CountryCode')).toBe('RUS');
    expect(at('Actor1Type1Code')).toBe('MIL');
    expect(at('EventRootCode')).toBe('19');
    expect(at('GoldsteinScale')).toBe('-10');
    expect(at('AvgTone')).toBe('');
    expect(at('ActionGeo_Lat')).toBe('');
    expect(at('SOURCEURL')).toBe('https://example.org/a?x=1,2');
    // No date, IGO actor with tabs in its name: empty date fields, no country, no broken row.
    const third = [...toGdelt(sample)][2]!.split('\t');
    expect(third[1]).toBe('');
    expect(third[5]).toBe('IGOWSTNAT');
    expect(third[7]).toBe('');
  });
});

describe('PLOVER export', () => {
  it('is one parseable JSON array without CAMEO statements', () => {
    const parsed = JSON.parse([...toPlover(sample)].join('\n')) as {
      event_type: string;
      event_date: string | null;
    }[];
    expect(parsed.map((r) => r.event_type)).toEqual(['FIGHT', 'FIGHT']);
    expect(parsed[0]!.event_date).toBe('2025-04-03');
    expect(JSON.parse([...toPlover([])].join(''))).toEqual([]);
  });
});

describe('CSV export', () => {
  it('quotes commas, quotes and newlines (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(undefined)).toBe('');
  });
  it('has a header and one row per event that parses back to the same fields', () => {
    const lines = [...toCsv(sample)];
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(4);
    const fields = parseCsvLine(lines[1]!);
    expect(fields).toHaveLength(CSV_COLUMNS.length);
    expect(fields[CSV_COLUMNS.indexOf('evidence')]).toBe(text.slice(0, 50));
    expect(fields[CSV_COLUMNS.indexOf('url')]).toBe('https://example.org/a?x=1,2');
  });
});

describe('JSONL export and input', () => {
  it('writes one JSON event per line', () => {
    const lines = [...exportLines('jsonl', sample)];
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(JSON.parse(l)).toHaveProperty('cameo');
    expect([...toJsonl([])]).toEqual([]);
  });
  it('reads analyses JSONL and rejects bad lines with their line number', async () => {
    const ok = await readAnalyses(
      Readable.from(sample.map((a) => JSON.stringify(a)).join('\n') + '\n'),
      'in',
    );
    expect(ok).toHaveLength(2);
    await expect(readAnalyses(Readable.from('{"version":1}\n'), 'in')).rejects.toThrow(
      /in:1: not an analysis/,
    );
    await expect(readAnalyses(Readable.from('\n{oops\n'), 'in')).rejects.toThrow(/in:2: not JSON/);
  });
});

describe('newsgraph export', () => {
  it('reads analyses JSONL from --in and writes each format to --out', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-export-'));
    try {
      const input = path.join(dir, 'analyses.jsonl');
      writeFileSync(input, sample.map((a) => JSON.stringify(a)).join('\n') + '\n');
      for (const format of ['gdelt', 'plover', 'csv', 'jsonl']) {
        const out = path.join(dir, `out.${format}`);
        const program = new Command().exitOverride();
        registerExport(program);
        await program.parseAsync([
          'node',
          'newsgraph',
          'export',
          '--format',
          format,
          '--in',
          input,
          '--out',
          out,
        ]);
        const written = readFileSync(out, 'utf8');
        if (format === 'gdelt')
          for (const row of written.replace(/\n$/, '').split('\n')) expect(row.split('\t')).toHaveLength(61);
        if (format === 'plover') expect(JSON.parse(written)).toHaveLength(2);
        if (format === 'csv') expect(written.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
        if (format === 'jsonl') expect(written.trimEnd().split('\n')).toHaveLength(3);
      }
      const program = new Command().exitOverride();
      registerExport(program);
      await expect(
        program.parseAsync(['node', 'newsgraph', 'export', '--format', 'xml', '--in', input]),
      ).rejects.toThrow(/--format/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A small RFC 4180 line parser for the test (quoted fields may hold commas, quotes, newlines). */
function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

describe('exportChunks (a store read page by page)', () => {
  const collect = async (format: 'gdelt' | 'plover' | 'csv' | 'jsonl', chunks: Analysis[][]) => {
    const out: string[] = [];
    const source = async function* () {
      for (const c of chunks) yield c;
    };
    for await (const line of exportChunks(format, source())) out.push(line);
    return out;
  };
  const many = [sample[0], sample[1], sample[0], sample[1]].map((a, i) => ({ ...a, id: `doc${i}` }));

  it.each(['gdelt', 'csv', 'jsonl'] as const)(
    '%s: chunked output equals the one-piece export',
    async (format) => {
      const whole = [...exportLines(format, many)];
      expect(await collect(format, [many.slice(0, 1), many.slice(1, 3), many.slice(3)])).toEqual(whole);
    },
  );

  it('plover: one valid JSON array with every record, whatever the chunking', async () => {
    const whole = JSON.parse([...exportLines('plover', many)].join('\n'));
    const chunked = JSON.parse((await collect('plover', [many.slice(0, 3), [], many.slice(3)])).join('\n'));
    expect(chunked).toEqual(whole);
    expect(JSON.parse((await collect('plover', [])).join('\n'))).toEqual([]);
  });

  it('gdelt: event numbers run on across chunks', async () => {
    const ids = (await collect('gdelt', [many.slice(0, 2), many.slice(2)])).map((l) => l.split('\t')[0]);
    expect(ids).toEqual(ids.map((_, i) => String(i + 1)));
  });
});

describe('a reciprocal act in each export', () => {
  const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
  const fra = { code: 'FRA', text: 'France', ...at('France') };
  const deu = { code: 'DEU', text: 'Germany', ...at('Germany') };
  const agreed = analysis([
    event({
      source: { code: 'FRA', text: 'France, Germany', ...at('France, Germany') },
      target: null,
      cameo: '030',
      plover: { type: 'AGREE' },
      goldstein: 4,
      quadClass: 1,
      trigger: { ...at('agreed'), text: 'agreed' },
      reciprocal: true,
      participants: [fra, deu],
    }),
  ]);
  it('GDELT and CSV write it both ways, as CAMEO codes it', () => {
    const actors = [...toGdelt([agreed])].map((r) => {
      const cols = r.split('\t');
      return `${cols[GDELT_COLUMNS.indexOf('Actor1Code')]}>${cols[GDELT_COLUMNS.indexOf('Actor2Code')]}`;
    });
    expect(actors).toEqual(['FRA>DEU', 'DEU>FRA']);
    const rows = [...toCsv([agreed])].slice(1).map(parseCsvLine);
    expect(rows.map((f) => f[CSV_COLUMNS.indexOf('event')])).toEqual(['ev1.1', 'ev1.2']);
    expect(rows.map((f) => f[CSV_COLUMNS.indexOf('target_text')])).toEqual(['Germany', 'France']);
  });
  it("PLOVER records carry each actor's PLOVER code beside its CAMEO code", () => {
    const doctors = analysis([
      event({
        source: { code: 'USAHLH', text: 'American doctors' },
        target: { code: 'IGOUNOHLHWHO', text: 'the WHO' },
      }),
    ]);
    const [r] = JSON.parse([...toPlover([doctors])].join('\n')) as {
      source: { code: string; plover_code: string };
      target: { code: string; plover_code: string };
    }[];
    expect([r!.source.code, r!.source.plover_code]).toEqual(['USAHLH', 'USAMED']);
    expect([r!.target.code, r!.target.plover_code]).toEqual(['IGOUNOHLHWHO', 'IGOMED']);
  });
  it('PLOVER makes each participant a source without a target', () => {
    const records = JSON.parse([...toPlover([agreed])].join('\n')) as {
      event_id: string;
      source: { code: string } | null;
      target: unknown;
    }[];
    expect(records.map((r) => [r.event_id, r.source?.code, r.target])).toEqual([
      ['a1#ev1.1', 'FRA', null],
      ['a1#ev1.2', 'DEU', null],
    ]);
  });
  it('JSONL writes the event once, with its participants', () => {
    const lines = [...toJsonl([agreed])].map((l) => JSON.parse(l) as Event);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.participants?.map((p) => p.code)).toEqual(['FRA', 'DEU']);
  });
  it('chunked GDELT numbers every row', async () => {
    async function* chunks() {
      yield [agreed];
      yield [agreed];
    }
    const seqs: string[] = [];
    for await (const line of exportChunks('gdelt', chunks())) seqs.push(line.split('\t')[0]!);
    expect(seqs).toEqual(['1', '2', '3', '4']);
  });
});
