import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSources } from './sources.js';
import { isIngestProblem, type IngestItem, type IngestProblem } from './types.js';

const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-jsonl-dates-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('JSONL publication dates', () => {
  it('reads null as unknown, keeps stated offsets, and refuses impossible dates with the reason', async () => {
    const file = path.join(dir, 'dates.jsonl');
    const text = 'The council met on Tuesday to discuss the harbour.';
    writeFileSync(
      file,
      [
        { id: 'a1', text, meta: { published: null } },
        { id: 'a2', text, date: '2019-11-19T19:53:52-05:00' },
        { id: 'a3', text, meta: { published: '2025-13-45' } },
        { id: 'a4', text, meta: { published: '0000-00-00' } },
        { id: 'a5', text, meta: { published: '2025-02-30' } },
      ]
        .map((x) => JSON.stringify(x))
        .join('\n'),
    );
    const out: Array<IngestItem | IngestProblem> = [];
    for await (const x of readSources([file])) out.push(x);
    const items = out.filter((x): x is IngestItem => !isIngestProblem(x));
    const problems = out.filter(isIngestProblem);
    expect(items.map((i) => i.published)).toEqual([undefined, '2019-11-19T19:53:52-05:00']);
    expect(problems.map((p) => p.where.replace(/.*:/, ''))).toEqual(['3', '4', '5']);
    expect(problems[0].reason).toMatch(/"2025-13-45" is not a date \(month 13 is not between 01 and 12\)/);
    expect(problems[1].reason).toMatch(/"0000-00-00" is not a date/);
    expect(problems[2].reason).toMatch(/day 30 is not in 2025-02, which has 28 days/);
  });
});
