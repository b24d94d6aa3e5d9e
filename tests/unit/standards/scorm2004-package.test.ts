/**
 * SCORM 2004 4th Edition manifest: valid against the official CP, ADL CP,
 * ADL Seq, ADL Nav, IMS SS and IEEE LOM schemas; one SCO launched at
 * lms.html spanning the course; primary objective satisfied by measure at
 * the mastery score; the course's metadata as an inline LOM record.
 */
import { describe, expect, it } from 'vitest';
import { minNormalizedMeasure, scorm2004Target as scorm2004 } from '../../../src/standards/scorm2004/package';
import { isXmlId } from '../../../src/packager/xml';
import { course, hostileCourse, minimalCourse, siteFiles } from '../../fixtures/packager/course';
import { errorText, schemaLocationPairs, validateManifest } from '../../fixtures/packager/validate';

const files = siteFiles.map((f) => f.path);
const manifest = scorm2004.manifest(course, files);
/** The manifest's LOM record. */
const lomOf = (m: string) => /<lom:lom>[\s\S]*<\/lom:lom>/.exec(m)?.[0] ?? '';
/** The LOM binding's files, as lom.xsd includes and imports them. */
const LOM_FILES = [
  'lom.xsd', 'common/anyElement.xsd', 'common/dataTypes.xsd', 'common/elementNames.xsd', 'common/elementTypes.xsd',
  'common/rootElement.xsd', 'common/vocabTypes.xsd', 'common/vocabValues.xsd', 'unique/strict.xsd', 'vocab/strict.xsd',
  'extend/strict.xsd',
];

