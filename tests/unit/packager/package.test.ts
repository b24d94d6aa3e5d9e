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

      it('is byte-identical when built again from the files in another order', () => {
        const again = buildPackage(target, course, [...site].reverse(), [...xsdFor(target)].reverse());
        expect(Buffer.from(again).equals(Buffer.from(zip))).toBe(true);
      });
    });
  }

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
