/**
 * The built cmi5 package itself (no browser): the zip tests clean with
 * `unzip -t`, holds cmi5.xml at its root valid against the specification's
 * CourseStructure.xsd (cmi5 §14.0, §14.1), one AU whose URL is relative and
 * names the launch page in the zip, course.yaml's mastery score, and no
 * absolute URL but the xAPI identifiers its runtime writes and the authors'
 * own links.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { readCourseStructure } from '../../../src/cli/lrs/course-structure';
import { distDir, loadCourseUnderTest } from '../course-under-test';
import { searchRuntimeUrls } from '../../../src/integrations/search';
import { findAbsoluteUrls } from '../../../src/packager/relative-urls';
import { cmi5Target } from '../../../src/standards/cmi5/package';
import { errorText, validateManifest } from '../../fixtures/packager/validate';
import { requirement } from '../../fixtures/cmi5/requirements';

const model = loadCourseUnderTest();
const dist = process.env.CMI5_DIST ?? process.env.LMS_DIST ?? distDir;
const zipPath = join(dist, 'packages', `${model.course.id}-cmi5.zip`);
const files = () => unzipSync(new Uint8Array(readFileSync(zipPath)));
test.skip(!existsSync(zipPath), `no ${zipPath}: build first`);

test('the cmi5 zip tests clean with unzip -t', () => {
  const run = spawnSync('unzip', ['-t', zipPath], { encoding: 'utf8' });
  expect(run.error, 'unzip is needed for this test (Debian: apt-get install unzip)').toBeUndefined();
  expect(run.status, run.stdout + run.stderr).toBe(0);
});

test(requirement('4.4.0.0-1') + ' | cmi5.xml at the root, valid against CourseStructure.xsd', async () => {
  const zip = files();
  const xml = new TextDecoder().decode(zip['cmi5.xml']);
  const result = await validateManifest(cmi5Target, xml);
  expect(result.valid, errorText(result)).toBe(true);
  expect(zip['CourseStructure.xsd']).toBeDefined();
});

test('one AU for the course: moveOn CompletedAndPassed, course.yaml\'s mastery score, a relative URL to the launch page in the zip (cmi5 §13.1.4, §14.1)', () => {
  const zip = files();
  const structure = readCourseStructure(new TextDecoder().decode(zip['cmi5.xml']));
  expect(structure.aus).toHaveLength(1);
  const [au] = structure.aus;
  expect(au).toMatchObject({ moveOn: 'CompletedAndPassed', masteryScore: model.course.masteryScore / 100, url: 'lms.html?standard=cmi5' });
  expect(zip[au!.url.split('?')[0]!], 'the launch page is in the zip').toBeDefined();
});

test('holds no absolute URL but the runtime\'s xAPI identifiers, the authors\' links and the presenter origins', () => {
  const authored = [...model.slides.flatMap((s) => s.externalLinks), ...(model.course.present?.controlOrigins ?? [])];
  const allow = [...[...(cmi5Target.identifiers ?? []), ...authored].map((u) => new RegExp(`^${u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)), ...searchRuntimeUrls];
  const findings = Object.entries(files()).flatMap(([path, data]) => findAbsoluteUrls(path, new TextDecoder().decode(data), { allow }));
  expect(findings).toEqual([]);
});
