/**
 * The built SCORM packages themselves (no browser; the cmi5 package has its
 * own, cmi5-package.spec.ts): each zip tests clean
 * with `unzip -t`, its manifest validates against the official XSDs, lists
 * every file of the zip (file-set closure) and carries course.yaml's
 * metadata, no file holds an absolute URL, and building again, in another
 * time zone, gives the same bytes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { searchRuntimeUrls } from '../../../src/integrations/search';
import { findAbsoluteUrls } from '../../../src/packager/relative-urls';
import { packageTargets } from '../../../src/standards/packages';
import { scormStandards, standards } from '../../../src/standards/registry';
import { errorText, validateManifest } from '../../fixtures/packager/validate';
import { fileSetClosure, manifestHrefs } from '../../fixtures/packager/closure';
import { distDir, loadCourseUnderTest } from '../course-under-test';
import { isoDuration } from '../../../src/packager/manifest-parts';
import { escapeXml } from '../../../src/packager/xml';

const model = loadCourseUnderTest();
const course = model.course;
const zipPath = (dist: string, id: string) => join(dist, 'packages', `${course.id}-${id}.zip`);

for (const target of scormStandards.map((s) => packageTargets[s.id])) {
  test.describe(`the built ${target.label} package`, () => {
    const zip = zipPath(distDir, target.id);

    test('tests clean with unzip -t', () => {
      const run = spawnSync('unzip', ['-t', zip], { encoding: 'utf8' });
      expect(run.error, 'unzip is needed for this test (Debian: apt-get install unzip)').toBeUndefined();
      expect(run.status, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toContain('No errors detected');
    });

    test('has a manifest that validates against the official XSDs', async () => {
      const files = unzipSync(new Uint8Array(readFileSync(zip)));
      const manifest = new TextDecoder().decode(files[target.manifestFile]);
      const result = await validateManifest(target, manifest);
      expect(result.valid, errorText(result)).toBe(true);
      for (const xsd of target.schemaFiles) expect(files[xsd], `${xsd} at the zip root`).toBeDefined();
    });

    test('lists every file of the zip in its manifest, except the manifest and its schema files (file-set closure)', () => {
      const files = unzipSync(new Uint8Array(readFileSync(zip)));
      const manifest = new TextDecoder().decode(files[target.manifestFile]);
      expect(fileSetClosure(target, Object.keys(files), manifest)).toEqual({ unlisted: [], missing: [], launchNotListed: [] });
      const listed = manifestHrefs(manifest).files;
      expect(listed).toContain('lms.html');
      expect(listed.length).toBe(Object.keys(files).length - target.schemaFiles.length - 1);
    });

    test("carries course.yaml's title, description, keywords, language, learning time, version, authors and copyright", () => {
      const files = unzipSync(new Uint8Array(readFileSync(zip)));
      const manifest = new TextDecoder().decode(files[target.manifestFile]);
      const record = /<(imsmd|lom):lom>[\s\S]*<\/\1:lom>/.exec(manifest)?.[0] ?? '';
      expect(record, 'an inline LOM record').not.toBe('');
      const c = course;
      const texts = [
        c.subtitle ? `${c.title}: ${c.subtitle}` : c.title,
        c.description,
        ...(c.keywords ?? []),
        c.version,
        ...c.authors.map((a) => a.name),
        ...(c.copyright === undefined ? [] : [c.copyright]),
      ];
      for (const text of texts) expect(record, text).toContain(escapeXml(text));
      expect(record).toContain(`language>${c.language}</`);
      expect(record).toContain(`>${isoDuration(c.durationMinutes)}<`);
      expect(record).toMatch(target.id === 'scorm12' ? />Author</ : />author</);
      expect(record).toMatch(target.id === 'scorm12' ? />Publisher</ : />publisher</);
    });

    test('holds no absolute URL in any file', () => {
      const files = unzipSync(new Uint8Array(readFileSync(zip)));
      // The external links the author wrote (links the learner may follow, never a fetch), the presenter origins
      // the deck obeys (compared, never fetched), and the IRIs the standards' runtimes name as identifiers: the
      // launch page is one for every standard, so each package carries the cmi5 runtime's chunk too (loaded only
      // on a cmi5 launch); and the base Pagefind's search runtime parses its result URLs against (src/integrations/search.ts).
      const identifiers = Object.values(packageTargets).flatMap((t) => t.identifiers ?? []);
      const authored = [...model.slides.flatMap((s) => s.externalLinks), ...(course.present?.controlOrigins ?? [])];
      const allow = [...[...authored, ...identifiers].map((u) => new RegExp(`^${u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)), ...searchRuntimeUrls];
      const findings = Object.entries(files).flatMap(([path, data]) => findAbsoluteUrls(path, new TextDecoder().decode(data), { allow }));
      expect(findings).toEqual([]);
    });
  });
}

test('building again, in another time zone, gives byte-identical packages', () => {
  test.setTimeout(120_000);
  const out = mkdtempSync(join(tmpdir(), 'rebuild-'));
  try {
    const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
      env: { ...process.env, COURSE_OUT_DIR: out, TZ: 'Pacific/Kiritimati', ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
      timeout: 110_000,
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    for (const target of standards.map((s) => packageTargets[s.id])) {
      const again = readFileSync(zipPath(out, target.id));
      const first = readFileSync(zipPath(distDir, target.id));
      expect(again.equals(first), `${target.id}: rebuilt zip differs`).toBe(true);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
