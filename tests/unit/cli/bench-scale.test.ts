import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scaleCourse, suffixIds } from '../../../src/cli/bench/scale';

describe('bench --scale: the N× copy of a course', () => {
  it('suffixes the ids a slide defines and embeds, but not the glossary terms it links (the glossary is not copied)', () => {
    const mdx = ['---', 'id: intro', 'checks:', '  - id: q1', '---', '<KnowledgeCheck id="q1" /> and <Term id="mutuality">words</Term>'].join('\n');
    const out = suffixIds(mdx, '-x2');
    expect(out).toContain('id: intro-x2');
    expect(out).toContain('  - id: q1-x2');
    expect(out).toContain('<KnowledgeCheck id="q1-x2" />');
    expect(out).toContain('<Term id="mutuality">');
  });

  it('drops the copies\' title and closing slides: the course keeps one of each', () => {
    expect(suffixIds('id: start\nkind: title\n', '-x3')).toBe('id: start-x3\n');
  });

  const to = mkdtempSync(join(tmpdir(), 'scale-test-'));
  afterAll(() => rmSync(to, { recursive: true, force: true }));

  it('writes N copies of every slide and module of this course, and N times its duration', () => {
    const scaled = scaleCourse(process.cwd(), to, 3);
    const slides = readdirSync(join(process.cwd(), 'slides')).filter((f) => f.endsWith('.mdx')).length;
    expect(scaled.slides).toBe(3 * slides);
    expect(readdirSync(join(to, 'slides')).filter((f) => f.endsWith('.mdx'))).toHaveLength(3 * slides);
    const minutes = (file: string) => Number(/^durationMinutes:\s*(\d+)/m.exec(readFileSync(file, 'utf8'))?.[1]);
    expect(minutes(join(to, 'modules', 'course.yaml'))).toBe(3 * minutes(join(process.cwd(), 'modules', 'course.yaml')));
  });
});
