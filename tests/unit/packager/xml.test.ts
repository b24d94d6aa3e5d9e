/**
 * XML helpers: every model text is escaped; generated ids are valid xs:IDs.
 */
import { describe, expect, it } from 'vitest';
import { hrefFor, packageIds, packageTitles } from '../../../src/packager/manifest-parts';
import { escapeXml, escapeXmlLines, isXmlId, truncate, xmlId } from '../../../src/packager/xml';
import { course } from '../../fixtures/packager/course';

describe('escapeXml', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&apos;');
    expect(escapeXml(`Tom & Jerry's "<b>"`)).toBe('Tom &amp; Jerry&apos;s &quot;&lt;b&gt;&quot;');
  });

  it('does not double-escape, and leaves other text alone', () => {
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
    expect(escapeXml('Relational-Cultural Theory — “RCT” © 2003 ✓')).toBe('Relational-Cultural Theory — “RCT” © 2003 ✓');
    expect(escapeXml('tab\tnewline\ncr\r')).toBe('tab\tnewline\ncr\r');
  });

  it('drops characters XML 1.0 cannot carry at all', () => {
    expect(escapeXml('a\u0000b\u0008c\u001Fd\uFFFEe')).toBe('abcde');
    expect(escapeXml('lone \uD800 surrogate')).toBe('lone  surrogate');
    expect(escapeXml('pair 😀 kept')).toBe('pair 😀 kept');
  });
});

describe('escapeXmlLines', () => {
  it('escapes like escapeXml and writes CR and LF as character references, which XML parsers hand over unchanged', () => {
    expect(escapeXmlLines('BEGIN:VCARD\r\nFN:A & B\r\nEND:VCARD')).toBe('BEGIN:VCARD&#13;&#10;FN:A &amp; B&#13;&#10;END:VCARD');
    expect(escapeXmlLines(`a\nb\rc "<'>"`)).toBe('a&#10;b&#13;c &quot;&lt;&apos;&gt;&quot;');
    expect(escapeXmlLines('x\u0001y')).toBe('xy');
  });
});

describe('xmlId', () => {
  it('joins parts into an NCName', () => {
    expect(xmlId('rct-intro', '1.0.0')).toBe('rct-intro-1.0.0');
    expect(xmlId('org', 'rct-intro', '1.0.0')).toBe('org-rct-intro-1.0.0');
  });

  it('prefixes ids that would start with a digit and replaces other characters', () => {
    expect(xmlId('2025-intro', '1.0.0')).toBe('id-2025-intro-1.0.0');
    expect(xmlId('a b:c/d')).toBe('a-b-c-d');
  });

  it('knows an xs:ID (NCName) when it sees one', () => {
    for (const ok of ['a', '_a', 'rct-intro-1.0.0', 'A.b_c-d']) expect(isXmlId(ok), ok).toBe(true);
    for (const bad of ['', '1a', '-a', '.a', 'a:b', 'a b']) expect(isXmlId(bad), bad).toBe(false);
  });
});

describe('package identifiers and titles', () => {
  it('derive from course id and version', () => {
    expect(packageIds(course)).toEqual({
      manifest: 'rct-intro-1.0.0',
      organization: 'org-rct-intro-1.0.0',
      item: 'item-rct-intro-1.0.0',
      resource: 'res-rct-intro-1.0.0',
      objective: 'rct-intro-mastery',
    });
  });

  it('title the organization "title: subtitle", or the title alone without subtitle', () => {
    expect(packageTitles(course)).toEqual({
      organization: 'Introducing Relational-Cultural Theory: A New Model of Psychological Development',
      item: 'Introducing Relational-Cultural Theory',
    });
    const { subtitle: _omitted, ...noSubtitle } = course.course;
    expect(packageTitles({ ...course, course: noSubtitle }).organization).toBe('Introducing Relational-Cultural Theory');
  });

  it('keep titles within the 200 characters SCORM guarantees', () => {
    const long = 'x'.repeat(250);
    const titles = packageTitles({ ...course, course: { ...course.course, title: long } });
    expect(Array.from(titles.item)).toHaveLength(200);
    expect(titles.item.endsWith('…')).toBe(true);
    expect(truncate('short', 200)).toBe('short');
  });
});

describe('hrefFor', () => {
  it('percent-encodes what a URI path segment cannot hold, and nothing else', () => {
    expect(hrefFor('_astro/app.B1c2.js')).toBe('_astro/app.B1c2.js');
    expect(hrefFor('a b/c#d?e%f.html')).toBe('a%20b/c%23d%3Fe%25f.html');
    expect(hrefFor("x/(it's)+[1]~@!.txt")).toBe("x/(it's)+%5B1%5D~@!.txt");
    expect(hrefFor('ünï.html')).toBe('%C3%BCn%C3%AF.html');
  });
});
