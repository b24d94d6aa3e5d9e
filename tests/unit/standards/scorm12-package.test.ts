/**
 * SCORM 1.2 manifest: valid against the official SCORM 1.2 schemas (IMS MD
 * through its UPA-corrected copy), one SCO launched at lms.html spanning the
 * course, mastery score and IMS MD 1.2.1 metadata from the course.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCORM12_NS, scorm12Target as scorm12 } from '../../../src/standards/scorm12/package';
import { isXmlId } from '../../../src/packager/xml';
import { course, hostileCourse, minimalCourse, siteFiles } from '../../fixtures/packager/course';
import { CORRECTED_SCHEMAS, errorText, validateAgainst, validateManifest } from '../../fixtures/packager/validate';

const files = siteFiles.map((f) => f.path);
const manifest = scorm12.manifest(course, files);
/** The manifest's IMS MD record. */
const lomOf = (m: string) => /<imsmd:lom>[\s\S]*<\/imsmd:lom>/.exec(m)?.[0] ?? '';
const schemaText = (file: string) => readFileSync(fileURLToPath(new URL(file, scorm12.schemaDir)), 'utf8');

describe('SCORM 1.2 target', () => {
  it('describes itself and the schema files the package carries', () => {
    expect(scorm12.id).toBe('scorm12');
    expect(scorm12.label).toBe('SCORM 1.2');
    expect(scorm12.schemaFiles).toEqual(['imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'ims_xml.xsd']);
  });

  it('writes a manifest that validates against imscp_rootv1p1p2, adlcp_rootv1p2 and imsmd_rootv1p2p1', async () => {
    const result = await validateManifest(scorm12, manifest);
    expect(result.valid, errorText(result)).toBe(true);
  });

  it('still validates when every text is XML-hostile', async () => {
    const result = await validateManifest(scorm12, scorm12.manifest(hostileCourse(), files));
    expect(result.valid, errorText(result)).toBe(true);
  });

  it('declares the SCORM 1.2 schema and version', () => {
    expect(manifest).toContain('<schema>ADL SCORM</schema>');
    expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
    expect(manifest).toContain('xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"');
    expect(manifest).toContain('xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"');
    expect(manifest).toContain('xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"');
  });

  it('gives the item the course mastery score as adlcp:masteryscore', () => {
    expect(manifest).toMatch(/<item [^>]*>\s*<title>[^<]*<\/title>\s*<adlcp:masteryscore>80<\/adlcp:masteryscore>\s*<\/item>/);
    const other = scorm12.manifest({ ...course, course: { ...course.course, masteryScore: 65 } }, files);
    expect(other).toContain('<adlcp:masteryscore>65</adlcp:masteryscore>');
  });

  it('is one SCO resource launched at lms.html, or at the launch page given', () => {
    expect(manifest.match(/<resource /g)).toHaveLength(1);
    expect(manifest).toMatch(/<resource identifier="res-rct-intro-1\.0\.0" type="webcontent" adlcp:scormtype="sco" href="lms\.html">/);
    const other = scorm12.manifest(course, files, { launchHref: 'read/index.html' });
    expect(other).toContain('adlcp:scormtype="sco" href="read/index.html"');
  });

  it('derives identifiers from course id and version, all valid xs:IDs, and links them', () => {
    expect(manifest).toContain('<manifest identifier="rct-intro-1.0.0" version="1.0.0"');
    expect(manifest).toContain('<organizations default="org-rct-intro-1.0.0">');
    expect(manifest).toContain('<organization identifier="org-rct-intro-1.0.0">');
    expect(manifest).toContain('<item identifier="item-rct-intro-1.0.0" identifierref="res-rct-intro-1.0.0"');
    const ids = [...manifest.matchAll(/\bidentifier="([^"]*)"/g)].map((m) => m[1] ?? '');
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(isXmlId(id), id).toBe(true);
  });

  it('titles the organization "title: subtitle" and the item with the title', () => {
    expect(manifest).toContain(
      '<title>Introducing Relational-Cultural Theory: A New Model of Psychological Development</title>',
    );
    expect(manifest).toMatch(/<item [^>]*>\s*<title>Introducing Relational-Cultural Theory<\/title>/);
  });

  it('lists every site file, relative and sorted, in the resource', () => {
    const hrefs = [...manifest.matchAll(/<file href="([^"]*)"\/>/g)].map((m) => m[1] ?? '');
    expect(hrefs).toEqual([...files].sort());
    for (const href of hrefs) expect(href).not.toMatch(/^\/|^[a-z]+:|(^|\/)\.\.(\/|$)/i);
  });

  it('escapes every text taken from the course', () => {
    const hostile = scorm12.manifest(hostileCourse(), files);
    expect(hostile).toContain('Tom &amp; Jerry&apos;s &lt;&quot;quoted&quot;&gt; course: a &gt; b &amp; c &lt; d');
    expect(hostile).toContain('<title>Tom &amp; Jerry&apos;s &lt;&quot;quoted&quot;&gt; course</title>');
    expect(hostile).not.toContain("Jerry's");
    const lom = lomOf(hostile);
    const en = (text: string) => `<imsmd:langstring xml:lang="en">${text}</imsmd:langstring>`;
    expect(lom).toContain(`<imsmd:title>${en('Tom &amp; Jerry&apos;s &lt;&quot;quoted&quot;&gt; course: a &gt; b &amp; c &lt; d')}</imsmd:title>`);
    expect(lom).toContain(
      `<imsmd:description>${en('Fish &amp; chips; &apos;single&apos; and &quot;double&quot; quotes; &lt;script&gt;alert(1)&lt;/script&gt;')}</imsmd:description>`,
    );
    expect(lom).toContain(`<imsmd:keyword>${en('R&amp;D &lt;&quot;new&quot;&gt;')}</imsmd:keyword>`);
    expect(lom).toContain(`<imsmd:keyword>${en('it&apos;s a &gt; b')}</imsmd:keyword>`);
    expect(lom).toContain(`<imsmd:description>${en('© &quot;ACME&quot; &amp; &lt;Sons&gt;')}</imsmd:description>`);
    // vCard text rules first (\; \, \\ \n), then XML escaping.
    expect(lom).toContain('N:;;;;Ph.D.\\, M.D.&#13;&#10;FN:O&apos;Brien &amp; &lt;Sons&gt;\\; &quot;Jr.&quot;&#13;&#10;');
    expect(lom).toContain('FN:ACME \\\\ Co\\,\\nLtd&#13;&#10;ORG:ACME \\\\ Co\\,\\nLtd&#13;&#10;');
    expect(lom).not.toMatch(/<\/?script/);
  });

  it('validates its IMS MD record against a copy of the official schema corrected only in the wildcard that breaks UPA', async () => {
    // Why a corrected copy: libxml2 refuses the official file (Unique Particle Attribution).
    await expect(
      validateAgainst(scorm12, manifest, [{ namespace: SCORM12_NS.imsmd, location: 'imsmd_rootv1p2p1.xsd' }]),
    ).rejects.toThrow(/not determinist/);
    const corrected = CORRECTED_SCHEMAS.get('imsmd_rootv1p2p1.xsd') ?? '';
    expect(corrected).toBe('imsmd_rootv1p2p1.upa-corrected.xsd');
    const official = schemaText('imsmd_rootv1p2p1.xsd');
    const copy = schemaText(corrected);
    // The one difference, apart from the comment that explains it: ##any becomes ##other, once.
    expect(official.match(/namespace="##any"/g)).toHaveLength(1);
    expect(copy.replace(/ *<!-- CORRECTED COPY[\s\S]*?-->\n/, '')).toBe(official.replace('namespace="##any"', 'namespace="##other"'));
    // The package carries the official file, never the copy.
    expect(scorm12.schemaFiles).toContain('imsmd_rootv1p2p1.xsd');
    expect(scorm12.schemaFiles).not.toContain(corrected);
    const result = await validateAgainst(scorm12, manifest, [
      { namespace: SCORM12_NS.imscp, location: 'imscp_rootv1p1p2.xsd' },
      { namespace: SCORM12_NS.imsmd, location: corrected },
      { namespace: SCORM12_NS.adlcp, location: 'adlcp_rootv1p2.xsd' },
    ], [corrected]);
    expect(result.valid, errorText(result)).toBe(true);
  });

  it('writes the course metadata as an IMS MD 1.2.1 record in <metadata>, after schema and schemaversion', () => {
    const lom = lomOf(manifest);
    expect(manifest).toMatch(/<schemaversion>1\.2<\/schemaversion>\s*<imsmd:lom>[\s\S]*<\/imsmd:lom>\s*<\/metadata>/);
    const en = (text: string) => `<imsmd:langstring xml:lang="en">${text}</imsmd:langstring>`;
    expect(lom).toContain(`<imsmd:title>${en('Introducing Relational-Cultural Theory: A New Model of Psychological Development')}</imsmd:title>`);
    expect(lom).toContain('<imsmd:language>en</imsmd:language>');
    expect(lom).toContain(
      `<imsmd:description>${en('Why relationships &amp; connection matter: the &quot;five good things&quot; and &lt;mutual&gt; empathy.')}</imsmd:description>`,
    );
    expect([...lom.matchAll(/<imsmd:keyword><imsmd:langstring xml:lang="en">([^<]*)</g)].map((k) => k[1])).toEqual([
      'Relational-Cultural Theory', 'mutual empathy', 'Five Good Things',
    ]);
    expect(lom).toContain('<imsmd:version><imsmd:langstring xml:lang="x-none">1.0.0</imsmd:langstring></imsmd:version>');
    expect(lom).toContain('<imsmd:typicallearningtime><imsmd:datetime>PT45M</imsmd:datetime></imsmd:typicallearningtime>');
    expect(lom).toMatch(
      /<imsmd:copyrightandotherrestrictions>\s*<imsmd:source><imsmd:langstring xml:lang="x-none">LOMv1\.0<\/imsmd:langstring><\/imsmd:source>\s*<imsmd:value><imsmd:langstring xml:lang="x-none">yes<\/imsmd:langstring><\/imsmd:value>\s*<\/imsmd:copyrightandotherrestrictions>\s*<imsmd:description>/,
    );
    expect(lom).toContain(`<imsmd:description>${en('Jean Baker Miller Training Institute 2003')}</imsmd:description>`);
  });

  it('credits the people as Author and the organization as Publisher, each as a vCard 3.0', () => {
    const contributes = [...lomOf(manifest).matchAll(/<imsmd:contribute>([\s\S]*?)<\/imsmd:contribute>/g)].map((c) => c[1] ?? '');
    expect(contributes).toHaveLength(2);
    const role = (c: string) => /<imsmd:value><imsmd:langstring xml:lang="x-none">([^<]*)</.exec(c)?.[1];
    const cards = (c: string) => [...c.matchAll(/<imsmd:centity><imsmd:vcard>([^<]*)<\/imsmd:vcard><\/imsmd:centity>/g)].map((v) => v[1]);
    expect(role(contributes[0] ?? '')).toBe('Author');
    expect(cards(contributes[0] ?? '')).toEqual([
      'BEGIN:VCARD&#13;&#10;VERSION:3.0&#13;&#10;N:;;;;Ph.D.&#13;&#10;FN:Judith V. Jordan&#13;&#10;END:VCARD',
      'BEGIN:VCARD&#13;&#10;VERSION:3.0&#13;&#10;N:;;;;M.D.&#13;&#10;FN:Jean Baker Miller&#13;&#10;END:VCARD',
    ]);
    expect(role(contributes[1] ?? '')).toBe('Publisher');
    expect(cards(contributes[1] ?? '')).toEqual([
      'BEGIN:VCARD&#13;&#10;VERSION:3.0&#13;&#10;N:;;;;&#13;&#10;FN:Jean Baker Miller Training Institute&#13;&#10;' +
        'ORG:Jean Baker Miller Training Institute&#13;&#10;END:VCARD',
    ]);
  });

  it('validates without the optional fields, and writes nothing for what the course does not say', async () => {
    const m = scorm12.manifest(minimalCourse(), files);
    const result = await validateManifest(scorm12, m);
    expect(result.valid, errorText(result)).toBe(true);
    const lom = lomOf(m);
    expect(lom).toContain('<imsmd:title><imsmd:langstring xml:lang="en">Introducing Relational-Cultural Theory</imsmd:langstring></imsmd:title>');
    expect(lom).not.toContain('<imsmd:keyword>');
    expect(lom).not.toContain('<imsmd:rights>');
    expect(lom).not.toContain('Publisher');
    expect(lom).toContain('N:;;;;&#13;&#10;FN:Judith V. Jordan');
  });

  it('is reported invalid when broken, proving the validator checks each namespace', async () => {
    const cases: Array<[string, string]> = [
      ['an unknown IMS CP element', manifest.replace('<organizations ', '<organisations ').replace('</organizations>', '</organisations>')],
      ['a bad adlcp:scormtype', manifest.replace('adlcp:scormtype="sco"', 'adlcp:scormtype="scorm"')],
      ['adlcp:masteryScore spelled the SCORM 2004 way', manifest.replace(/adlcp:masteryscore>/g, 'adlcp:masteryScore>')],
      ['a duplicate identifier', manifest.replace('identifier="item-rct-intro-1.0.0"', 'identifier="org-rct-intro-1.0.0"')],
      ['an unescaped ampersand', manifest.replace('<title>Introducing', '<title>R&D Introducing')],
      ['a misspelled IMS MD element', manifest.replace(/imsmd:typicallearningtime>/g, 'imsmd:typicallearning>')],
      ['IMS MD elements out of the schema order', manifest.replace(
        /(<imsmd:description>.*<\/imsmd:description>)\n(\s*)(<imsmd:keyword>.*<\/imsmd:keyword>)/,
        '$3\n$2$1',
      )],
      ['an IMS MD vocabulary term where a langstring belongs', manifest.replace('<imsmd:language>en</imsmd:language>', '<imsmd:language><imsmd:langstring>en</imsmd:langstring></imsmd:language>')],
    ];
    for (const [what, broken] of cases) {
      expect(broken, what).not.toBe(manifest);
      const result = await validateManifest(scorm12, broken);
      expect(result.valid, what).toBe(false);
    }
  });

  it('names the schema locations of its three namespaces, relative to the package root', () => {
    expect(manifest).toContain(
      'xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd ' +
        'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd ' +
        'http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"',
    );
  });

  it('refuses a version longer than the 20 characters imscp_rootv1p1p2.xsd allows', () => {
    expect(() => scorm12.manifest({ ...course, course: { ...course.course, version: '1234567.1234567.1234567' } }, files)).toThrow(
      /longer than the 20 characters/,
    );
  });

  it('refuses a launch page that is not among the files, and unsafe paths', () => {
    expect(() => scorm12.manifest(course, files, { launchHref: 'missing.html' })).toThrow(/launch page "missing.html" is not among/);
    expect(() => scorm12.manifest(course, [...files, '/abs.html'])).toThrow(/absolute/);
    expect(() => scorm12.manifest(course, [...files, '../up.html'])).toThrow(/"\.\." segment/);
    expect(() => scorm12.manifest(course, [...files, 'https://cdn.example.com/x.js'])).toThrow(/URL scheme/);
  });
});
