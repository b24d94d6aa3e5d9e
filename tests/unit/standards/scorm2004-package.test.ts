/**
 * SCORM 2004 4th Edition manifest: valid against the official CP, ADL CP,
 * ADL Seq, ADL Nav and IMS SS schemas; one SCO launched at lms.html spanning
 * the course; primary objective satisfied by measure at the mastery score.
 */
import { describe, expect, it } from 'vitest';
import { minNormalizedMeasure, scorm2004Target as scorm2004 } from '../../../src/standards/scorm2004/package';
import { isXmlId } from '../../../src/packager/xml';
import { course, hostileCourse, siteFiles } from '../../fixtures/packager/course';
import { errorText, schemaLocationPairs, validateManifest } from '../../fixtures/packager/validate';

const files = siteFiles.map((f) => f.path);
const manifest = scorm2004.manifest(course, files);

describe('SCORM 2004 4th Edition target', () => {
  it('describes itself and carries every schema file the root schemas include or import', () => {
    expect(scorm2004.id).toBe('scorm2004');
    expect(scorm2004.label).toBe('SCORM 2004 4th Edition');
    expect([...scorm2004.schemaFiles].sort()).toEqual(
      [
        'XMLSchema.dtd', 'adlcp_v1p3.xsd', 'adlnav_v1p3.xsd', 'adlseq_v1p3.xsd', 'datatypes.dtd', 'imscp_v1p1.xsd',
        'imsss_v1p0.xsd', 'imsss_v1p0auxresource.xsd', 'imsss_v1p0control.xsd', 'imsss_v1p0delivery.xsd',
        'imsss_v1p0limit.xsd', 'imsss_v1p0objective.xsd', 'imsss_v1p0random.xsd', 'imsss_v1p0rollup.xsd',
        'imsss_v1p0seqrule.xsd', 'imsss_v1p0util.xsd', 'xml.xsd',
      ].sort(),
    );
  });

  it('writes a manifest that validates against imscp_v1p1, adlcp_v1p3, adlseq_v1p3, adlnav_v1p3 and imsss_v1p0', async () => {
    expect(schemaLocationPairs(manifest)).toEqual([
      { namespace: 'http://www.imsglobal.org/xsd/imscp_v1p1', location: 'imscp_v1p1.xsd' },
      { namespace: 'http://www.adlnet.org/xsd/adlcp_v1p3', location: 'adlcp_v1p3.xsd' },
      { namespace: 'http://www.adlnet.org/xsd/adlseq_v1p3', location: 'adlseq_v1p3.xsd' },
      { namespace: 'http://www.adlnet.org/xsd/adlnav_v1p3', location: 'adlnav_v1p3.xsd' },
      { namespace: 'http://www.imsglobal.org/xsd/imsss', location: 'imsss_v1p0.xsd' },
    ]);
    const result = await validateManifest(scorm2004, manifest);
    expect(result.valid, errorText(result)).toBe(true);
  });

  it('still validates when every text is XML-hostile, and with mastery 0 or 100', async () => {
    for (const c of [
      hostileCourse(),
      { ...course, course: { ...course.course, masteryScore: 0 } },
      { ...course, course: { ...course.course, masteryScore: 100 } },
    ]) {
      const result = await validateManifest(scorm2004, scorm2004.manifest(c, files));
      expect(result.valid, errorText(result)).toBe(true);
    }
  });

  it('declares the SCORM 2004 4th Edition schema and version', () => {
    expect(manifest).toContain('<schema>ADL SCORM</schema>');
    expect(manifest).toContain('<schemaversion>2004 4th Edition</schemaversion>');
  });

  it('makes the mastery score the minimum normalized measure of a primary objective satisfied by measure', () => {
    expect(manifest).toMatch(
      /<imsss:primaryObjective objectiveID="rct-intro-mastery" satisfiedByMeasure="true">\s*<imsss:minNormalizedMeasure>0\.80<\/imsss:minNormalizedMeasure>/,
    );
    expect(minNormalizedMeasure(0)).toBe('0.00');
    expect(minNormalizedMeasure(65)).toBe('0.65');
    expect(minNormalizedMeasure(100)).toBe('1.00');
    const other = scorm2004.manifest({ ...course, course: { ...course.course, masteryScore: 65 } }, files);
    expect(other).toContain('<imsss:minNormalizedMeasure>0.65</imsss:minNormalizedMeasure>');
  });

  it('refuses a mastery score that is not an integer percentage', () => {
    expect(() => scorm2004.manifest({ ...course, course: { ...course.course, masteryScore: 101 } }, files)).toThrow(/0 to 100/);
    expect(() => scorm2004.manifest({ ...course, course: { ...course.course, masteryScore: 79.5 } }, files)).toThrow(/integer/);
  });

  it('lets the course start by flow and hides the LMS previous/continue buttons of the single SCO', () => {
    expect(manifest).toContain('<imsss:controlMode choice="true" flow="true"/>');
    expect(manifest).toMatch(/<adlnav:hideLMSUI>previous<\/adlnav:hideLMSUI>\s*<adlnav:hideLMSUI>continue<\/adlnav:hideLMSUI>/);
    expect(manifest).toContain('<imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>');
  });

  it('is one SCO resource launched at lms.html', () => {
    expect(manifest.match(/<resource /g)).toHaveLength(1);
    expect(manifest).toMatch(/<resource identifier="res-rct-intro-1\.0\.0" type="webcontent" adlcp:scormType="sco" href="lms\.html">/);
  });

  it('derives identifiers from course id and version, all valid xs:IDs', () => {
    expect(manifest).toContain('<manifest identifier="rct-intro-1.0.0" version="1.0.0"');
    expect(manifest).toContain('<organizations default="org-rct-intro-1.0.0">');
    const ids = [...manifest.matchAll(/\bidentifier="([^"]*)"/g)].map((m) => m[1] ?? '');
    expect(ids).toEqual(['rct-intro-1.0.0', 'org-rct-intro-1.0.0', 'item-rct-intro-1.0.0', 'res-rct-intro-1.0.0']);
    for (const id of ids) expect(isXmlId(id), id).toBe(true);
  });

  it('makes a valid xs:ID from a course id that starts with a digit', async () => {
    const m = scorm2004.manifest({ ...course, course: { ...course.course, id: '2025-rct' } }, files);
    expect(m).toContain('<manifest identifier="id-2025-rct-1.0.0"');
    expect(m).toContain('<organization identifier="org-2025-rct-1.0.0">');
    const result = await validateManifest(scorm2004, m);
    expect(result.valid, errorText(result)).toBe(true);
  });

  it('lists every site file, relative and sorted', () => {
    const hrefs = [...manifest.matchAll(/<file href="([^"]*)"\/>/g)].map((m) => m[1] ?? '');
    expect(hrefs).toEqual([...files].sort());
  });

  it('escapes every text taken from the course', () => {
    const hostile = scorm2004.manifest(hostileCourse(), files);
    expect(hostile).toContain('<title>Tom &amp; Jerry&apos;s &lt;&quot;quoted&quot;&gt; course: a &gt; b &amp; c &lt; d</title>');
    expect(hostile).toContain('<title>Tom &amp; Jerry&apos;s &lt;&quot;quoted&quot;&gt; course</title>');
  });

  it('percent-encodes file names that are not URI-safe', async () => {
    const m = scorm2004.manifest(course, [...files, 'media/notes & slides #1.pdf']);
    expect(m).toContain('<file href="media/notes%20&amp;%20slides%20%231.pdf"/>');
    const result = await validateManifest(scorm2004, m);
    expect(result.valid, errorText(result)).toBe(true);
  });

  it('is reported invalid when broken, proving the validator checks each namespace', async () => {
    const cases: Array<[string, string]> = [
      ['an unknown IMS CP element', manifest.replace('<resources>', '<resourcez>').replace('</resources>', '</resourcez>')],
      ['a bad adlcp:scormType', manifest.replace('adlcp:scormType="sco"', 'adlcp:scormType="scorm"')],
      ['a measure above 1', manifest.replace('>0.80<', '>1.5<')],
      ['a misspelled imsss element', manifest.replace('<imsss:objectives>', '<imsss:objectivez>').replace('</imsss:objectives>', '</imsss:objectivez>')],
      ['an invalid adlnav token', manifest.replace('>previous<', '>back<')],
      ['an identifier that is not an xs:ID', manifest.replace(/identifier="item-rct-intro-1\.0\.0"/, 'identifier="1 item"')],
    ];
    for (const [what, broken] of cases) {
      expect(broken, what).not.toBe(manifest);
      const result = await validateManifest(scorm2004, broken);
      expect(result.valid, what).toBe(false);
    }
  });
});
