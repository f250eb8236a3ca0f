import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/pipeline/index.js';
import { textStage } from '../../src/text/index.js';
import { mentionsStage } from '../../src/mentions/index.js';
import { PROJECT_ROOT } from '../../src/util/data.js';
import { actorsStage } from '../../src/actors/index.js';
import { attributionStage } from '../../src/attribution/index.js';

/*
 * Dumps mentions, actors and attribution sources of the PolNeAR train articles, for reading how
 * bare surnames are resolved. Usage: npx tsx scripts/actors/surname-dump.ts OUT.jsonl
 */
const file = path.resolve(PROJECT_ROOT, '..', 'shared', 'data', 'attribution', 'polnear-train.jsonl');
const rows = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim().length > 0)
  .map((l) => JSON.parse(l) as { id: string; text: string; date?: string });
const stages = [textStage, mentionsStage, actorsStage, attributionStage];
const out: string[] = [];
for (const { id, text, date } of rows) {
  const a = analyze(text, date ? { published: date } : {}, { stages });
  out.push(
    JSON.stringify({
      id,
      text,
      mentions: a.mentions.map((m) => ({
        id: m.id,
        start: m.start,
        end: m.end,
        kind: m.kind,
        type: m.type,
        head: m.head,
        actor: m.actor,
      })),
      actors: a.actors.map((x) => ({ id: x.id, name: x.name, type: x.type, kb: x.kb, mentions: x.mentions })),
      sources: a.attributions.map((t) => ({
        id: t.id,
        kind: t.kind,
        source: t.source,
        cue: t.cue,
        content: t.content,
      })),
    }),
  );
}
writeFileSync(process.argv[2] ?? '/tmp/surname/dump.jsonl', out.join('\n') + '\n');
console.log(rows.length);
