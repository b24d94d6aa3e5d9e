/**
 * The cmi5 package target: a zip with the course structure, `cmi5.xml`, at
 * its root (cmi5 §14.1), valid against CourseStructure.xsd (§14.0), carried
 * beside it (xsd/README.md). One AU for the whole course, launched at the
 * launch page (§13.1.4): the launch page holds the one session of a launch,
 * as for SCORM (src/README.md "LMS lessons"). Build time only.
 *
 * Ids: cmi5 wants globally unique IRIs (§13.1.1, §13.1.4), fully qualified
 * (§3.0). The course owns no domain, so they are URNs in the course's
 * namespace, as the SCORM 2004 interaction ids are (`urn:<course>:…`), and
 * carry no version: a new release of the course is the same course and the
 * same AU to the LMS, so learners' registrations and records go on (the
 * record reads across versions, src/model/tracking.ts).
 */
import type { CourseModel } from '../../model/course';
import { hrefFor, manifestFiles, masteryScore, packageTitles } from '../../packager/manifest-parts';
import { packageTarget, type ManifestOptions } from '../../packager/target';
import { escapeXml as x } from '../../packager/xml';
import { cmi5 } from './index';
import { CMI5_IRIS } from './vocabulary';

/** The course structure's namespace (§14.0; CourseStructure.xsd targetNamespace). */
export const CMI5_NS = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

export const CMI5_SCHEMA_FILES = ['CourseStructure.xsd'] as const;

/** The AU's launch parameters the package itself adds to its URL: the launch page reports through cmi5 only (§13.1.4 url: merged with the launch parameters at launch). */
export const CMI5_URL_QUERY = `?standard=${cmi5.id}`;

/** The publisher ids of the course and of its one AU (§13.1.1, §13.1.4). */
export function cmi5Ids(course: CourseModel): { course: string; au: string } {
  const ns = course.course.id;
  return { course: `urn:${ns}:course`, au: `urn:${ns}:au:course` };
}

/**
 * `masteryScore` for a mastery percentage: a decimal 0..1 with at most four
 * places (§13.1.4, CourseStructure.xsd auType), e.g. 80 → "0.8".
 */
export function cmi5MasteryScore(masteryPercent: number): string {
  return String(Math.round(masteryPercent * 100) / 10000);
}

/** `cmi5.xml` for the course (§13, §14). */
export function cmi5CourseStructure(course: CourseModel, files: readonly string[], options: ManifestOptions = {}): string {
  const { launchHref } = manifestFiles(files, options, cmi5.manifestFile);
  const ids = cmi5Ids(course);
  const titles = packageTitles(course);
  const lang = x(course.course.language);
  // §13.1 langstring: one per language the course has; the course is written in one.
  const text = (element: 'title' | 'description', value: string, indent: string) =>
    [`${indent}<${element}>`, `${indent}  <langstring lang="${lang}">${x(value)}</langstring>`, `${indent}</${element}>`];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<courseStructure xmlns="${CMI5_NS}"`,
    `  xmlns:xsi="${XSI_NS}"`,
    `  xsi:schemaLocation="${CMI5_NS} ${CMI5_SCHEMA_FILES[0]}">`,
    `  <course id="${x(ids.course)}">`,
    ...text('title', titles.organization, '    '),
    ...text('description', course.course.description, '    '),
    '  </course>',
    // moveOn CompletedAndPassed: the LMS counts the AU done when every module is seen and the final assessment
    // passed, the same two conditions the SCORM packages report (src/session/state.ts). masteryScore: course.yaml's, scaled (§10.2.4 passes it to the AU).
    // launchMethod AnyWindow: the launch page works framed, in a window or redirected (§8.1).
    `  <au id="${x(ids.au)}" moveOn="CompletedAndPassed" masteryScore="${cmi5MasteryScore(masteryScore(course))}" launchMethod="AnyWindow">`,
    ...text('title', titles.item, '    '),
    ...text('description', course.course.description, '    '),
    // §14.1: an entry point inside the zip is a relative URL.
    `    <url>${x(hrefFor(launchHref) + CMI5_URL_QUERY)}</url>`,
    '  </au>',
    '</courseStructure>',
    '',
  ].join('\n');
}

/** The cmi5 package: cmi5.xml and the course structure schema beside it (from ./xsd/). Build time only. */
export const cmi5Target = packageTarget(cmi5, {
  manifest: cmi5CourseStructure,
  schemaDir: new URL('./xsd/', import.meta.url),
  schemaFiles: CMI5_SCHEMA_FILES,
  // The xAPI and cmi5 IRIs in the runtime's script are identifiers, never fetched.
  identifiers: CMI5_IRIS,
});
