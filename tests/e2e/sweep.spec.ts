import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ROLES, eachPage } from './pages';

// The browser reads times in New York; the studio is in London.
test.use({ timezoneId: 'America/New_York' });

/**
 * axe-core on every page of every role (tests/e2e/pages.ts), against WCAG 2.0
 * and 2.1 A and AA; any serious or critical violation fails, named by rule,
 * element and page.
 */

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function axeViolations(page: Page): Promise<string[]> {
  // label-content-name-mismatch (WCAG 2.5.3) is axe's "experimental": asked for by name.
  // A sandboxed frame (the mail preview's HTML part) runs no script, and axe waits on it for ever:
  // frames are left out here and their documents checked on their own (frameViolations).
  const { violations } = await new AxeBuilder({ page })
    .withTags(TAGS)
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .exclude('iframe')
    .analyze();
  return [...lines(violations), ...(await frameViolations(page))];
}

/** Each srcdoc frame's document, opened as a page of its own in the same context and checked there. */
async function frameViolations(page: Page): Promise<string[]> {
  const docs = await page.locator('iframe[srcdoc]').evaluateAll((frames) => frames.map((f) => [f.getAttribute('title') ?? 'frame', f.getAttribute('srcdoc') ?? '']));
  const out: string[] = [];
  for (const [title, html] of docs) {
    const own = await page.context().newPage();
    try {
      await own.setContent(html ?? '');
      const { violations } = await new AxeBuilder({ page: own }).withTags(TAGS).analyze();
      out.push(...lines(violations).map((line) => `in the frame "${title}": ${line}`));
    } finally {
      await own.close();
    }
  }
  return out;
}

function lines(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string[] {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `${v.impact} ${v.id} at ${node.target.join(' ')}: ${v.help} (${node.failureSummary?.split('\n').slice(1).join(' ').trim() ?? ''})`));
}

for (const role of ROLES) {
  test(`axe finds no serious or critical violation on any ${role} page`, async ({ browser, page }) => {
    test.setTimeout(600_000);
    const failures = await eachPage(browser, page, role, (viewer) => axeViolations(viewer));
    expect(failures, `accessibility violations:\n${failures.join('\n')}\n`).toEqual([]);
  });
}
