/**
 * What the dashboard's browser tests share: Debian's Chromium (never a downloaded browser), a fresh
 * build of the dashboard into a temp folder (so a test never runs a stale bundle) and a headless launch.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = '/usr/bin/chromium';

/** Whether Chromium is installed; warns once per test file, naming what is skipped, when it is not. */
export function chromiumInstalled(what: string): boolean {
  const have = existsSync(CHROMIUM);
  if (!have) console.warn(`${what} skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`);
  return have;
}

/** Builds the dashboard into `dir/web` and returns that folder, to be served as `webRoot`. */
export async function buildDashboard(dir: string): Promise<string> {
  const { build } = await import('vite');
  const webRoot = path.join(dir, 'web');
  await build({
    configFile: path.join(ROOT, 'web', 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: webRoot, emptyOutDir: true },
  });
  return webRoot;
}

/** Headless Chromium without network side traffic (no QUIC, updates, sync or first-run pages). */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
