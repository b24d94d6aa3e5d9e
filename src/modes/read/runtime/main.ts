/**
 * The reader runtime: one small script on every page of the self-paced
 * course. It finds the session (the LMS launch page's, when the page runs in
 * its frame; otherwise a standalone one on this device), then brings the
 * page to life: seen-tracking, checks, reflections, progress, summary,
 * notices. Everything degrades to readable text without it.
 */
import { localeOf, translate, type Locale } from '../../../i18n';
import { bindPageLifecycle } from '../../../session/lifecycle';
import { createSession, type Session } from '../../../session/session';
import { findShell, type CourseShell } from '../../../session/shell';
import { createStandaloneAdapter } from '../../../standards/standalone';
import { commonStrings } from '../../common/strings';
import { readStrings } from '../strings';
import { enhanceChecks } from './checks';
import { readPageData, type PageData } from './data';
import { all } from './dom';
import { exportFileName, reflectionsMarkdown } from './export';
import { showNotices } from './notices';
import { renderProgress } from './progress';
import { enhanceReflections } from './reflections';
import { watchSlides } from './seen';
import { renderSummary } from './summary';

async function connect(data: PageData, shell: CourseShell | null): Promise<Session> {
  // In a package, the launch page owns the LMS session (one Initialize, one Terminate) and saves it:
  // when it is hidden, and after this frame has moved to another page. This page makes no LMS call
  // while it unloads, where browsers refuse the LMS's synchronous requests (src/README.md "LMS lessons").
  if (shell) return shell.session;
  const session = await createSession({
    adapter: createStandaloneAdapter({ courseId: data.course.id, courseVersion: data.course.version }),
    course: data,
    masteryScore: data.course.masteryScore,
  });
  bindPageLifecycle(session, { window, document });
  // Back from the back/forward cache after pagehide ended the session: start again from what is stored
  // (another tab may have written since), so what the learner types now is saved.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) window.location.reload();
  });
  return session;
}

function download(data: PageData, session: Session, locale: Locale): void {
  const s = translate(readStrings, locale);
  const now = new Date();
  const dateFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: 'long', timeStyle: 'short' });
  const text = reflectionsMarkdown(data, session.getState(), now, (d) => dateFormat.format(d), {
    title: s.exportTitle,
    written: s.exportWritten,
    empty: s.exportEmpty,
    downloaded: s.exportDownloaded,
  });
  const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: exportFileName(data.course.id, now) });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function start(): Promise<void> {
  const data = await readPageData(document);
  const page = document.querySelector<HTMLElement>('.page[data-page]');
  if (!data || !page) return;
  const locale = localeOf(document.documentElement.lang);
  const path = page.dataset.path ?? '';
  const shell = findShell(window);
  const session = await connect(data, shell);
  // Inside an LMS package: the launch page shows the session's notices, and links meant for the open web go.
  if (shell) {
    for (const el of all('[data-outside-lms]')) el.hidden = true;
    for (const el of all('[data-inside-lms]')) el.hidden = false;
  }

  const refresh = () => {
    renderProgress(document, data, session.getState(), path, locale);
    if (page.dataset.page === 'summary') renderSummary(document, data, session, path, locale);
  };

  enhanceChecks(page, data, session, locale, refresh);
  const save = () => download(data, session, locale);
  const reflections = enhanceReflections(page, session, save, locale);
  for (const button of all<HTMLButtonElement>('[data-download-reflections]')) button.addEventListener('click', save);

  // Another tab of the course wrote: show what it added.
  session.onExternalChange(() => {
    reflections.refresh();
    refresh();
  });

  const notices = document.querySelector('[data-notices]');
  const words = translate(commonStrings, locale).notices;
  const unsubscribe = session.subscribe((status) => {
    if (!shell) showNotices(notices, status, words);
    reflections.showStatus(status);
  });
  // A page in the launch page's frame must not leave listeners behind in the shell's session.
  window.addEventListener('pagehide', unsubscribe);

  // The final assessment's page loads its own code, so no other page carries it.
  if (page.dataset.page === 'assessment') {
    const { enhanceAssessment } = await import('./assessment');
    enhanceAssessment(page, data, session, locale, refresh);
  }

  watchSlides(all<HTMLElement>('section[data-slide]', page), (id) => {
    session.visit(id);
    refresh();
  });
  refresh();
}

/**
 * The search form shows at once; its code (./search.ts) and then Pagefind's index load when the learner first
 * comes into the form, so a page that is only read carries neither. It needs no session: it works while the
 * page connects, and on a page without course data.
 */
function armSearch(locale: Locale): void {
  const form = document.querySelector<HTMLFormElement>('form[data-search]');
  if (!form) return;
  form.hidden = false;
  let loading: Promise<void> | null = null;
  const load = () => {
    loading ??= import('./search').then((m) => m.enhanceSearch(document, locale));
    loading.catch(() => (loading = null));
  };
  form.addEventListener('focusin', load);
  // Enter before the code has come: the search runs when it has (it reads the field).
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
}

armSearch(localeOf(document.documentElement.lang));
void start();
