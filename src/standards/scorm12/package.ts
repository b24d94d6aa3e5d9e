/**
 * SCORM 1.2 package target: an IMS Content Packaging 1.1.2 manifest with the
 * ADL SCORM 1.2 extensions (SCORM 1.2 CAM §2.3 "Content Packaging", binding
 * in imscp_rootv1p1p2.xsd, adlcp_rootv1p2.xsd, imsmd_rootv1p2p1.xsd).
 *
 * One organization with one item: the SCO that spans the whole course,
 * launched at `lms.html` (src/README.md "LMS lessons").
 */
import type { CourseModel } from '../../model/course';
import { hrefFor, manifestFiles, masteryScore, packageIds, packageTitles } from '../../packager/manifest-parts';
import { packageTarget, type ManifestOptions } from '../../packager/target';
import { scorm12 } from './index';
import { escapeXml as x } from '../../packager/xml';

/** Namespaces (SCORM 1.2 CAM §2.3; the `targetNamespace` of each XSD). */
export const SCORM12_NS = {
  imscp: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
  adlcp: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
  imsmd: 'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

/** The package carries these at its root; the manifest's xsi:schemaLocation names the first three. */
export const SCORM12_SCHEMA_FILES = [
  'imscp_rootv1p1p2.xsd',
  'adlcp_rootv1p2.xsd',
  'imsmd_rootv1p2p1.xsd',
  'ims_xml.xsd', // imported by imscp_rootv1p1p2.xsd and imsmd_rootv1p2p1.xsd
] as const;

/** The `imsmanifest.xml` for SCORM 1.2. */
export function scorm12Manifest(course: CourseModel, files: readonly string[], options: ManifestOptions = {}): string {
  const ids = packageIds(course);
  const titles = packageTitles(course);
  const { launchHref, files: listed } = manifestFiles(files, options);
  const version = course.course.version;
  if (version.length > 20) {
    // imscp_rootv1p1p2.xsd attr.version: maxLength 20.
    throw new Error(`packager: course.version ${JSON.stringify(version)} is longer than the 20 characters SCORM 1.2 allows`);
  }

  const schemaLocation = [
    `${SCORM12_NS.imscp} imscp_rootv1p1p2.xsd`,
    `${SCORM12_NS.imsmd} imsmd_rootv1p2p1.xsd`,
    `${SCORM12_NS.adlcp} adlcp_rootv1p2.xsd`,
  ].join(' ');

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    // IMS CP 1.1.2 <manifest>: identifier (xs:ID) and version.
    `<manifest identifier="${x(ids.manifest)}" version="${x(version)}"`,
    `  xmlns="${SCORM12_NS.imscp}"`,
    `  xmlns:adlcp="${SCORM12_NS.adlcp}"`,
    `  xmlns:imsmd="${SCORM12_NS.imsmd}"`,
    `  xmlns:xsi="${SCORM12_NS.xsi}"`,
    `  xsi:schemaLocation="${schemaLocation}">`,
    // SCORM 1.2 CAM §2.3: <metadata> names the schema "ADL SCORM", version "1.2".
    // No inline IMS MD record: the official imsmd_rootv1p2p1.xsd violates the Unique
    // Particle Attribution rule (its ##any wildcards), so a conforming validator cannot
    // compile it and an inline <imsmd:lom> could not be validated. The namespace stays
    // declared, and its schema shipped, as ADL's own SCORM 1.2 packages do.
    '  <metadata>',
    '    <schema>ADL SCORM</schema>',
    '    <schemaversion>1.2</schemaversion>',
    '  </metadata>',
    // <organizations default> is the IDREF of the one organization.
    `  <organizations default="${x(ids.organization)}">`,
    `    <organization identifier="${x(ids.organization)}">`,
    `      <title>${x(titles.organization)}</title>`,
    // parameters (IMS CP 1.1.4 item): the launch page looks only for this package's API, even where an LMS offers both.
    `      <item identifier="${x(ids.item)}" identifierref="${x(ids.resource)}" isvisible="true" parameters="?standard=scorm12">`,
    `        <title>${x(titles.item)}</title>`,
    // adlcp:masteryscore (0-100, SCORM 1.2 CAM §2.3 ADL extensions): the LMS initializes
    // cmi.student_data.mastery_score from it (SCORM 1.2 RTE data model) and may judge
    // passed/failed by comparing cmi.core.score.raw with it.
    `        <adlcp:masteryscore>${masteryScore(course)}</adlcp:masteryscore>`,
    '      </item>',
    '    </organization>',
    '  </organizations>',
    '  <resources>',
    // A launchable SCO: type "webcontent", adlcp:scormtype "sco", href the launch page.
    `    <resource identifier="${x(ids.resource)}" type="webcontent" adlcp:scormtype="sco" href="${x(hrefFor(launchHref))}">`,
    ...listed.map((f) => `      <file href="${x(hrefFor(f))}"/>`),
    '    </resource>',
    '  </resources>',
    '</manifest>',
    '',
  ].join('\n');
}

/** The SCORM 1.2 package: the manifest and the schema files beside it (from ./xsd/). Build time only. */
export const scorm12Target = packageTarget(scorm12, {
  manifest: scorm12Manifest,
  schemaDir: new URL('./xsd/', import.meta.url),
  schemaFiles: SCORM12_SCHEMA_FILES,
});
