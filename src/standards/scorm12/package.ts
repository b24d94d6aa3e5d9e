/**
 * SCORM 1.2 package target: an IMS Content Packaging 1.1.2 manifest with the
 * ADL SCORM 1.2 extensions (SCORM 1.2 CAM §2.3 "Content Packaging", binding
 * in imscp_rootv1p1p2.xsd, adlcp_rootv1p2.xsd, imsmd_rootv1p2p1.xsd).
 *
 * One organization with one item: the SCO that spans the whole course,
 * launched at `lms.html` (src/README.md "LMS lessons").
 */
import type { CourseModel } from '../../model/course';
import {
  courseMetadata,
  hrefFor,
  manifestFiles,
  masteryScore,
  packageIds,
  packageTitles,
  type ContributorRole,
} from '../../packager/manifest-parts';
import { packageTarget, type ManifestOptions } from '../../packager/target';
import { scorm12 } from './index';
import { escapeXml as x, escapeXmlLines } from '../../packager/xml';

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

/** IMS Meta-data 1.2 spells the LOMv1.0 role vocabulary with capitals ("Author"), LOM 1.0 in lower case. */
const IMSMD_ROLE: { readonly [R in ContributorRole]: string } = { author: 'Author', publisher: 'Publisher' };

/**
 * The course's IMS Meta-data 1.2.1 record (`imsmd:lom`, the binding in
 * imsmd_rootv1p2p1.xsd; SCORM 1.2 CAM §2.2 "SCORM Meta-data"), inline in
 * the manifest's `<metadata>` after schema and schemaversion (CAM §2.3).
 * Every value from `courseMetadata` (course.yaml, held to LOM's sizes); each
 * langstring in the course's language, vocabulary tokens in "x-none" (IMS MD
 * 1.2 best practice); elements in the order the schema's sequences require.
 * What course.yaml does not say (cost, status, …) is left out, never guessed.
 */
export function imsmdRecord(course: CourseModel): string[] {
  const m = courseMetadata(course);
  const lang = x(m.language);
  const langString = (text: string, language = lang) => `<imsmd:langstring xml:lang="${language}">${x(text)}</imsmd:langstring>`;
  const vocabulary = (element: string, value: string) => [
    `<imsmd:${element}>`,
    `  <imsmd:source>${langString('LOMv1.0', 'x-none')}</imsmd:source>`,
    `  <imsmd:value>${langString(value, 'x-none')}</imsmd:value>`,
    `</imsmd:${element}>`,
  ];
  return [
    '<imsmd:lom>',
    '  <imsmd:general>',
    `    <imsmd:title>${langString(m.title)}</imsmd:title>`,
    `    <imsmd:language>${lang}</imsmd:language>`,
    `    <imsmd:description>${langString(m.description)}</imsmd:description>`,
    ...m.keywords.map((k) => `    <imsmd:keyword>${langString(k)}</imsmd:keyword>`),
    '  </imsmd:general>',
    '  <imsmd:lifecycle>',
    `    <imsmd:version>${langString(m.version, 'x-none')}</imsmd:version>`,
    ...m.contributions.flatMap((c) => [
      '    <imsmd:contribute>',
      ...vocabulary('role', IMSMD_ROLE[c.role]).map((line) => `      ${line}`),
      // A vCard's lines end in CRLF (RFC 2425): kept as character references.
      ...c.entities.map((card) => `      <imsmd:centity><imsmd:vcard>${escapeXmlLines(card)}</imsmd:vcard></imsmd:centity>`),
      '    </imsmd:contribute>',
    ]),
    '  </imsmd:lifecycle>',
    '  <imsmd:educational>',
    // An ISO 8601 duration in the datetime of a DateType, as IMS MD 1.2 binds TypicalLearningTime.
    `    <imsmd:typicallearningtime><imsmd:datetime>${m.typicalLearningTime}</imsmd:datetime></imsmd:typicallearningtime>`,
    '  </imsmd:educational>',
    ...(m.copyright === undefined
      ? []
      : [
          '  <imsmd:rights>',
          ...vocabulary('copyrightandotherrestrictions', 'yes').map((line) => `    ${line}`),
          `    <imsmd:description>${langString(m.copyright)}</imsmd:description>`,
          '  </imsmd:rights>',
        ]),
    '</imsmd:lom>',
  ];
}

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
    // SCORM 1.2 CAM §2.3: <metadata> names the schema "ADL SCORM", version "1.2", then the
    // package's IMS MD record. (The official imsmd_rootv1p2p1.xsd breaks the Unique Particle
    // Attribution rule, so the tests validate the record against a copy corrected in that one
    // wildcard; the package carries the official file: xsd/README.md.)
    '  <metadata>',
    '    <schema>ADL SCORM</schema>',
    '    <schemaversion>1.2</schemaversion>',
    ...imsmdRecord(course).map((line) => `    ${line}`),
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
