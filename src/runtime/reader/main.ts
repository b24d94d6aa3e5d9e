/**
 * The reader runtime: one small script on every page of the self-paced
 * course. It finds the session (the LMS launch page's, when the page runs in
 * its frame; otherwise a standalone one on this device), then brings the
 * page to life: seen-tracking, checks, reflections, progress, summary,
 * notices. Everything degrades to readable text without it.
 */
import { strings } from '../../i18n/en';
import { createStandaloneAdapter } from '../adapters/standalone';
import { findHost, type CourseHost } from '../host';
import { bindPageLifecycle } from '../lifecycle';
import { createSession, type Session } from '../session';
import { enhanceChecks } from './checks';
import { readCourseData, type ReaderCourseData } from './data';
import { all } from './dom';
import { exportFileName, reflectionsMarkdown } from './export';
import { showNotice } from './notices';
import { renderProgress } from './progress';
import { enhanceReflections } from './reflections';
import { watchSlides } from './seen';
import { renderSummary } from './summary';

function connect(data: ReaderCourseData, host: CourseHost | null): Session {
  if (host) {
    // The launch page owns the LMS session (one Initialize, one Terminate); this page only saves when hidden.
    const flush = () => host.session.flush();
    document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush());
    window.addEventListener('pagehide', flush);
    return host.session;
  }
  const session = createSession({
    adapter: createStandaloneAdapter({ courseId: data.course.id, courseVersion: data.course.version }),
    course: data,
    masteryScore: data.course.masteryScore,
  });
  bindPageLifecycle(session, { window, document });
  return session;
}

function download(data: ReaderCourseData, session: Session): void {
  const now = new Date();
  const dateFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: 'long', timeStyle: 'short' });
  const text = reflectionsMarkdown(data, session.getState(), now, (d) => dateFormat.format(d), {
    title: strings.exportTitle,
    written: strings.exportWritten,
    empty: strings.exportEmpty,
    downloaded: strings.exportDownloaded,
  });
  const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: exportFileName(data.course.id, now) });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function start(): void {
  const data = readCourseData(document);
  const page = document.querySelector<HTMLElement>('.page[data-page]');
  if (!data || !page) return;
  const root = page.dataset.root ?? './';
  const host = findHost(window);
  const session = connect(data, host);
  // Inside the LMS package: the launch page shows the session's notices, and links meant for the open web go.
  if (host) for (const el of all('[data-outside-lms]')) el.hidden = true;

  const refresh = () => {
    renderProgress(document, data, session.getState(), root);
    if (page.dataset.page === 'summary') renderSummary(document, data, session, root);
  };

  enhanceChecks(page, data, session, refresh);
  const reflections = enhanceReflections(page, session, () => download(data, session), host ? 'lms' : 'device');
  for (const button of all<HTMLButtonElement>('[data-download-reflections]')) button.addEventListener('click', () => download(data, session));

  const notices = document.querySelector('[data-notices]');
  const unsubscribe = session.subscribe((status) => {
    if (!host) showNotice(notices, status);
    reflections.showStatus(status);
  });
  // A page in the launch page's frame must not leave listeners behind in the host's session.
  window.addEventListener('pagehide', unsubscribe);

  watchSlides(all<HTMLElement>('section[data-slide]', page), (id) => {
    session.visit(id);
    refresh();
  });
  refresh();
}

start();
