/**
 * buildPackage: the site, the target's schema files at the root and
 * imsmanifest.xml, zipped deterministically; refused when the package
 * would be broken.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildPackage, type PackageFile } from '../../../src/packager/package';
import { AbsoluteUrlError } from '../../../src/packager/relative-urls';
import type { PackageTarget } from '../../../src/packager/target';
import { packageFileName } from '../../../src/site/urls';
import { packageTargets } from '../../../src/standards/packages';

const { scorm12, scorm2004 } = packageTargets;
const targets = [scorm12, scorm2004];
import { course, siteFiles } from '../../fixtures/packager/course';
import { fileSetClosure, manifestHrefs } from '../../fixtures/packager/closure';
import { errorText, validateManifest } from '../../fixtures/packager/validate';

const enc = new TextEncoder();
const dec = new TextDecoder();
const site: PackageFile[] = siteFiles.map((f) => ({ path: f.path, data: enc.encode(f.text) }));
const xsdFor = (t: PackageTarget): PackageFile[] =>
  t.schemaFiles.map((path) => ({ path, data: new Uint8Array(readFileSync(fileURLToPath(new URL(path, t.schemaDir)))) }));

describe('buildPackage', () => {
  it('has one target per SCORM version', () => {
    expect(targets.map((t) => t.id)).toEqual(['scorm12', 'scorm2004']);
    expect(packageFileName(course.course.id, scorm12.id)).toBe('rct-intro-scorm12.zip');
    expect(packageFileName(course.course.id, scorm2004.id)).toBe('rct-intro-scorm2004.zip');
  });

  for (const target of targets) {
    describe(target.label, () => {
      const zip = buildPackage(target, course, site, xsdFor(target));
      const files = unzipSync(zip);

      it('holds the site, the schema files and imsmanifest.xml at the root, and nothing else', () => {
        expect(Object.keys(files).sort()).toEqual(
          [...site.map((f) => f.path), ...target.schemaFiles, 'imsmanifest.xml'].sort(),
        );
        for (const f of site) expect(dec.decode(files[f.path]), f.path).toBe(dec.decode(f.data));
      });

      it('holds the manifest the target writes for the site files, and it validates', async () => {
        const manifest = dec.decode(files['imsmanifest.xml']);
        expect(manifest).toBe(target.manifest(course, site.map((f) => f.path)));
        const result = await validateManifest(target, manifest);
        expect(result.valid, errorText(result)).toBe(true);
      });

      it('lists every file of the zip in the manifest, except the manifest and the schema files (file-set closure)', async () => {
        // Names that need percent-encoding, XML escaping, deep folders and non-ASCII, too.
        const odd = ['media/notes & slides #1.pdf', 'media/a/b/c/d.txt', 'images/café 50%.png', "docs/it's [draft].txt"];
        const wide = [...site, ...odd.map((path) => ({ path, data: enc.encode(path) }))];
        const zipped = unzipSync(buildPackage(target, course, wide, xsdFor(target)));
        const manifest = dec.decode(zipped['imsmanifest.xml']);
        expect(fileSetClosure(target, Object.keys(zipped), manifest)).toEqual({ unlisted: [], missing: [], launchNotListed: [] });
        expect(manifestHrefs(manifest).files.sort()).toEqual(wide.map((f) => f.path).sort());
        // Schema files (in their folders, for LOM) are control documents, not listed.
        for (const xsd of target.schemaFiles) expect(manifestHrefs(manifest).files).not.toContain(xsd);
        const result = await validateManifest(target, manifest);
        expect(result.valid, errorText(result)).toBe(true);
      });

      it('is byte-identical when built again from the files in another order', () => {
        const again = buildPackage(target, course, [...site].reverse(), [...xsdFor(target)].reverse());
        expect(Buffer.from(again).equals(Buffer.from(zip))).toBe(true);
      });
    });
  }

  it('file-set closure check: finds a zip file the manifest does not list, a listed file the zip lacks, an unlisted launch page', () => {
    const manifest = dec.decode(unzipSync(buildPackage(scorm2004, course, site, xsdFor(scorm2004)))['imsmanifest.xml']);
    const zipPaths = [...site.map((f) => f.path), ...scorm2004.schemaFiles, 'imsmanifest.xml'];
    expect(fileSetClosure(scorm2004, [...zipPaths, 'stray.html', 'extra/'], manifest).unlisted).toEqual(['stray.html']);
    expect(fileSetClosure(scorm2004, zipPaths.filter((p) => p !== 'images/chart.png'), manifest).missing).toEqual(['images/chart.png']);
    const launchUnlisted = manifest.replace('      <file href="lms.html"/>\n', '');
    expect(launchUnlisted).not.toBe(manifest);
    expect(fileSetClosure(scorm2004, zipPaths, launchUnlisted)).toEqual({ unlisted: ['lms.html'], missing: [], launchNotListed: ['lms.html'] });
    // Another target's schema file is not a control document of this package.
    expect(fileSetClosure(scorm12, [...zipPaths.filter((p) => !scorm2004.schemaFiles.includes(p)), 'lom.xsd'], manifest).unlisted).toEqual(['lom.xsd']);
    expect(() => manifestHrefs(manifest.replace('<resources>', '<resources xml:base="content/">'))).toThrow(/xml:base/);
  });

  it('passes the launch page through to the manifest', () => {
    const zip = buildPackage(scorm2004, course, site, xsdFor(scorm2004), { launchHref: 'read/index.html' });
    expect(dec.decode(unzipSync(zip)['imsmanifest.xml'])).toContain('adlcp:scormType="sco" href="read/index.html"');
  });

  it('refuses a site with an absolute URL, listing where it is, unless allowed', () => {
    const bad = [...site, { path: 'present/extra.html', data: enc.encode('<p>\n<img src="/_astro/logo.png" alt=""></p>') }];
    expect(() => buildPackage(scorm12, course, bad, xsdFor(scorm12))).toThrow(AbsoluteUrlError);
    expect(() => buildPackage(scorm12, course, bad, xsdFor(scorm12))).toThrow(/present\/extra\.html:2 {2}\/_astro\/logo\.png/);
    expect(() => buildPackage(scorm12, course, bad, xsdFor(scorm12), { allowUrls: ['/_astro/logo.png'] })).not.toThrow();
  });

  it('refuses a site without its launch page', () => {
    const noLaunch = site.filter((f) => f.path !== 'lms.html');
    expect(() => buildPackage(scorm2004, course, noLaunch, xsdFor(scorm2004))).toThrow(/launch page "lms.html"/);
  });

  it('refuses site files that would overwrite the manifest or a schema file', () => {
    const withManifest = [...site, { path: 'imsmanifest.xml', data: enc.encode('<x/>') }];
    expect(() => buildPackage(scorm2004, course, withManifest, xsdFor(scorm2004))).toThrow(/imsmanifest\.xml.*would overwrite/);
    const withXsd = [...site, { path: 'imscp_v1p1.xsd', data: enc.encode('<x/>') }];
    expect(() => buildPackage(scorm2004, course, withXsd, xsdFor(scorm2004))).toThrow(/imscp_v1p1\.xsd.*would overwrite/);
  });

  it('refuses a missing or unexpected schema file', () => {
    const xsd = xsdFor(scorm2004);
    expect(() => buildPackage(scorm2004, course, site, xsd.filter((f) => f.path !== 'imsss_v1p0util.xsd'))).toThrow(
      /needs the schema files imsss_v1p0util\.xsd/,
    );
    expect(() => buildPackage(scorm12, course, site, [...xsdFor(scorm12), ...xsd.slice(0, 2)])).toThrow(
      /imscp_v1p1\.xsd, adlcp_v1p3\.xsd are not schema files of SCORM 1\.2/,
    );
  });

  it('refuses unsafe site paths', () => {
    const evil = [...site, { path: '../evil.html', data: enc.encode('x') }];
    expect(() => buildPackage(scorm12, course, evil, xsdFor(scorm12))).toThrow(/"\.\." segment/);
  });
});
