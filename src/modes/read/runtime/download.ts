/**
 * "Download my reflections", done: the Markdown file (export.ts) in the
 * course's words, handed to the browser as a download. Loaded when the
 * learner first asks for it (main.ts), so no page carries it before.
 */
import { translate, type Locale } from '../../../i18n';
import type { Session } from '../../../session/session';
import type { PageData } from './data';
import { exportFileName, reflectionsMarkdown } from './export';
import { pageRuntimeWords } from './strings/page';
import { exportWords } from './strings/export';

export function downloadReflections(data: PageData, session: Session, locale: Locale): void {
  const s = translate(exportWords, locale);
  const now = new Date();
  const dateFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: 'long', timeStyle: 'short' });
  const text = reflectionsMarkdown(data, session.getState(), now, (d) => dateFormat.format(d), {
    title: s.exportTitle,
    written: s.exportWritten,
    empty: translate(pageRuntimeWords, locale).exportEmpty,
    downloaded: s.exportDownloaded,
  });
  const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: exportFileName(data.course.id, now) });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
