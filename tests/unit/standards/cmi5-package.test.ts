/**
 * The cmi5 package: cmi5.xml valid against the specification's
 * CourseStructure.xsd (cmi5 §14.0), one AU spanning the course with moveOn
 * CompletedAndPassed and course.yaml's mastery score, every URL relative
 * (§14.1), the schema carried beside it; and the zip the packager writes.
 */
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { buildPackage } from '../../../src/packager/package';
import { findAbsoluteUrls } from '../../../src/packager/relative-urls';
import { readCourseStructure } from '../../../src/cli/lrs/course-structure';
import { CMI5_NS, cmi5MasteryScore, cmi5Target } from '../../../src/standards/cmi5/package';
import { course, hostileCourse, minimalCourse, siteFiles } from '../../fixtures/packager/course';
import { errorText, schemaLocationPairs, validateManifest } from '../../fixtures/packager/validate';
import { requirement } from '../../fixtures/cmi5/requirements';

const files = siteFiles.map((f) => f.path);
const xml = cmi5Target.manifest(course, files);
const utf8 = new TextEncoder();

describe('cmi5 course structure (cmi5.xml)', () => {
  it(requirement('4.4.0.0-1') + ' | valid against CourseStructure.xsd, which the package carries and names', async () => {
    expect(cmi5Target).toMatchObject({ id: 'cmi5', label: 'cmi5', manifestFile: 'cmi5.xml', schemaFiles: ['CourseStructure.xsd'] });
    expect(schemaLocationPairs(xml)).toEqual([{ namespace: CMI5_NS, location: 'CourseStructure.xsd' }]);
    const result = await validateManifest(cmi5Target, xml);
    expect(result.valid, errorText(result)).toBe(true);
  });

  it('still validates with every text XML-hostile, with no optional field, and at mastery 0 and 100', async () => {
    const extremes = [0, 100].map((masteryScore) => ({ ...course, course: { ...course.course, masteryScore } }));
    for (const c of [hostileCourse(), minimalCourse(), ...extremes]) {
      const result = await validateManifest(cmi5Target, cmi5Target.manifest(c, files));
      expect(result.valid, errorText(result)).toBe(true);
    }
  });

  it('holds one AU for the whole course: moveOn CompletedAndPassed, the mastery score scaled, launched at the launch page for cmi5', () => {
    const structure = readCourseStructure(xml);
    expect(structure.courseId).toBe('urn:rct-intro:course');
    expect(structure.aus).toEqual([
      { id: 'urn:rct-intro:au:course', title: course.course.title, url: 'lms.html?standard=cmi5', moveOn: 'CompletedAndPassed', masteryScore: course.course.masteryScore / 100, launchParameters: null },
    ]);
    expect(xml).toContain('launchMethod="AnyWindow"');
    expect(['0', '0.8', '0.75', '1', '0.3333'].map(Number)).toEqual([0, 80, 75, 100, 33.33].map((n) => Number(cmi5MasteryScore(n))));
  });

  it('titles and describes the course and the AU in the course\'s language', () => {
    const lang = course.course.language;
    expect(xml.match(new RegExp(`<langstring lang="${lang}">`, 'g'))).toHaveLength(4);
    expect(xml).toContain(`<langstring lang="${lang}">${course.course.title}: ${course.course.subtitle}</langstring>`);
  });

  it(requirement('3.0.0.0-1') + ' | and every URL is relative (cmi5 §14.1)', () => {
    for (const id of [...xml.matchAll(/\bid="([^"]*)"/g)].map((m) => m[1]!)) expect(id).toMatch(/^urn:[a-z0-9-]+:/);
    expect(findAbsoluteUrls('cmi5.xml', xml)).toEqual([]);
  });

  it('refuses a launch page that is not among the package files', () => {
    expect(() => cmi5Target.manifest(course, files, { launchHref: 'missing.html' })).toThrow(/launch page/);
  });
});

describe('the runtime\'s IRIs in the package', () => {
  const script = (iris: readonly string[]) => ({ path: '_astro/adapter.js', data: utf8.encode(`export const v = ${JSON.stringify(iris)};\n`) });
  const build = (extra: { path: string; data: Uint8Array }, allowUrls: RegExp[]) =>
    buildPackage(cmi5Target, course, [...siteFiles.map((f) => ({ path: f.path, data: utf8.encode(f.text) })), extra], [{ path: 'CourseStructure.xsd', data: utf8.encode('<x/>') }], { allowUrls });
  const exactly = (iris: readonly string[]) => iris.map((iri) => new RegExp(`^${iri.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));

  it('are identifiers the package guard accepts, each exactly: any other absolute URL is still refused', () => {
    const iris = cmi5Target.identifiers ?? [];
    expect(iris).toEqual(expect.arrayContaining(['http://adlnet.gov/expapi/verbs/initialized', 'https://w3id.org/xapi/cmi5/context/categories/moveon']));
    expect(() => build(script(iris), [])).toThrow(/absolute URL/);
    expect(() => build(script(iris), exactly(iris))).not.toThrow();
    expect(() => build(script([...iris, 'http://adlnet.gov/expapi/verbs/initialized/x']), exactly(iris))).toThrow(/absolute URL/);
  });
});

describe('the cmi5 zip', () => {
  const zip = unzipSync(
    buildPackage(
      cmi5Target,
      course,
      siteFiles.map((f) => ({ path: f.path, data: utf8.encode(f.text) })),
      [{ path: 'CourseStructure.xsd', data: utf8.encode('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>') }],
    ),
  );

  it('has cmi5.xml and its schema at the root, beside the site (cmi5 §14.1)', () => {
    expect(Object.keys(zip)).toEqual(expect.arrayContaining(['cmi5.xml', 'CourseStructure.xsd', 'lms.html']));
    expect(new TextDecoder().decode(zip['cmi5.xml'])).toBe(xml);
  });
});
