import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ROOT, buildDashboard, chromiumInstalled, launchChromium } from './browser.js';
import { attachCorpus, claimsAnalysis, relaysAnalysis, statementsAnalysis } from '../../src/corpus/index.js';
import { FULL, ITEMS, putAll, quoted } from '../../src/corpus/fixtures.js';
import { buildServer } from '../../src/server/index.js';
import { SqliteStore } from '../../src/store/index.js';
import { inputOf } from '../../src/store/fixtures.js';

const haveChromium = chromiumInstalled('statements e2e test');

/** A report whose quoted words carry markup: if any of it ran, window.__pwned or the title changes. */
const HOSTILE_WORDS = `the northern border crossing at Pelton <img src=x onerror="window.__pwned=1;document.title='pwned'"> will reopen to lorries on Monday morning <script>window.__pwned=1</script>`;
/** The origin's words with one word changed ("crossing" → "bridge"). */
const CHANGED_WORDS = 'the northern border bridge at Pelton will reopen to lorries on Monday morning';

describe.skipIf(!haveChromium)('statement, claim and outlet pages in headless Chromium', () => {
  let dir: string;
  let store: SqliteStore;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  let page: Page;
  let ids: Map<string, string>;
  const artifacts = path.join(ROOT, 'test-artifacts');

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-e2e-statements-'));
    mkdirSync(artifacts, { recursive: true });
    const webRoot = await buildDashboard(dir);
    store = new SqliteStore(path.join(dir, 'e2e.db'));
    await attachCorpus(store, [statementsAnalysis(), claimsAnalysis(), relaysAnalysis()]);
    ITEMS.push(
      quoted(
        'hostile',
        'Hostile Times',
        '2025-04-05',
        `Ana Lopes said "${HOSTILE_WORDS}" to us.`,
        HOSTILE_WORDS,
      ),
      quoted(
        'changed',
        'Changed Post',
        '2025-04-06',
        `Ana Lopes said "${CHANGED_WORDS}" on radio.`,
        CHANGED_WORDS,
      ),
    );
    ids = await putAll(
      store,
      ITEMS.map((_, i) => i),
    );
    ITEMS.splice(-2);
    // The Wire's article republished word for word: its story's lineage has one edge.
    await store.putArticle(
      inputOf('mirror', ITEMS[0].analysis.text, { outlet: 'Mirror', published: '2025-04-07' }),
      ITEMS[0].analysis,
    );
    app = await buildServer({ store, webRoot });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lists the statement, shows its reports on a timeline with changed words highlighted, and escapes article text', async () => {
    // The first page points at the statement most outlets reported.
    await page.goto(`${base}/#/articles`);
    const across = page.locator('[data-testid=across-outlets]');
    await across.waitFor({ timeout: 15_000 });
    expect(await across.innerText()).toMatch(/5 reports in Changed Post, Daily, Herald, Hostile Times, Wire/);

    await page.goto(`${base}/#/statements`);
    const item = page.locator('[data-testid=statement-list] li', { hasText: FULL });
    await item.first().waitFor({ timeout: 15_000 });
    expect(await item.first().innerText()).toMatch(/Ana Lopes · 5 reports/);
    await item.first().locator('a.open-statement').click();
    const reports = page.locator('[data-testid=statement-timeline] [data-testid=report]');
    await reports.first().waitFor({ timeout: 15_000 });
    // Earliest first: the Wire's origin, then Daily, Herald, the hostile and the changed report.
    const heads = await reports.evaluateAll((els) => els.map((e) => e.querySelector('strong')?.textContent));
    expect(heads).toEqual(['Wire', 'Daily', 'Herald', 'Hostile Times', 'Changed Post']);
    expect(await reports.first().locator('.chip').first().innerText()).toBe('origin');
    expect(await reports.first().locator('mark.drift').count()).toBe(0);

    // The changed word is highlighted as such; the cut words of a shorter report are listed as dropped.
    const changed = reports.nth(4).locator('mark.drift');
    expect(await changed.allInnerTexts()).toEqual(['bridge']);
    expect(await changed.first().getAttribute('data-kind')).toBe('words-changed');
    expect(await reports.nth(1).locator('.dropped del').allInnerTexts()).toEqual(
      expect.arrayContaining(['to lorries']),
    );

    // The hostile report's markup is words added to the origin: highlighted, and shown as text.
    const hostile = reports.nth(3);
    const added = (await hostile.locator('mark.drift[data-kind~="words-added"]').allInnerTexts()).join(' ');
    // Marks run over the added words (from "img" to the last word of the markup).
    expect(added).toContain('img src=x onerror="window.__pwned=1');
    const shown = await hostile.locator('[data-testid=report-content]').innerText();
    expect(shown).toContain('<img src=x onerror=');
    expect(shown).toContain('<script>window.__pwned=1</script>');
    await page.waitForTimeout(300);
    expect(
      await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(await page.title()).toBe('newsgraph');
    expect(await page.locator('main img, main script').count()).toBe(0);
    await page.screenshot({ path: path.join(artifacts, 'dashboard-statement.png'), fullPage: true });

    // Each report opens its article view on its attribution.
    await reports.nth(1).locator('a.open-article').click();
    await page.waitForURL(new RegExp(`#/article/${ids.get('daily')}\\?focus=att%3AQ1`));
    await page.locator('[data-testid=article-text] mark.focused').first().waitFor({ timeout: 15_000 });
  });

  it('shows a claim traced to its sourced report, and the outlet graph with relays back to the relayed outlet', async () => {
    await page.goto(`${base}/#/claims`);
    const claim = page.locator('[data-testid=claim-list] li', { hasText: FULL });
    await claim.first().waitFor({ timeout: 15_000 });
    await claim.first().locator('a.open-claim').click();
    const sources = page.locator('[data-testid=claim-sources] li');
    await sources.first().waitFor({ timeout: 15_000 });
    expect(await sources.first().innerText()).toMatch(/Ana Lopes · “said” · Wire/);
    await page.screenshot({ path: path.join(artifacts, 'dashboard-claim.png'), fullPage: true });

    await page.goto(`${base}/#/outlets`);
    await page.locator('[data-testid=outlet-graph] line').first().waitFor({ timeout: 15_000 });
    const rows = await page.locator('[data-testid=outlet-edges] tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split('\t').join(' '))).toContain('Daily Wire credits 1');
    await page.locator('[data-testid=outlet-edges] tbody tr', { hasText: 'Herald' }).locator('a').click();
    const relayed = page.locator('[data-testid=relay-list] a.relayed-article');
    await relayed.first().waitFor({ timeout: 15_000 });
    expect(await relayed.first().innerText()).toMatch(/Daily/);
    await page.screenshot({ path: path.join(artifacts, 'dashboard-outlets.png'), fullPage: true });

    await page.goto(`${base}/#/story/${ids.get('wire')}`);
    const lineage = page.locator('[data-testid=lineage] li');
    await lineage.first().waitFor({ timeout: 15_000 });
    expect(await lineage.first().innerText()).toMatch(
      /Wire → Mirror · exact copy.* 0 words added, 0 removed, 0 rewritten/,
    );
  });
});
