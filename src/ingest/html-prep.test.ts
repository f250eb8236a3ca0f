import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../util/data.js';
import { runInChild } from '../util/__fixtures__/child.js';
import { expectTenfoldTimes } from '../util/__fixtures__/growth.js';
import { prepareHtml } from './html-prep.js';

/**
 * Runs `extractArticle` over `pages` in a child process: an input that loops forever would hang a
 * test worker (a synchronous loop ignores vitest's timeouts); in a child it is killed and fails.
 */
async function extractInChild(pages: string[]): Promise<{ texts: string[]; ms: number[] }> {
  const code = `
    const { extractArticle } = await import(${JSON.stringify(path.join(PROJECT_ROOT, 'src/ingest/extract.ts'))});
    const pages = JSON.parse(process.argv[1]);
    extractArticle(pages[0]); // warm-up: module loading and compilation are not the input's cost
    const texts = [], ms = [];
    for (const p of pages) { const t0 = performance.now(); texts.push(extractArticle(p).text); ms.push(performance.now() - t0); }
    process.stdout.write(JSON.stringify({ texts, ms }));
  `;
  const run = await runInChild(['--input-type=module', '-e', code, JSON.stringify(pages)], 90_000);
  if (run.code !== 0) throw new Error(run.timedOut ? 'extraction killed after 90 s' : run.stderr);
  return JSON.parse(run.stdout) as { texts: string[]; ms: number[] };
}

const PARA =
  'The harbour bridge will close to cars in January after engineers found corrosion in two supports.';

describe('prepareHtml', () => {
  it('drops declarations and processing instructions up to their first ">", as an HTML tokenizer does', () => {
    const html = `<p>one</p><!DOCTYPE x><p>two<![CDATA[hidden]]> shown</p><?php echo 1 ?><p>three</p><!x>`;
    expect(prepareHtml(html).html).toBe('<p>one</p><p>two shown</p><p>three</p>');
    // `<![CDATA[` is a bogus comment in HTML: it ends at the first '>', not at ']]>'.
    expect(prepareHtml('<p>a<![CDATA[ 1 > 0 ]]>b</p>').html).toBe('<p>a 0 ]]>b</p>');
    expect(prepareHtml('<p>a</p><!DOCTYPE html').html).toBe('<p>a</p>');
  });
});

describe('extractArticle on declarations inside the body', () => {
  it('ends on the fuzz input that looped forever, and stays linear in the number of declarations', async () => {
    // Shrunk from a fuzz input (seed 5000, HTML extractor target): linkedom put a DOCTYPE inside
    // <body> after Readability's innerHTML round trip, and Readability's next pass never ended.
    const hung = '<m><![CDATA[--><!DOCTYPE h';
    const soup = (n: number): string =>
      `<article>${`<p>${PARA}</p><![CDATA[--><!DOCTYPE h><m><?x -->`.repeat(n)}</article>`;
    const { texts, ms } = await extractInChild([
      hung,
      `<p>${PARA}</p>${hung}`,
      `<html><body><p>${PARA}</p><!DOCTYPE html><p>${PARA}</p></body></html>`,
      soup(30),
      soup(300),
    ]);
    expect(texts[0]).toBe('');
    expect(texts[1]).toContain(PARA);
    expect(texts[2]).toContain(PARA);
    expect(texts[4]).toContain(PARA);
    // 10× the markup in well under 30× the time (a fixed floor keeps tiny timings from deciding).
    expectTenfoldTimes(ms[3]!, ms[4]!);
  }, 120_000);
});
