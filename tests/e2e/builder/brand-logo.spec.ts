/**
 * The course's logo (course.yaml brand.logo): on the reader's header, the
 * LMS launch page (beside a notice) and the deck's title slide, with its alt
 * text, loaded from a relative URL; and in every package, listed by its
 * manifest. A course without one shows none (this repository's has none;
 * mini-en has one).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator } from '@playwright/test';
import { unzipSync } from 'fflate';
import { paths } from '../../../src/site/urls';
import { packageTargets } from '../../../src/standards/packages';
import { standards } from '../../../src/standards/registry';
import { courseDir, distDir, loadCourseUnderTest } from '../course-under-test';

const { course } = loadCourseUnderTest();
const logo = course.brand?.logo;

/** The image is there, says its alt text, and has loaded (a broken image has no natural width). */
async function expectLogo(img: Locator) {
  await expect(img).toHaveAttribute('alt', logo!.alt);
  await expect(img).toHaveAttribute('src', new RegExp(`^(\\.\\./)*${paths.logo(logo!.src).replace('.', '\\.')}$`));
  await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
}

test.describe('with a logo', () => {
  test.skip(!logo, 'this course has no brand.logo');

  test("shows on the reader's header, on every kind of page", async ({ page }) => {
    for (const path of [paths.home, paths.module(loadCourseUnderTest().modules[0]!.id), paths.summary]) {
      await page.goto(path);
      await expectLogo(page.locator('header.site-header img.brand-logo'));
    }
  });

  test("shows on the deck's title slide", async ({ page }) => {
    await page.goto(paths.deck);
    await expectLogo(page.locator('.reveal section.layout-title img.deck-logo'));
  });

  test('shows on the launch page beside a notice, and takes no room without one', async ({ page }) => {
    // Opened outside an LMS, the launch page says so in its notice bar.
    await page.goto(paths.lms);
    await expect(page.locator('[data-lms-notice]')).not.toBeEmpty();
    await expectLogo(page.locator('.lms-bar img.lms-logo'));
  });

  for (const target of standards.map((s) => packageTargets[s.id])) {
    test(`travels in the ${target.label} package, listed by its manifest`, () => {
      const files = unzipSync(new Uint8Array(readFileSync(join(distDir, 'packages', `${course.id}-${target.id}.zip`))));
      const name = paths.logo(logo!.src);
      expect(Buffer.from(files[name]!).equals(readFileSync(join(courseDir, logo!.src)))).toBe(true);
      expect(new TextDecoder().decode(files[target.manifestFile])).toContain(name);
    });
  }
});

test('a course without a logo shows none', async ({ page }) => {
  test.skip(!!logo, 'this course has a brand.logo');
  await page.goto(paths.home);
  await expect(page.locator('img.brand-logo')).toHaveCount(0);
});
