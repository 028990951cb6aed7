// Debian's Chromium (never a downloaded browser) with a fresh profile, as the suite and the benchmark use it.
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A new headless Chromium context and its first page. */
export async function launch(viewport) {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'oc-chromium-')), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    viewport,
  });
  return { context, page: context.pages()[0] ?? (await context.newPage()) };
}
