/**
 * The course's logo (course.yaml brand.logo): on the reader's header (so
 * on the LMS launch page too, which frames the reader) and the deck's title
 * slide, with its alt
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
import { scormStandards, standards } from '../../../src/standards/registry';
import { courseDir, distDir, loadCourseUnderTest } from '../course-under-test';

const { course } = loadCourseUnderTest();
const logo = course.brand?.logo;
/** SCORM's manifest lists every file of the package; cmi5's names only the launch page. */
const listsFiles = new Set<string>(scormStandards.map((s) => s.id));

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

  test('shows on the launch page, in the header of the course it frames (the page has no landmark of its own)', async ({ page }) => {
    await page.goto(paths.lms);
    await expectLogo(page.frameLocator('iframe[data-course-frame]').locator('header.site-header img.brand-logo'));
  });

  for (const target of standards.map((s) => packageTargets[s.id])) {
    test(`travels in the ${target.label} package${listsFiles.has(target.id) ? ', listed by its manifest' : ''}`, () => {
      const files = unzipSync(new Uint8Array(readFileSync(join(distDir, 'packages', `${course.id}-${target.id}.zip`))));
      const name = paths.logo(logo!.src);
      expect(Buffer.from(files[name]!).equals(readFileSync(join(courseDir, logo!.src)))).toBe(true);
      if (listsFiles.has(target.id)) expect(new TextDecoder().decode(files[target.manifestFile])).toContain(`href="${name}"`);
    });
  }
});

test('a course without a logo shows none', async ({ page }) => {
  test.skip(!!logo, 'this course has a brand.logo');
  await page.goto(paths.home);
  await expect(page.locator('img.brand-logo')).toHaveCount(0);
});
