/**
 * The reader runtime: one small script on every page of the self-paced
 * course. It finds the session (the LMS launch page's, when the page runs in
 * its frame; otherwise a standalone one on this device), then brings the
 * page to life: seen-tracking, checks, reflections, progress, summary,
 * notices. Everything degrades to readable text without it.
 */
import { localeOf, translate, type Locale } from '../../../i18n';
import { loadAnswers } from '../../../questions/load';
import { bindPageLifecycle } from '../../../session/lifecycle';
import { createSession, type Session } from '../../../session/session';
import { findShell, type CourseShell } from '../../../session/shell';
import { createStandaloneAdapter } from '../../../standards/standalone';
import { readOwnData } from '../../common/course-data';
import { enhanceChecks } from './checks';
import { readPageData, type PageData } from './data';
import { all, h } from './dom';
import { once, showLoadFailure } from './on-demand';
import { renderProgress } from './progress';
import { enhanceReflections } from './reflections';
import { watchSlides } from './seen';
import { pageRuntimeWords } from './strings/page';

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

/** Say at the top of the page that a part of it could not load (the summary, the assessment): what it shows would be out of date. */
function pageLoadFailure(page: HTMLElement, text: string): void {
  const box = h('div', { class: 'load-failed-page' });
  page.prepend(box);
  showLoadFailure(box, text);
}

async function start(): Promise<void> {
  const own = readOwnData(document);
  // The question types of this page's checks start loading at once, beside the course outline and the session.
  const answers = own && own.pageChecks.length > 0 ? loadAnswers(own.pageChecks.map((c) => c.type)) : null;
  answers?.catch(() => undefined); // each check says it (checks.ts); nothing unhandled
  const data = await readPageData(document, own);
  const page = document.querySelector<HTMLElement>('.page[data-page]');
  if (!data || !page) return;
  const locale = localeOf(document.documentElement.lang);
  const words = translate(pageRuntimeWords, locale);
  const path = page.dataset.path ?? '';
  const kind = page.dataset.page;
  // The summary page's code loads on that page only, beside the session.
  const summary = kind === 'summary' ? import('./summary') : null;
  summary?.catch(() => undefined);
  const shell = findShell(window);
  const session = await connect(data, shell);
  // Inside an LMS package: the launch page shows the session's notices, and links meant for the open web go.
  if (shell) {
    for (const el of all('[data-outside-lms]')) el.hidden = true;
    for (const el of all('[data-inside-lms]')) el.hidden = false;
  }

  const renderSummary = await summary?.then(
    (m) => m.renderSummary,
    () => {
      pageLoadFailure(page, words.partNotLoaded);
      return null;
    },
  );
  const refresh = () => {
    renderProgress(document, data, session.getState(), path, locale);
    renderSummary?.(document, data, session, path, locale);
  };

  if (answers) enhanceChecks(page, data, session, locale, refresh, answers);
  // The download is made when the learner first asks for it; if its code cannot come, the button says so.
  const loadDownload = once(() => import('./download'));
  const save = (button: HTMLElement) =>
    loadDownload().then(
      (m) => {
        if (button.nextElementSibling?.hasAttribute('data-load-failed')) button.nextElementSibling.remove();
        m.downloadReflections(data, session, locale);
      },
      () => {
        if (button.nextElementSibling?.hasAttribute('data-load-failed')) return;
        const note = h('span', { class: 'load-failed', role: 'alert' }, words.downloadNotLoaded);
        note.dataset.loadFailed = '';
        button.after(' ', note);
      },
    );
  const reflections = enhanceReflections(page, session, save, locale);
  for (const button of all<HTMLButtonElement>('[data-download-reflections]')) button.addEventListener('click', () => void save(button));

  // Another tab of the course wrote: show what it added.
  session.onExternalChange(() => {
    reflections.refresh();
    refresh();
  });

  // The session's notices, in their words, load when it first has one (runtime/notices.ts).
  const notices = shell ? null : document.querySelector('[data-notices]');
  const loadNotices = once(() => import('./notices'));
  let shown = 0;
  const unsubscribe = session.subscribe((status) => {
    reflections.showStatus(status);
    if (!notices) return;
    const now = ++shown;
    if (status.notices.length === 0) {
      if (notices.childElementCount > 0) notices.replaceChildren();
    } else
      loadNotices().then(
        (m) => now === shown && m.showNotices(notices, status, locale),
        () => now === shown && showLoadFailure(notices, words.partNotLoaded),
      );
  });
  // A page in the launch page's frame must not leave listeners behind in the shell's session.
  window.addEventListener('pagehide', unsubscribe);

  watchSlides(all<HTMLElement>('section[data-slide]', page), (id) => {
    session.visit(id);
    refresh();
  });
  refresh();

  // The final assessment's page loads its own code and its pool's question types, so no other page carries them.
  if (kind === 'assessment') {
    const loaded = await Promise.all([import('./assessment'), answers ?? loadAnswers([])]).catch(() => null);
    if (!loaded) return pageLoadFailure(page, words.partNotLoaded);
    const [{ enhanceAssessment }, kit] = loaded;
    enhanceAssessment(page, data, session, locale, refresh, kit);
  }
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
