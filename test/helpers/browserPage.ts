/**
 * The set-up of the real-browser tests: Debian's Chromium (or CHROMIUM_PATH) driven by
 * playwright-core against the real server on a free local port, on the seed plus the published data
 * sets. On CI a missing Chromium or missing data sets fail the run (on import); elsewhere
 * `browserSkipReason` says why the tests skip. Screenshots go to `SHOTS` (test-results/browser/,
 * git-ignored).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server.js';
import { projectRoot } from '../../src/paths.js';
import type { Config } from '../../src/config.js';
import { seededAndImported } from './fullGraph.js';
import { testLimits } from './testApi.js';
import { hasSharedData, sharedDataRequired, sharedDataSkipReason } from './sharedData.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const inCI = process.env.CI === 'true';
if (!hasChromium && inCI) throw new Error(`Chromium is not at ${CHROMIUM} (apt-get install chromium): required in CI`);
if (!hasSharedData && sharedDataRequired)
  throw new Error(`browser tests need the published data sets in CI: ${sharedDataSkipReason}`);

/** Why the browser tests cannot run here (no Chromium, no data sets), or null. */
export const browserSkipReason: string | null = !hasChromium
  ? `skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`
  : sharedDataSkipReason;
/** Where the tests write their screenshots. */
export const SHOTS = join(projectRoot, 'test-results', 'browser');

export interface BrowserPageOptions {
  viewport: { width: number; height: number };
  /** The server's limits; default `testLimits`. */
  limits?: Config['limits'];
}

export interface BrowserPage {
  server: RunningServer;
  browser: Browser;
  page: Page;
  /** Every URL the page requested, in order (clear it to watch one step). */
  requests: string[];
  /** Console errors and uncaught page errors (clear it to watch one step). */
  consoleErrors: string[];
  /** The server's origin, e.g. http://127.0.0.1:40123. */
  origin: string;
  close(): Promise<void>;
}

/** Starts the server on the seeded and imported store, launches Chromium and opens one page on it. */
export async function openBrowserPage(options: BrowserPageOptions): Promise<BrowserPage> {
  mkdirSync(SHOTS, { recursive: true });
  const executor = await seededAndImported();
  const server = await startServer({ executor, limits: options.limits ?? testLimits, port: 0, host: '127.0.0.1' });
  let browser: Browser;
  let page: Page;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: options.viewport });
  } catch (e) {
    await server.stop();
    throw e;
  }
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => {
    requests.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => {
    consoleErrors.push(e.message);
  });
  return {
    server,
    browser,
    page,
    requests,
    consoleErrors,
    origin: new URL(server.url).origin,
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}
