import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../pipeline/analyze.js';
import { predictEvents, predictedEvents } from './events.js';

describe('predictEvents', () => {
  it('reads id, text and date only, honours limit and both schemes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-events-'));
    try {
      const gold = path.join(dir, 'gold.jsonl');
      const rows = [
        {
          id: 'r1',
          date: '19950101',
          text: 'Russian troops attacked Ukraine on Monday.',
          expected: 'not read',
        },
        { id: 'r2', date: '2000-01-01', text: 'Iran threatened to shell Iraqi towns.' },
        { id: 'r3', text: '' },
      ];
      writeFileSync(gold, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
      const collect = async (opts: Parameters<typeof predictEvents>[1]) => {
        const out: { id: string; events: { source: string; target: string; code: string }[] }[] = [];
        for await (const line of predictEvents(gold, opts))
          out.push(JSON.parse(line) as (typeof out)[number]);
        return out;
      };
      const plover = await collect({ scheme: 'plover' });
      expect(plover.map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
      expect(plover[0]!.events).toContainEqual(
        expect.objectContaining({
          source: 'RUSMIL',
          target: 'UKR',
          code: 'FIGHT',
          sourceText: 'Russian troops',
        }),
      );
      expect(plover[2]!.events).toEqual([]);
      const cameo = await collect({ scheme: 'cameo', limit: 2 });
      expect(cameo).toHaveLength(2);
      expect(cameo[1]!.events.map((e) => e.code.slice(0, 2))).toEqual(['13']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('predicted events of a reciprocal act, in each scheme’s convention', () => {
  const sentence = 'Ghana and Togo held talks in Paris on Monday.';
  const pairs = async (file: string, scheme?: 'plover' | 'cameo', id = 'r1') => {
    const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-recip-'));
    try {
      const gold = path.join(dir, file);
      writeFileSync(gold, JSON.stringify({ id, text: sentence }) + '\n');
      const out: string[] = [];
      for await (const line of predictEvents(gold, { scheme })) {
        const rec = JSON.parse(line) as {
          events: { source: string; target: string; sourceText: string; targetText: string }[];
        };
        for (const e of rec.events) out.push(`${e.source}>${e.target}|${e.sourceText}>${e.targetText}`);
      }
      return out;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  it("writes actors in the scheme's own convention: PLOVER's sectors, CAMEO's agents", () => {
    const a = analyze('American doctors protested against the government on Monday.', {}, { id: 'd' });
    const dyad = (scheme: 'plover' | 'cameo') =>
      predictedEvents(a, scheme).map((e) => `${e.source}>${e.target}`);
    // PLOVER's medical sector is MED; CAMEO's health agent is HLH (its MED is the media).
    expect(dyad('plover')).toEqual(['USAMED>USAGOV']);
    expect(dyad('cameo')).toEqual(['USAHLH>USAGOV']);
    const b = analyze('Russian journalists accused the government of censorship.', {}, { id: 'j' });
    expect(predictedEvents(b, 'plover').map((e) => e.source)).toEqual(['RUSJRN']);
    expect(predictedEvents(b, 'cameo').map((e) => e.source)).toEqual(['RUSMED']);
  });

  it('CAMEO both ways, PLOVER each as a source, PLV the pair along the conjunction', async () => {
    expect(await pairs('petrarch-like.jsonl', 'cameo')).toEqual(['GHA>TGO|Ghana>Togo', 'TGO>GHA|Togo>Ghana']);
    expect(await pairs('gsr-like.jsonl', 'plover')).toEqual(['GHA>|Ghana>', 'TGO>|Togo>']);
    expect(await pairs('plv-like.jsonl', 'plover')).toEqual(['GHA>TGO|Ghana>Togo']);
  });
  it('knows PLV records by their ids when the file is named otherwise', async () => {
    expect(await pairs('held-out.jsonl', undefined, 'plv-test-7')).toEqual(['GHA>TGO|Ghana>Togo']);
    expect(await pairs('held-out.jsonl', undefined, 'r7')).toHaveLength(2);
  });
});
