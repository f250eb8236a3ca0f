import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { predictAttribution, toScorerLine } from './attribution.js';
import { predictSpeakers } from './speakers.js';

const seed = readFileSync(new URL('../../test/fixtures/seed.txt', import.meta.url), 'utf8');
const dir = mkdtempSync(path.join(tmpdir(), 'ng-attr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(file: string, limit?: number): Promise<string[]> {
  const out: string[] = [];
  for await (const line of predictAttribution(file, { limit })) out.push(line);
  return out;
}

describe('predictAttribution', () => {
  const records = [
    { id: 'seed', date: '2025-04-10', title: 'NATO chief', text: seed },
    { id: 'short', date: 'not a date', text: 'The mayor said the bridge would reopen in May.' },
  ];

  it('yields one scorer line per record, with [start, end) pairs that slice the text', async () => {
    const file = path.join(dir, 'gold.jsonl');
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const lines = (await collect(file)).map(
      (l) => JSON.parse(l) as { id: string; attributions: Array<Record<string, [number, number][]>> },
    );
    expect(lines.map((l) => l.id)).toEqual(['seed', 'short']);
    expect(lines[0].attributions.length).toBeGreaterThan(3);
    for (const a of lines[0].attributions) {
      expect(Object.keys(a).sort()).toEqual(['content', 'cue', 'source']);
      for (const [s, e] of [...a.content, ...a.cue, ...a.source]) expect(e).toBeGreaterThan(s);
    }
    const said = lines[1].attributions.find((a) =>
      a.cue.some(([s, e]) => records[1].text.slice(s, e) === 'said'),
    );
    expect(said).toBeDefined();
  });

  it('never reads the gold attributions, and honours the limit', async () => {
    const plain = path.join(dir, 'plain.jsonl');
    const labelled = path.join(dir, 'labelled.jsonl');
    writeFileSync(plain, records.map((r) => JSON.stringify(r)).join('\n'));
    writeFileSync(
      labelled,
      records
        .map((r) =>
          JSON.stringify({ ...r, attributions: [{ source: [[0, 3]], cue: [[4, 8]], content: [[9, 20]] }] }),
        )
        .join('\n'),
    );
    expect(await collect(labelled)).toEqual(await collect(plain));
    expect(await collect(plain, 1)).toHaveLength(1);
  });

  it('names the line of a malformed record', async () => {
    const bad = path.join(dir, 'bad.jsonl');
    writeFileSync(bad, JSON.stringify(records[1]) + '\n{"id": 3}\n');
    await expect(collect(bad)).rejects.toThrow(/bad\.jsonl:2/);
  });

  it('leaves a report nested in another out of the PolNeAR lines, and keeps it in the speakers lines', async () => {
    const text = '“Captain Reyes replied that the bridge was closed,” Ana Ortiz testified.';
    const file = path.join(dir, 'nested.jsonl');
    writeFileSync(file, JSON.stringify({ id: 'nested', text }) + '\n');
    const cues = (line: string) =>
      (JSON.parse(line) as { attributions: Array<{ cue: unknown }> }).attributions
        .flatMap((a) => (Array.isArray(a.cue) && Array.isArray(a.cue[0]) ? a.cue : [a.cue]))
        .map((c) => (Array.isArray(c) ? text.slice(c[0] as number, c[1] as number) : null));
    const polnear: string[] = [];
    for await (const l of predictAttribution(file, {})) polnear.push(l);
    const speakers: string[] = [];
    for await (const l of predictSpeakers(file, {})) speakers.push(l);
    expect(cues(polnear[0])).toEqual(['testified']);
    expect(cues(speakers[0])).toEqual(['replied', 'testified']);
  });

  it("gives a source that spans a relative pronoun's antecedent as the pronoun alone, as PolNeAR marks it", () => {
    // "Dana Ruiz, who said …": the analysis reads "Dana Ruiz, who", the scorer's line "who".
    const line = toScorerLine({
      id: 'at1',
      kind: 'indirect',
      source: { start: 0, end: 14, text: 'Dana Ruiz, who', relative: { start: 11, end: 14, text: 'who' } },
      cue: { start: 15, end: 19, text: 'said', lemma: 'say' },
      content: [{ start: 20, end: 39, text: 'the plan would fail' }],
      via: [],
      stance: 'neutral',
    });
    expect(line.source).toEqual([[11, 14]]);
  });
});
