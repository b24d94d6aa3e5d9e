/**
 * "Download my reflections": the learner's reflections as a Markdown file
 * with each prompt and the date it was written. Pure: data in, text out.
 *
 * The learner's words are escaped so that no Markdown viewer renders them as
 * HTML or formatting: a typed `<img onerror=…>` stays text in the export too.
 */
import { own } from '../../../session/records';
import type { LearnerState } from '../../../session/state';
import type { PageData } from './data';

/**
 * Backslash-escape what CommonMark (spec 2.4, "Backslash escapes") or GFM
 * would read as markup or HTML: emphasis, code, links, HTML and entities,
 * tables, strikethrough and fences inline; and at a line start the markers
 * of headings (ATX and setext `===`/`---` underlines), quotes, lists and
 * ordered lists (`1.` becomes `1\.`: the digits stay as written); a line
 * indented four spaces or a tab (an indented code block) keeps its
 * indentation as no-break spaces, which no viewer reads as markup.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/^[ \t]+/gm, (indent) => (/^( {4}|\t| {0,3}\t)/.test(indent) ? indent.replace(/\t/g, '    ').replace(/ /g, '\u00a0') : indent))
    .replace(/[\\`*_[\]<>&|~]/g, (c) => `\\${c}`)
    .replace(/^( {0,3})([#>+=-])/gm, (_m, space: string, mark: string) => `${space}\\${mark}`)
    .replace(/^( {0,3}\d{1,9})([.)])/gm, (_m, number: string, mark: string) => `${number}\\${mark}`);
}

export interface ExportStrings {
  title: (course: string) => string;
  written: (date: string) => string;
  empty: string;
  downloaded: (date: string) => string;
}

export function reflectionsMarkdown(
  data: PageData,
  state: LearnerState,
  now: Date,
  formatDate: (d: Date) => string,
  s: ExportStrings,
): string {
  const lines = [`# ${escapeMarkdown(s.title(data.course.title))}`, '', s.downloaded(formatDate(now)), ''];
  for (const { reflection, slideId } of data.reflections) {
    const slide = data.slides.find((x) => x.id === slideId);
    lines.push(`## ${escapeMarkdown(reflection.prompt)}`, '');
    if (reflection.hint) lines.push(`*${escapeMarkdown(reflection.hint)}*`, '');
    if (slide) lines.push(`(${escapeMarkdown(slide.title)})`, '');
    const record = own(state.reflections, reflection.id);
    if (record) {
      lines.push(`_${s.written(formatDate(new Date(record.at)))}_`, '');
      // Hard line breaks (two trailing spaces) keep the learner's own line breaks.
      lines.push(...escapeMarkdown(record.text).split(/\r?\n/).map((l) => (l ? `${l}  ` : '')), '');
    } else lines.push(s.empty, '');
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/** File name for the export: course id and date, ASCII only. */
export function exportFileName(courseId: string, now: Date): string {
  return `${courseId}-reflections-${now.toISOString().slice(0, 10)}.md`;
}
