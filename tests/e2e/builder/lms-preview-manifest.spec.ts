/**
 * What the LMS preview (src/cli/preview-lms.ts) reads from each built
 * SCORM manifest, as an LMS does at import: the launch URL and the values it
 * initializes the run-time data with (cmi5.xml: cmi5-package.spec.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { scormStandards } from '../../../src/standards/registry';
import { distDir, loadCourseUnderTest } from '../course-under-test';
import { readManifest } from '../../../src/cli/preview-lms';

const model = loadCourseUnderTest();
const course = { id: model.course.id, version: model.course.version };
const dist = process.env.LMS_DIST ?? distDir;

test.describe('the LMS preview reads each built manifest as an LMS would', () => {
  for (const { id: target } of scormStandards) {
    const zip = join(dist, 'packages', `${course.id}-${target}.zip`);
    test(`${target}: launch page and mastery`, () => {
      expect(existsSync(zip), `${zip}: the build writes it`).toBe(true);
      const files = unzipSync(new Uint8Array(readFileSync(zip)));
      const info = readManifest(new TextDecoder().decode(files['imsmanifest.xml']!));
      // The item's parameters pin the launch page to this package's standard.
      expect(info.launch).toBe(`lms.html?standard=${target}`);
      expect(files['lms.html']).toBeDefined();
      expect(info.title).toContain(model.course.title);
      if (target === 'scorm12') expect([info.masteryScore, info.scaledPassingScore]).toEqual([String(model.course.masteryScore), null]);
      else expect([info.masteryScore, Number(info.scaledPassingScore)]).toEqual([null, model.course.masteryScore / 100]);
    });
  }

  test("an item's parameters are added to the launch URL", () => {
    const xml = `<manifest><organizations><organization identifier="o"><title>T &amp; U</title>
      <item identifier="i" identifierref="r" parameters="standard=scorm12"><title>T</title></item></organization></organizations>
      <resources><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="lms.html"/></resources></manifest>`;
    expect(readManifest(xml)).toMatchObject({ title: 'T & U', launch: 'lms.html?standard=scorm12', masteryScore: null, scaledPassingScore: null });
  });
});
