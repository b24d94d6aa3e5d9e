/**
 * The course metadata every LOM binding writes: each value from course.yaml,
 * within LOM's smallest permitted maxima; durations in ISO 8601; contributors
 * as vCard 3.0.
 */
import { describe, expect, it } from 'vitest';
import { LOM_LIMITS, courseMetadata, isoDuration, vCard } from '../../../src/packager/manifest-parts';
import type { CourseModel } from '../../../src/model/course';
import { course, hostileCourse, minimalCourse } from '../../fixtures/packager/course';

const withCourse = (patch: Partial<CourseModel['course']>): CourseModel => ({ ...course, course: { ...course.course, ...patch } });
const chars = (s: string) => Array.from(s).length;

describe('courseMetadata', () => {
  it('takes every value from the course', () => {
    expect(courseMetadata(course)).toEqual({
      title: 'Introducing Relational-Cultural Theory: A New Model of Psychological Development',
      description: 'Why relationships & connection matter: the "five good things" and <mutual> empathy.',
      keywords: ['Relational-Cultural Theory', 'mutual empathy', 'Five Good Things'],
      language: 'en',
      version: '1.0.0',
      contributions: [
        { role: 'author', entities: [vCard(course.course.authors[0]!), vCard(course.course.authors[1]!)] },
        { role: 'publisher', entities: [vCard(course.course.authors[2]!)] },
      ],
      typicalLearningTime: 'PT45M',
      copyright: 'Jean Baker Miller Training Institute 2003',
    });
  });

  it('leaves out what the course does not say: no keywords, no copyright, no role nobody has', () => {
    const m = courseMetadata(minimalCourse());
    expect(m.title).toBe('Introducing Relational-Cultural Theory');
    expect(m.keywords).toEqual([]);
    expect(m).not.toHaveProperty('copyright');
    expect(m.contributions.map((c) => c.role)).toEqual(['author']);
    const onlyOrganization = withCourse({ authors: [{ name: 'Stone Center', kind: 'organization' }] });
    expect(courseMetadata(onlyOrganization).contributions.map((c) => c.role)).toEqual(['publisher']);
  });

  it('keeps every value within the smallest permitted maxima of LOM', () => {
    const long = (n: number) => 'x'.repeat(n);
    const m = courseMetadata(
      withCourse({
        title: long(900),
        subtitle: long(900),
        description: long(5000),
        keywords: Array.from({ length: 60 }, (_, i) => `${i} ${long(2000)}`),
        copyright: long(3000),
        authors: Array.from({ length: 50 }, () => ({ name: long(5000), credentials: long(500), kind: 'organization' as const })),
      }),
    );
    expect(chars(m.title)).toBe(LOM_LIMITS.title);
    expect(m.title.endsWith('…')).toBe(true);
    expect(chars(m.description)).toBe(LOM_LIMITS.description);
    expect(m.keywords).toHaveLength(LOM_LIMITS.keywords);
    for (const k of m.keywords) expect(chars(k)).toBeLessThanOrEqual(LOM_LIMITS.keyword);
    expect(chars(m.copyright ?? '')).toBe(LOM_LIMITS.rights);
    expect(m.contributions[0]?.entities).toHaveLength(LOM_LIMITS.entities);
    for (const card of m.contributions[0]?.entities ?? []) expect(chars(card)).toBeLessThanOrEqual(LOM_LIMITS.vCard);
  });

  it('gives each keyword once, trimmed, in course order', () => {
    const m = courseMetadata(withCourse({ keywords: [' RCT ', 'mutuality', 'rct', 'Mutuality', 'empathy'] }));
    expect(m.keywords).toEqual(['RCT', 'mutuality', 'empathy']);
  });

  it('refuses a version longer than the 50 characters LOM keeps', () => {
    expect(() => courseMetadata(withCourse({ version: `1.0.${'9'.repeat(60)}` }))).toThrow(/longer than the 50 characters/);
  });
});

describe('isoDuration', () => {
  it('writes whole minutes as an ISO 8601 duration both LOM bindings accept', () => {
    expect(isoDuration(1)).toBe('PT1M');
    expect(isoDuration(50)).toBe('PT50M');
    expect(isoDuration(60)).toBe('PT1H');
    expect(isoDuration(90)).toBe('PT1H30M');
    expect(isoDuration(1500)).toBe('PT25H');
    // the LOM binding's DurationString pattern (common/dataTypes.xsd)
    for (const d of ['PT1M', 'PT1H30M', 'PT25H']) {
      expect(d).toMatch(/^P(\d+Y)?(\d+M)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/);
    }
  });

  it('refuses what is not a positive whole number of minutes', () => {
    for (const bad of [0, -5, 2.5, Number.NaN]) expect(() => isoDuration(bad)).toThrow(/positive whole number/);
  });
});

describe('vCard', () => {
  it('is a vCard 3.0 with the name as FN, the credentials as the honorific suffix of N, CRLF line ends', () => {
    expect(vCard({ name: 'Judith V. Jordan', credentials: 'Ph.D.', kind: 'person' })).toBe(
      'BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;Ph.D.\r\nFN:Judith V. Jordan\r\nEND:VCARD',
    );
  });

  it('gives an organization its name as ORG too', () => {
    expect(vCard({ name: 'Jean Baker Miller Training Institute', kind: 'organization' })).toBe(
      'BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nFN:Jean Baker Miller Training Institute\r\nORG:Jean Baker Miller Training Institute\r\nEND:VCARD',
    );
  });

  it("escapes vCard's own specials in text values (RFC 2426 §4)", () => {
    const [person, organization] = hostileCourse().course.authors;
    expect(vCard(person!)).toContain('N:;;;;Ph.D.\\, M.D.\r\nFN:O\'Brien & <Sons>\\; "Jr."\r\n');
    expect(vCard(organization!)).toContain('FN:ACME \\\\ Co\\,\\nLtd\r\nORG:ACME \\\\ Co\\,\\nLtd\r\n');
  });

  it('folds lines longer than 75 octets, never inside a character (RFC 2425 §5.8.1)', () => {
    const card = vCard({ name: 'é'.repeat(100), kind: 'person' });
    const lines = card.split('\r\n');
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(0);
    // Unfolding (remove CRLF + one space) gives the line back.
    expect(card.replace(/\r\n /g, '')).toContain(`FN:${'é'.repeat(100)}\r\n`);
  });
});