describe('SCORM 2004 4th Edition target', () => {
  it('describes itself and carries every schema file the root schemas include or import', () => {
    expect(scorm2004.id).toBe('scorm2004');
    expect(scorm2004.label).toBe('SCORM 2004 4th Edition');
    expect([...scorm2004.schemaFiles].sort()).toEqual(
      [
        'XMLSchema.dtd', 'adlcp_v1p3.xsd', 'adlnav_v1p3.xsd', 'adlseq_v1p3.xsd', 'datatypes.dtd', 'imscp_v1p1.xsd',
        'imsss_v1p0.xsd', 'imsss_v1p0auxresource.xsd', 'imsss_v1p0control.xsd', 'imsss_v1p0delivery.xsd',
        'imsss_v1p0limit.xsd', 'imsss_v1p0objective.xsd', 'imsss_v1p0random.xsd', 'imsss_v1p0rollup.xsd',
        'imsss_v1p0seqrule.xsd', 'imsss_v1p0util.xsd', 'xml.xsd', ...LOM_FILES,
      ].sort(),
    );
  });

  it('carries every file lom.xsd includes or imports: without any one of them the manifest does not validate', async () => {
    for (const missing of LOM_FILES) {
      const without = { ...scorm2004, schemaFiles: scorm2004.schemaFiles.filter((f) => f !== missing) };
      const outcome = await validateManifest(without, manifest).then((r) => r.valid, () => false);
      expect(outcome, `without ${missing}`).toBe(false);
    }
  });

  it('writes a manifest that validates against imscp_v1p1, adlcp_v1p3, adlseq_v1p3, adlnav_v1p3, imsss_v1p0 and lom', async () => {
    expect(schemaLocationPairs(manifest)).toEqual([
      { namespace: 'http://www.imsglobal.org/xsd/imscp_v1p1', location: 'imscp_v1p1.xsd' },
      { namespace: 'http://www.adlnet.org/xsd/adlcp_v1p3', location: 'adlcp_v1p3.xsd' },
      { namespace: 'http://www.adlnet.org/xsd/adlseq_v1p3', location: 'adlseq_v1p3.xsd' },
      { namespace: 'http://www.adlnet.org/xsd/adlnav_v1p3', location: 'adlnav_v1p3.xsd' },
      { namespace: 'http://www.imsglobal.org/xsd/imsss', location: 'imsss_v1p0.xsd' },
      { namespace: 'http://ltsc.ieee.org/xsd/LOM', location: 'lom.xsd' },
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

  it('writes the course metadata as an IEEE LOM record inline in <metadata>, after schema and schemaversion', () => {
    expect(manifest).toMatch(/<schemaversion>2004 4th Edition<\/schemaversion>\s*<lom:lom>[\s\S]*<\/lom:lom>\s*<\/metadata>/);
    expect(manifest).toContain('xmlns:lom="http://ltsc.ieee.org/xsd/LOM"');
    const lom = lomOf(manifest);
    const en = (text: string) => `<lom:string language="en">${text}</lom:string>`;
    expect(lom).toContain(`<lom:title>${en('Introducing Relational-Cultural Theory: A New Model of Psychological Development')}</lom:title>`);
    expect(lom).toContain('<lom:language>en</lom:language>');
    expect(lom).toContain(
      `<lom:description>${en('Why relationships &amp; connection matter: the &quot;five good things&quot; and &lt;mutual&gt; empathy.')}</lom:description>`,
    );
    expect([...lom.matchAll(/<lom:keyword><lom:string language="en">([^<]*)</g)].map((k) => k[1])).toEqual([
      'Relational-Cultural Theory', 'mutual empathy', 'Five Good Things',
    ]);
    expect(lom).toMatch(/<lom:lifeCycle>\s*<lom:version><lom:string>1\.0\.0<\/lom:string><\/lom:version>/);
    expect(lom).toMatch(/<lom:educational>\s*<lom:typicalLearningTime><lom:duration>PT45M<\/lom:duration><\/lom:typicalLearningTime>\s*<\/lom:educational>/);
    expect(lom).toMatch(
      /<lom:rights>\s*<lom:copyrightAndOtherRestrictions><lom:source>LOMv1\.0<\/lom:source><lom:value>yes<\/lom:value><\/lom:copyrightAndOtherRestrictions>\s*<lom:description>/,
    );
    expect(lom).toContain(`<lom:description>${en('Jean Baker Miller Training Institute 2003')}</lom:description>\n      </lom:rights>`);
  });

  it('writes each LOM category and each single-valued element once, as unique/strict.xsd asks (libxml2 does not check it)', () => {
    // unique/strict.xsd states uniqueness with xs:unique over fixed attribute values that are
    // never written in the instance, which libxml2 does not evaluate; so the writer is checked here.
    for (const m of [manifest, scorm2004.manifest(hostileCourse(), files), scorm2004.manifest(minimalCourse(), files)]) {
      const lom = lomOf(m);
      for (const element of ['general', 'lifeCycle', 'educational', 'title', 'language', 'version', 'typicalLearningTime']) {
        expect(lom.match(new RegExp(`<lom:${element}`, 'g')) ?? [], element).toHaveLength(1);
      }
      expect((lom.match(/<lom:rights>/g) ?? []).length).toBeLessThanOrEqual(1);
    }
  });

  it('credits the people as author and the organization as publisher, each as a vCard 3.0', () => {
    const contributes = [...lomOf(manifest).matchAll(/<lom:contribute>([\s\S]*?)<\/lom:contribute>/g)].map((c) => c[1] ?? '');
    const role = (c: string) => /<lom:role><lom:source>LOMv1\.0<\/lom:source><lom:value>([^<]*)</.exec(c)?.[1];
    const cards = (c: string) => [...c.matchAll(/<lom:entity>([^<]*)<\/lom:entity>/g)].map((v) => v[1]);
    expect(contributes.map(role)).toEqual(['author', 'publisher']);
    expect(cards(contributes[0] ?? '')).toEqual([
      'BEGIN:VCARD&#13;&#10;VERSION:3.0&#13;&#10;N:;;;;Ph.D.&#13;&#10;FN:Judith V. Jordan&#13;&#10;END:VCARD',
      'BEGIN:VCARD&#13;&#10;VERSION:3.0&#13;&#10;N:;;;;M.D.&#13;&#10;FN:Jean Baker Miller&#13;&#10;END:VCARD',
    ]);
    expect(cards(contributes[1] ?? '')).toEqual([
      'BEGIN:VCARD&#13;&#10;VERSION:3.0&#13;&#10;N:;;;;&#13;&#10;FN:Jean Baker Miller Training Institute&#13;&#10;' +
        'ORG:Jean Baker Miller Training Institute&#13;&#10;END:VCARD',
    ]);
  });

  it('validates without the optional fields, and writes nothing for what the course does not say', async () => {
    const m = scorm2004.manifest(minimalCourse(), files);
    const result = await validateManifest(scorm2004, m);
    expect(result.valid, errorText(result)).toBe(true);
    const lom = lomOf(m);
    expect(lom).toContain('<lom:title><lom:string language="en">Introducing Relational-Cultural Theory</lom:string></lom:title>');
    expect(lom).not.toContain('<lom:keyword>');
    expect(lom).not.toContain('<lom:rights>');
    expect(lom).not.toContain('publisher');
  });

  it('writes each LangString in the course language', async () => {
    const m = scorm2004.manifest({ ...course, course: { ...course.course, language: 'pt-BR' } }, files);
    expect(lomOf(m)).not.toContain('language="en"');
    expect(lomOf(m)).toContain('<lom:language>pt-BR</lom:language>');
    const result = await validateManifest(scorm2004, m);
    expect(result.valid, errorText(result)).toBe(true);
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
    const lom = lomOf(hostile);
    const en = (text: string) => `<lom:string language="en">${text}</lom:string>`;
    expect(lom).toContain(`<lom:title>${en('Tom &amp; Jerry&apos;s &lt;&quot;quoted&quot;&gt; course: a &gt; b &amp; c &lt; d')}</lom:title>`);
    expect(lom).toContain(
      `<lom:description>${en('Fish &amp; chips; &apos;single&apos; and &quot;double&quot; quotes; &lt;script&gt;alert(1)&lt;/script&gt;')}</lom:description>`,
    );
    expect(lom).toContain(`<lom:keyword>${en('R&amp;D &lt;&quot;new&quot;&gt;')}</lom:keyword>`);
    expect(lom).toContain(`<lom:keyword>${en('it&apos;s a &gt; b')}</lom:keyword>`);
    expect(lom).toContain(`<lom:description>${en('© &quot;ACME&quot; &amp; &lt;Sons&gt;')}</lom:description>`);
    // vCard text rules first (\; \, \\ \n), then XML escaping.
    expect(lom).toContain('N:;;;;Ph.D.\\, M.D.&#13;&#10;FN:O&apos;Brien &amp; &lt;Sons&gt;\\; &quot;Jr.&quot;&#13;&#10;');
    expect(lom).toContain('FN:ACME \\\\ Co\\,\\nLtd&#13;&#10;ORG:ACME \\\\ Co\\,\\nLtd&#13;&#10;');
    expect(lom).not.toMatch(/<\/?script/);
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
      ['a role outside the LOMv1.0 vocabulary', manifest.replace('<lom:value>author</lom:value>', '<lom:value>writer</lom:value>')],
      ['a typical learning time that is not an ISO 8601 duration', manifest.replace('>PT45M<', '>45 minutes<')],
      ['a misspelled LOM element', manifest.replace(/lom:typicalLearningTime>/g, 'lom:typicalTime>')],
      ['a copyright answer outside the LOMv1.0 vocabulary', manifest.replace('<lom:value>yes</lom:value>', '<lom:value>maybe</lom:value>')],
      ['a LangString language that is not a language tag', manifest.replace('<lom:string language="en">', '<lom:string language="en_US">')],
      ['a language that is not a language tag', manifest.replace('<lom:language>en</lom:language>', '<lom:language>English (US)</lom:language>')],
    ];
    for (const [what, broken] of cases) {
      expect(broken, what).not.toBe(manifest);
      const result = await validateManifest(scorm2004, broken);
      expect(result.valid, what).toBe(false);
    }
  });
});
