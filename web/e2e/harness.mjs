// What every browser suite shares: steps that build on each other, a screenshot and axe-core check of each page,
// waiting for what the stream delivers, and the mails the local cloud writes as files.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** A suite's steps and checks, with screenshots under {@code shots}; {@code page} is the tab a failure is pictured from. */
export function harness(page, shots) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const checkedPages = [];
  const suite = {
    checkedPages,
    /** One step of the path; the steps build on each other, so after a failure the rest are skipped (and counted). */
    async step(name, body) {
      if (failed > 0) {
        skipped++;
        console.log(`skip ${name}`);
        return;
      }
      try {
        await body();
        passed++;
        console.log(`ok   ${name}`);
      } catch (error) {
        failed++;
        console.log(`FAIL ${name}: ${error.message.split('\n')[0]}`);
        await page.screenshot({ path: join(shots, `failed-${passed + failed}.png`) }).catch(() => {});
      }
    },
    /** A screenshot of the page, and axe-core's check of it: any serious or critical violation fails the step. */
    async shot(name, tab = page) {
      await tab.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
      // Evaluated through DevTools, not as a page script: the page's CSP (no inline or eval'd scripts) stays on.
      if (!(await tab.evaluate(() => 'axe' in window))) await tab.evaluate(axeSource);
      const violations = await tab.evaluate(async () => {
        const result = await window.axe.run(document, { resultTypes: ['violations'] });
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      });
      checkedPages.push(name);
      expect(violations.length === 0, `accessibility of ${name}: ${violations.join('; ')}`);
    },
    /** What the stream and queue deliver follows within moments: {@code check}'s first truthy answer within 15 s. */
    async eventually(what, check) {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const value = await check();
        if (value) return value;
        expect(Date.now() < deadline, what);
        await page.waitForTimeout(300);
      }
    },
    /**
     * Opens each of {@code pages} ([path, screenshot name]) at a phone's width (390 px): none may scroll sideways;
     * each is pictured and checked with axe. The window's size is put back afterwards.
     */
    async fitsPhone(base, pages) {
      const size = page.viewportSize();
      await page.setViewportSize({ width: 390, height: 844 });
      try {
        for (const [path, name] of pages) {
          await page.goto(`${base}${path}`);
          await page.locator('main h1').waitFor();
          await page.waitForLoadState('networkidle');
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow <= 0, `${path} is ${overflow}px wider than the phone`);
          await suite.shot(name);
        }
      } finally {
        await page.setViewportSize(size);
      }
    },
    /** Prints the closing line and exits: non-zero on any failure or skip. */
    finish() {
      console.log(`browser: ${passed} passed, ${failed} failed, ${skipped} skipped`);
      process.exit(failed === 0 && skipped === 0 ? 0 : 1);
    },
  };
  return suite;
}

/** The newest mail the local cloud wrote to {@code address} (files in {@code mailDir}), or undefined. */
export function mailTo(mailDir, address) {
  return readdirSync(mailDir).sort().reverse().map((f) => readFileSync(join(mailDir, f), 'utf8')).find((m) => m.includes(`To: ${address}`));
}
