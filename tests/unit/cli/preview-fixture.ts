/** A built site with one tiny SCORM package per standard, for the LMS preview's tests. */
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { writeTree } from './helpers.ts';

const manifest = (standard: string) => `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="fixture" version="1">
  <organizations default="org"><organization identifier="org"><title>Fixture &amp; Co (${standard})</title>
    <item identifier="item" identifierref="res" parameters="?scorm=${standard}"><title>Fixture</title></item>
  </organization></organizations>
  <resources><resource identifier="res" type="webcontent" adlcp:scormtype="sco" href="lms.html"><file href="lms.html"/></resource></resources>
</manifest>`;

/** Writes `<dist>/packages/fixture-scorm12.zip` and `-scorm2004.zip`: a blank SCO that makes no calls itself. */
export function writePreviewFixture(dist: string): void {
  const files = (standard: string) => ({
    'imsmanifest.xml': strToU8(manifest(standard)),
    'lms.html': strToU8('<!doctype html><title>SCO</title><p>fixture SCO</p>'),
    'img/photo.webp': new Uint8Array([0x52, 0x49, 0x46, 0x46]),
  });
  writeTree(join(dist, 'packages'), {
    'fixture-scorm12.zip': zipSync(files('1.2')),
    'fixture-scorm2004.zip': zipSync(files('2004')),
  });
}
