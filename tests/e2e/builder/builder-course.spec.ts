/**
 * The builder on a course that is not this repository's: the French fixture
 * course (tests/fixtures/courses/mini-fr: two modules, fifteen slides, every
 * question type in practice checks and a final assessment, a glossary and
 * references, a chart, an image, a public and a private reflection, a slide
 * kept out of the deck, a comparison, its own colours, icon and logo) built
 * with COURSE_DIR into every output. Its packages pass the same checks as this
 * course's (unzip, the official XSDs, file-set closure, no absolute URL);
 * its reader and deck speak French (`lang`, `dir`, the interface's words),
 * wear its colours, and work: a check answered, a reflection kept, the deck
 * stepping. A new course keeps this suite green without editing it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import sirv from 'sirv';
import { loadCourse } from '../../../src/model/load';
import { searchRuntimeUrls } from '../../../src/integrations/search';
import { findAbsoluteUrls } from '../../../src/packager/relative-urls';
import { packageTargets } from '../../../src/standards/packages';
import { scormStandards, standards } from '../../../src/standards/registry';
import { fileSetClosure } from '../../fixtures/packager/closure';
import { errorText, validateManifest } from '../../fixtures/packager/validate';

const project = join(import.meta.dirname, '../../..');
const courseDir = join(project, 'tests/fixtures/courses/mini-fr');
const course = loadCourse(courseDir).course;

let out = '';
let server: Server | undefined;
let origin = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  out = mkdtempSync(join(tmpdir(), 'builder-course-'));
  const build = spawnSync(process.execPath, [join(project, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: project,
    env: { ...process.env, COURSE_DIR: courseDir, COURSE_OUT_DIR: out, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 230_000,
  });
  expect(build.status, build.stdout + build.stderr).toBe(0);
  // Served under a deep path, as the main suite serves dist/: an absolute URL would break the pages.
  const files = sirv(out, { dev: true });
  server = createServer((req, res) => {
    const prefix = '/a/deep/path/';
    if (!req.url?.startsWith(prefix)) return void res.writeHead(404).end();
    req.url = `/${req.url.slice(prefix.length)}`;
    files(req, res, () => {
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}/a/deep/path`;
});

test.afterAll(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (out) rmSync(out, { recursive: true, force: true });
});

for (const target of standards.map((s) => packageTargets[s.id])) {
  test(`its ${target.label} package tests clean, holds no absolute URL and carries the course's icon`, () => {
    const zip = join(out, 'packages', `${course.id}-${target.id}.zip`);
    const unzip = spawnSync('unzip', ['-t', zip], { encoding: 'utf8' });
    expect(unzip.error, 'unzip is needed for this test (Debian: apt-get install unzip)').toBeUndefined();
    expect(unzip.status, unzip.stdout + unzip.stderr).toBe(0);

    const files = unzipSync(new Uint8Array(readFileSync(zip)));
    expect(new TextDecoder().decode(files[target.manifestFile])).toContain('Un petit cours');
    // This course links nowhere: the only absolute URLs allowed are the IRIs the standards' runtimes name as identifiers,
    // the base the search runtime parses result URLs against, and the presenter console's origin the deck compares
    // messages with (course.yaml present.controlOrigins): none of them is fetched.
    const exactly = (u: string) => new RegExp(`^${u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    const allow = [
      ...Object.values(packageTargets)
        .flatMap((t) => t.identifiers ?? [])
        .map(exactly),
      ...searchRuntimeUrls,
      ...(course.present?.controlOrigins ?? []).map(exactly),
    ];
    const absolute = Object.entries(files).flatMap(([path, data]) => findAbsoluteUrls(path, new TextDecoder().decode(data), { allow }));
    expect(absolute).toEqual([]);
    expect(new TextDecoder().decode(files['favicon.svg'])).toBe(readFileSync(join(courseDir, 'favicon.svg'), 'utf8'));
  });
}

for (const target of scormStandards.map((s) => packageTargets[s.id])) {
  test(`its ${target.label} manifest validates against the official XSDs and lists every file (file-set closure)`, async () => {
    const files = unzipSync(new Uint8Array(readFileSync(join(out, 'packages', `${course.id}-${target.id}.zip`))));
    const manifest = new TextDecoder().decode(files[target.manifestFile]);
    const result = await validateManifest(target, manifest);
    expect(result.valid, errorText(result)).toBe(true);
    expect(fileSetClosure(target, Object.keys(files), manifest)).toEqual({ unlisted: [], missing: [], launchNotListed: [] });
    expect(manifest).toContain('language>fr</');
  });
}

test('its reader is in French, in its colours, and a check and a reflection work', async ({ page }) => {
  await page.goto(`${origin}/index.html`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('heading', { name: 'Un petit cours', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeAttached();
  // The brand colour reaches the styles (links and accents read --accent).
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim())).toBe('#1f5f8b');

  await page.goto(`${origin}/modules/bases.html`);
  await expect(page.getByRole('heading', { name: 'Les bases', level: 1 })).toBeVisible();
  const check = page.locator('[data-check="ce-que-fait-le-lien"]');
  await check.getByRole('radio', { name: 'Il nous relie.' }).check();
  await check.getByRole('button', { name: 'Vérifier la réponse' }).click();
  await expect(check.getByText('Juste.', { exact: true })).toBeVisible();

  const reflection = page.getByRole('textbox', { name: /Que savez-vous déjà/ });
  await reflection.fill('Une amie m’a appris à écouter.');
  await expect(page.getByText(/Enregistré à/)).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: /Que savez-vous déjà/ })).toHaveValue('Une amie m’a appris à écouter.');
});

test('its reader searches in French: the form, the announced count and a result landing on its slide', async ({ page }) => {
  await page.goto(`${origin}/index.html`);
  const form = page.getByRole('search', { name: 'Rechercher dans le cours' });
  await form.getByRole('searchbox', { name: 'Rechercher dans le cours' }).fill('grandir');
  await expect(form.getByRole('status')).toHaveText(/^\d+ résultats? pour « grandir »\.$/);
  await form.getByRole('link', { name: 'Une deuxième idée' }).click();
  await expect(page).toHaveURL(/\/a\/deep\/path\/modules\/[^/]+\.html#deuxieme-idee$/);
  await expect(page.locator('section#deuxieme-idee')).toBeInViewport();
  await form.getByRole('searchbox').fill('introuvablemot');
  await expect(page.getByRole('search').getByRole('status')).toHaveText('Aucun résultat pour « introuvablemot ». Essayez moins de mots, ou d’autres.');
});

test('its deck is in French, generated from its modules, and steps', async ({ page }) => {
  await page.goto(`${origin}/present.html`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page).toHaveTitle('Un petit cours (présentation)');
  await expect(page.locator('h2', { hasText: 'Programme' })).toBeAttached();
  await expect(page.locator('h2', { hasText: 'Bienvenue' })).toBeAttached();
  await expect(page.locator('.reveal .slides > section').first()).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/#\/1|#\/agenda|#\/[a-z]/);
});
