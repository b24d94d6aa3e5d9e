/**
 * SCORM 2004 4th Edition package target: an IMS Content Packaging 1.1.4
 * manifest (SCORM 2004 4th Ed. CAM §3.4 "Building Content Packages", the
 * manifest elements) with the ADL CP, IMS Simple Sequencing and ADL
 * Navigation extensions (CAM §5, sequencing and presentation XML binding;
 * behaviour in the SN book).
 *
 * One organization with one leaf item: the SCO that spans the whole course,
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
} from '../../packager/manifest-parts';
import { packageTarget, type ManifestOptions } from '../../packager/target';
import { scorm2004 } from './index';
import { escapeXml as x, escapeXmlLines } from '../../packager/xml';

/** Namespaces (CAM §3.4; the `targetNamespace` of each XSD). */
export const SCORM2004_NS = {
  imscp: 'http://www.imsglobal.org/xsd/imscp_v1p1',
  adlcp: 'http://www.adlnet.org/xsd/adlcp_v1p3',
  adlseq: 'http://www.adlnet.org/xsd/adlseq_v1p3',
  adlnav: 'http://www.adlnet.org/xsd/adlnav_v1p3',
  imsss: 'http://www.imsglobal.org/xsd/imsss',
  /** IEEE 1484.12.3-2005, the XML binding of IEEE LOM (CAM §4). */
  lom: 'http://ltsc.ieee.org/xsd/LOM',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

/**
 * The package carries these at its root: the six root schemas named in
 * xsi:schemaLocation, and everything they include or import (the LOM
 * binding's in its own folders, as lom.xsd names them; see xsd/README.md).
 */
export const SCORM2004_SCHEMA_FILES = [
  'imscp_v1p1.xsd',
  'adlcp_v1p3.xsd',
  'adlseq_v1p3.xsd',
  'adlnav_v1p3.xsd',
  'imsss_v1p0.xsd',
  // xs:include'd by imsss_v1p0.xsd (and imsss_v1p0util.xsd by several of them)
  'imsss_v1p0auxresource.xsd',
  'imsss_v1p0control.xsd',
  'imsss_v1p0delivery.xsd',
  'imsss_v1p0limit.xsd',
  'imsss_v1p0objective.xsd',
  'imsss_v1p0random.xsd',
  'imsss_v1p0rollup.xsd',
  'imsss_v1p0seqrule.xsd',
  'imsss_v1p0util.xsd',
  // IEEE LOM: lom.xsd, the composite schema ADL ships (LOMv1.0 vocabularies and uniqueness
  // enforced, no extensions), and what it includes or imports
  'lom.xsd',
  'common/anyElement.xsd',
  'common/dataTypes.xsd',
  'common/elementNames.xsd',
  'common/elementTypes.xsd',
  'common/rootElement.xsd',
  'common/vocabTypes.xsd',
  'common/vocabValues.xsd',
  'unique/strict.xsd',
  'vocab/strict.xsd',
  'extend/strict.xsd',
  // imported by imscp_v1p1.xsd; xml.xsd names XMLSchema.dtd, which names datatypes.dtd
  'xml.xsd',
  'XMLSchema.dtd',
  'datatypes.dtd',
] as const;

/**
 * `imsss:minNormalizedMeasure` for a mastery percentage: a decimal in
 * [-1, 1] (imsss measureType), e.g. 80 → "0.80".
 */
export function minNormalizedMeasure(masteryPercent: number): string {
  return (masteryPercent / 100).toFixed(2);
}

/**
 * The course's IEEE LOM record (IEEE 1484.12.1-2002, in the XML binding
 * IEEE 1484.12.3-2005 that lom.xsd implements), written inline in the
 * manifest's `<metadata>` (CAM §3.4.1.5 {Metadata}; the alternative, a
 * separate file named by `<adlcp:location>`, would be one more file to write
 * and list for the same record). Every value from `courseMetadata` (course.yaml,
 * within LOM's sizes); each LangString in the course's language; vocabulary
 * values from the LOMv1.0 vocabulary, which vocab/strict.xsd enforces. What
 * course.yaml does not say (cost, status, …) is left out, never guessed: every
 * LOM element is optional in SCORM 2004 4th Edition (CAM §4).
 */
export function lomRecord(course: CourseModel): string[] {
  const m = courseMetadata(course);
  const lang = x(m.language);
  const langString = (text: string) => `<lom:string language="${lang}">${x(text)}</lom:string>`;
  const vocabulary = (element: string, value: string) =>
    `<lom:${element}><lom:source>LOMv1.0</lom:source><lom:value>${value}</lom:value></lom:${element}>`;
  return [
    '<lom:lom>',
    '  <lom:general>',
    `    <lom:title>${langString(m.title)}</lom:title>`,
    `    <lom:language>${lang}</lom:language>`,
    `    <lom:description>${langString(m.description)}</lom:description>`,
    ...m.keywords.map((k) => `    <lom:keyword>${langString(k)}</lom:keyword>`),
    '  </lom:general>',
    '  <lom:lifeCycle>',
    // A version is not text in a language: no language attribute (LOM LangString allows none).
    `    <lom:version><lom:string>${x(m.version)}</lom:string></lom:version>`,
    ...m.contributions.flatMap((c) => [
      '    <lom:contribute>',
      `      ${vocabulary('role', c.role)}`,
      // A vCard's lines end in CRLF (RFC 2425): kept as character references.
      ...c.entities.map((card) => `      <lom:entity>${escapeXmlLines(card)}</lom:entity>`),
      '    </lom:contribute>',
    ]),
    '  </lom:lifeCycle>',
    '  <lom:educational>',
    `    <lom:typicalLearningTime><lom:duration>${m.typicalLearningTime}</lom:duration></lom:typicalLearningTime>`,
    '  </lom:educational>',
    ...(m.copyright === undefined
      ? []
      : [
          '  <lom:rights>',
          `    ${vocabulary('copyrightAndOtherRestrictions', 'yes')}`,
          `    <lom:description>${langString(m.copyright)}</lom:description>`,
          '  </lom:rights>',
        ]),
    '</lom:lom>',
  ];
}

/** The `imsmanifest.xml` for SCORM 2004 4th Edition. */
export function scorm2004Manifest(course: CourseModel, files: readonly string[], options: ManifestOptions = {}): string {
  const ids = packageIds(course);
  const titles = packageTitles(course);
  const { launchHref, files: listed } = manifestFiles(files, options);

  const schemaLocation = [
    `${SCORM2004_NS.imscp} imscp_v1p1.xsd`,
    `${SCORM2004_NS.adlcp} adlcp_v1p3.xsd`,
    `${SCORM2004_NS.adlseq} adlseq_v1p3.xsd`,
    `${SCORM2004_NS.adlnav} adlnav_v1p3.xsd`,
    `${SCORM2004_NS.imsss} imsss_v1p0.xsd`,
    `${SCORM2004_NS.lom} lom.xsd`,
  ].join(' ');

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    // CAM §3.4.1 <manifest>: identifier (xs:ID), version.
    `<manifest identifier="${x(ids.manifest)}" version="${x(course.course.version)}"`,
    `  xmlns="${SCORM2004_NS.imscp}"`,
    `  xmlns:adlcp="${SCORM2004_NS.adlcp}"`,
    `  xmlns:adlseq="${SCORM2004_NS.adlseq}"`,
    `  xmlns:adlnav="${SCORM2004_NS.adlnav}"`,
    `  xmlns:imsss="${SCORM2004_NS.imsss}"`,
    `  xmlns:lom="${SCORM2004_NS.lom}"`,
    `  xmlns:xsi="${SCORM2004_NS.xsi}"`,
    `  xsi:schemaLocation="${schemaLocation}">`,
    // CAM §3.4: <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion>,
    // then the package's own metadata ({Metadata}, CAM §3.4.1.5), inline.
    '  <metadata>',
    '    <schema>ADL SCORM</schema>',
    '    <schemaversion>2004 4th Edition</schemaversion>',
    ...lomRecord(course).map((line) => `    ${line}`),
    '  </metadata>',
    `  <organizations default="${x(ids.organization)}">`,
    `    <organization identifier="${x(ids.organization)}">`,
    `      <title>${x(titles.organization)}</title>`,
    // The one leaf item references the SCO resource.
    // parameters (IMS CP 1.1.4 item): the launch page looks only for this package's API, even where an LMS offers both.
    `      <item identifier="${x(ids.item)}" identifierref="${x(ids.resource)}" isvisible="true" parameters="?standard=scorm2004">`,
    `        <title>${x(titles.item)}</title>`,
    // Extension elements follow the IMS CP children, in the CAM order:
    // imsss:sequencing, then adlnav:presentation.
    '        <imsss:sequencing>',
    '          <imsss:objectives>',
    // Primary objective satisfied by measure (SN book, "Objective Satisfied by Measure"):
    // passed when cmi.score.scaled >= minNormalizedMeasure; the LMS also gives the SCO
    // this value as cmi.scaled_passing_score (RTE data model).
    `            <imsss:primaryObjective objectiveID="${x(ids.objective)}" satisfiedByMeasure="true">`,
    `              <imsss:minNormalizedMeasure>${minNormalizedMeasure(masteryScore(course))}</imsss:minNormalizedMeasure>`,
    '            </imsss:primaryObjective>',
    '          </imsss:objectives>',
    // The SCO reports completion and success itself (SN book, delivery controls):
    // the LMS must not mark it completed/satisfied merely because it was delivered.
    '          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>',
    '        </imsss:sequencing>',
    // The SCO is the whole course and navigates itself; LMS "previous"/"continue" buttons
    // would have nowhere to go (ADL Navigation, adlnav:hideLMSUI).
    '        <adlnav:presentation>',
    '          <adlnav:navigationInterface>',
    '            <adlnav:hideLMSUI>previous</adlnav:hideLMSUI>',
    '            <adlnav:hideLMSUI>continue</adlnav:hideLMSUI>',
    '          </adlnav:navigationInterface>',
    '        </adlnav:presentation>',
    '      </item>',
    // Root activity: flow must be true for the LMS to start the course by itself
    // (SN book, Start sequencing request → flow subprocess); choice stays allowed.
    '      <imsss:sequencing>',
    '        <imsss:controlMode choice="true" flow="true"/>',
    '      </imsss:sequencing>',
    '    </organization>',
    '  </organizations>',
    '  <resources>',
    // CAM §3.4: a SCO resource has type "webcontent", adlcp:scormType "sco" and an href.
    `    <resource identifier="${x(ids.resource)}" type="webcontent" adlcp:scormType="sco" href="${x(hrefFor(launchHref))}">`,
    ...listed.map((f) => `      <file href="${x(hrefFor(f))}"/>`),
    '    </resource>',
    '  </resources>',
    '</manifest>',
    '',
  ].join('\n');
}

/** The SCORM 2004 4th Edition package: the manifest and the schema files beside it (from ./xsd/). Build time only. */
export const scorm2004Target = packageTarget(scorm2004, {
  manifest: scorm2004Manifest,
  schemaDir: new URL('./xsd/', import.meta.url),
  schemaFiles: SCORM2004_SCHEMA_FILES,
});
