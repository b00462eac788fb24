import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ROLES, eachPage } from './pages';

// The browser reads times in New York; the studio is in London.
test.use({ timezoneId: 'America/New_York' });

/**
 * One visit to every page of every role (tests/e2e/pages.ts), two checks:
 * - axe-core at the desktop size, against WCAG 2.0 and 2.1 A and AA; any
 *   serious or critical violation fails, named by rule, element and page;
 * - nothing is wider than a phone's screen (issue 13, point 7): the same page
 *   resized to 390x844 has `scrollWidth <= innerWidth`; a failure names the
 *   widest elements that stick out.
 */

const PHONE = { width: 390, height: 844 };

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

/** What sticks out of a phone-wide screen: the page is resized to 390 px and back. */
async function phoneOverflow(page: Page): Promise<string[]> {
  const size = page.viewportSize();
  await page.setViewportSize(PHONE);
  try {
    return await overflow(page);
  } finally {
    if (size) await page.setViewportSize(size);
  }
}

async function overflow(page: Page): Promise<string[]> {
  const widths = await page.evaluate(async () => {
    // Two frames: whatever listens for the resize (a media query in script) has rendered.
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const inner = window.innerWidth;
    const scroll = document.documentElement.scrollWidth;
    // The outermost elements whose right edge passes the screen's, ignoring what a scrolling box clips.
    const clipped = (el: Element): boolean => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const { overflowX } = getComputedStyle(p);
        if (overflowX !== 'visible') return p !== document.body && p !== document.documentElement;
      }
      return false;
    };
    const wide = [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > inner + 0.5 && !clipped(el))
      .filter((el, _, all) => !all.some((other) => other !== el && other.contains(el)))
      .slice(0, 3)
      .map((el) => {
        const id = el.id ? `#${el.id}` : '';
        const testId = el.getAttribute('data-testid');
        const cls = typeof el.className === 'string' ? el.className.split(/\s+/).slice(0, 3).join('.') : '';
        return `<${el.tagName.toLowerCase()}${id}${testId ? ` data-testid=${testId}` : ''}${cls ? ` class=${cls}` : ''}> to ${Math.round(el.getBoundingClientRect().right)} px`;
      });
    return { inner, scroll, wide };
  });
  if (widths.inner !== PHONE.width) return [`the screen is ${widths.inner} px wide, not ${PHONE.width}`];
  if (widths.scroll <= widths.inner) return [];
  return [`${widths.scroll} px wide in a ${widths.inner} px screen; sticking out: ${widths.wide.join(', ') || 'nothing found'}`];
}

for (const role of ROLES) {
  test(`every ${role} page has no serious or critical axe violation and fits a 390 px screen`, async ({ browser, page }) => {
    test.setTimeout(600_000);
    const failures = await eachPage(browser, page, role, async (viewer) => [
      ...(await axeViolations(viewer)).map((line) => `accessibility: ${line}`),
      ...(await phoneOverflow(viewer)).map((line) => `at 390 px: ${line}`),
    ]);
    expect(failures, `failures:\n${failures.join('\n')}\n`).toEqual([]);
  });
}
