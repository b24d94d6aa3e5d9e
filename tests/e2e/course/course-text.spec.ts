/**
 * The built course carries the whole seed deck: every line of its text, the
 * chart it lost (drawn from data, with its table), in order, accessibly.
 */
import { expect, test } from '@playwright/test';
import { axe, foreign, recordRequests } from '../helpers';
import { normalize, seedLines } from '../../support/seed';

test.describe('the whole course on one page', () => {
  test('carries every line of the seed deck', async ({ page }) => {
    await page.goto('all.html');
    const text = normalize(await page.locator('body').innerText());
    const missing = seedLines().filter((line) => !text.includes(line));
    expect(missing, 'seed lines not found on the page').toEqual([]);
  });

  test('draws the Lambert (1992) chart as SVG with its data table', async ({ page }) => {
    await page.goto('all.html');
    const chart = page.locator('figure.chart[data-chart="lambert-1992"]');
    await expect(chart.locator('svg[role="img"]')).toHaveAccessibleName(/Percentage of Improvement in Psychotherapy Patients/);
    await expect(chart.locator('svg rect')).toHaveCount(4);
    const rows = await chart.locator('table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [tr.querySelector('th')?.textContent?.trim(), tr.querySelector('td')?.textContent?.trim()]),
    );
    expect(rows).toEqual([
      ['Extratherapeutic change', '40'],
      ['Relationship (common) factors', '30'],
      ['Expectancy / placebo', '15'],
      ['Model / technique', '15'],
    ]);
    await expect(chart.locator('table caption')).toContainText('Percentage of Improvement');
  });

  test('shows the title, authors and every module with its objectives', async ({ page }) => {
    await page.goto('all.html');
    await expect(page.locator('h1')).toContainText('Introducing Relational-Cultural Theory');
    for (const name of ['Linda M. Hartling', 'Jean Baker Miller', 'Judith V. Jordan', 'Maureen Walker', 'Jean Baker Miller Training Institute'])
      await expect(page.locator('header.course-header')).toContainText(name);
    expect(await page.locator('article.module').count()).toBeGreaterThanOrEqual(5);
    for (const m of await page.locator('article.module').all()) expect(await m.locator('ul.objectives li').count()).toBeGreaterThanOrEqual(2);
  });

  test('has no axe violations and makes no request off its origin', async ({ page, baseURL }) => {
    // axe over the whole course on one page (every slide, check and reflection) takes longer than a page's default budget on two busy cores.
    test.setTimeout(90_000);
    const requests = recordRequests(page);
    await page.goto('all.html');
    expect(await axe(page)).toEqual([]);
    expect(foreign(requests, new URL(baseURL ?? '').origin)).toEqual([]);
  });
});
