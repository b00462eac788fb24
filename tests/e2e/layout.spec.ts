import { expect, test, type Page } from '@playwright/test';
import { ROLES, eachPage, type AppPage } from './pages';

/**
 * Nothing is wider than a phone's screen (issue 13, point 7): every page of
 * every role at 390x844 has `scrollWidth <= innerWidth`. A failure names the
 * page and the widest elements that stick out.
 */

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, timezoneId: 'America/New_York' });

async function overflow(page: Page, _appPage: AppPage): Promise<string[]> {
  const widths = await page.evaluate(() => {
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
  if (widths.scroll <= widths.inner) return [];
  return [`${widths.scroll} px wide in a ${widths.inner} px screen; sticking out: ${widths.wide.join(', ') || 'nothing found'}`];
}

for (const role of ROLES) {
  test(`every ${role} page fits a 390 px screen`, async ({ browser, page }) => {
    test.setTimeout(600_000);
    const failures = await eachPage(browser, page, role, overflow);
    expect(failures, `pages wider than the screen:\n${failures.join('\n')}\n`).toEqual([]);
  });
}
