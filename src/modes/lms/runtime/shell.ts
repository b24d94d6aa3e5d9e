/**
 * An LMS package's launch page (lms.html), the single SCO of every
 * package. It holds the one LMS session of the launch and shows the reader
 * pages in a frame, so moving between modules never ends the session
 * (src/README.md "LMS lessons": Initialize once per launch, Terminate once;
 * a persistent shell frame around the pages):
 *
 * 1. find the LMS and make the adapter (or run standalone, and say so);
 * 2. open the one session and publish it for the pages in the frame
 *    (src/session/shell.ts: a page finds it with `findShell(window)`);
 * 3. save when the launch page is hidden and finish when it goes away
 *    (lifecycle.ts: flush on `visibilitychange`, end on `pagehide`, once);
 * 4. open the frame at the bookmark;
 * 5. show the session's notices above the frame, never over the course.
 */
import { localeOf, translate } from '../../../i18n';
import { fetchOutline, readOwnData } from '../../common/course-data';
import { bindPageLifecycle } from '../../../session/lifecycle';
import { createSession, type Session, type SessionStatus } from '../../../session/session';
import { publishShell } from '../../../session/shell';
import { commonStrings, noticeText } from '../../common/strings';
import { lmsStrings } from '../strings';
import type { LaunchData } from '../../../standards/contract';
import { deviceBackup, pageStorage } from './backup';
import { bookmarkPath, connect, framePath } from './launch';

/** The launch page's own words. */
type ShellStrings = { saved: string; notice: (status: SessionStatus) => string[] };

/**
 * The notice bar: what the learner must know about this launch (no LMS,
 * could not connect, saved progress unreadable) stays until dismissed; the
 * saving state follows the session. One polite live region announces both.
 */
function noticeBar(doc: Document, strings: ShellStrings) {
  const bar = doc.querySelector<HTMLElement>('[data-lms-bar]');
  const region = doc.querySelector<HTMLElement>('[data-lms-notice]');
  const dismiss = doc.querySelector<HTMLButtonElement>('[data-lms-dismiss]');
  const launch: string[] = [];
  let current: string | undefined;
  let error = false;
  let transient: string | undefined;
  let transientTimer: ReturnType<typeof setTimeout> | undefined;
  const dismissed = new Set<string>();

  function render() {
    if (!bar || !region) return;
    const messages = [...new Set([...launch, current, transient])].filter((m): m is string => !!m && !dismissed.has(m));
    const shown = [...region.children].map((p) => p.textContent);
    if (shown.join('\n') !== messages.join('\n')) {
      region.replaceChildren(
        ...messages.map((m) => {
          const p = doc.createElement('p');
          p.textContent = m;
          return p;
        }),
      );
    }
    bar.dataset.tone = error && current && !dismissed.has(current) ? 'error' : 'info';
    if (dismiss) dismiss.hidden = messages.length === 0;
  }

  dismiss?.addEventListener('click', () => {
    for (const p of region?.children ?? []) if (p.textContent) dismissed.add(p.textContent);
    render();
    doc.querySelector<HTMLElement>('[data-course-frame]')?.focus();
  });

  return {
    /** A notice about the whole launch: stays until dismissed. */
    sticky(message: string) {
      if (!launch.includes(message)) launch.push(message);
      render();
    },
    status(status: SessionStatus, previous: SessionStatus | null) {
      current = strings.notice(status).join(' ') || undefined;
      error = status.saving === 'error';
      // A notice that comes back after a recovery is news again.
      if (current && (previous ? strings.notice(previous).join(' ') : undefined) !== current) dismissed.delete(current);
      if (previous?.saving === 'error' && status.saving === 'saved') {
        transient = strings.saved;
        clearTimeout(transientTimer);
        transientTimer = setTimeout(() => {
          transient = undefined;
          render();
        }, 8000);
      } else if (status.saving === 'error') {
        transient = undefined;
      }
      render();
    },
  };
}

export interface Shell {
  session: Session;
  frame: HTMLIFrameElement;
}

/** Start the launch in `win` (lms.html). */
export async function startShell(win: Window): Promise<Shell> {
  const doc = win.document;
  // The launch page carries no checks of its own: the outline is all it needs.
  const own = readOwnData(doc);
  const data = own && (await fetchOutline(doc, own.outline));
  if (!data) throw new Error('lms.html: the course outline could not be read (#course-data, or the file it names)');
  const locale = localeOf(doc.documentElement.lang);
  const text = translate(lmsStrings, locale);
  const words = translate(commonStrings, locale).notices;
  const frame = doc.querySelector<HTMLIFrameElement>('[data-course-frame]');
  if (!frame) throw new Error('lms.html: no [data-course-frame] iframe');

  const { adapter, standard } = connect({ window: win, search: win.location.search }, { course: data.course });
  const session = await createSession({
    adapter,
    course: data,
    masteryScore: data.course.masteryScore,
    // What the LMS cannot hold stays on this device (the standalone adapter is the device already).
    ...(standard ? { backup: (launch: LaunchData) => deviceBackup(pageStorage(win), data.course, standard.id, launch) } : {}),
  });

  const show = (path: string) => {
    const safe = framePath(path);
    if (safe === null) {
      console.warn(`[course] navigate(): "${path}" is not a page of this course`);
      return;
    }
    frame.src = safe;
  };
  publishShell(win, { session, navigate: show });
  bindPageLifecycle(session, { window: win, document: doc });
  // Back from the back/forward cache after pagehide ended the session: start a new launch rather than run without one.
  win.addEventListener('pageshow', (event) => {
    if (event.persisted) win.location.reload();
  });

  // The notices about the whole launch (no LMS, could not connect, saved progress unreadable) stay in view until dismissed.
  const launchCodes = new Set(['not-connected', 'not-restored', 'course-updated', 'review']);
  const notices = noticeBar(doc, {
    saved: text.saved,
    notice: (status) => status.notices.filter((n) => !launchCodes.has(n.code)).map((n) => noticeText(n, words)),
  });
  if (!standard) notices.sticky(text.noApi);
  for (const n of session.getStatus().notices) if (launchCodes.has(n.code)) notices.sticky(noticeText(n, words));
  let previous: SessionStatus | null = null;
  session.subscribe((status) => {
    notices.status(status, previous);
    previous = status;
  });

  // The window title follows the page in the frame (what the LMS's window or tab shows), and the
  // launch page commits what the last page left waiting, now that it has gone: no LMS call ever
  // rides on a page's unload, where browsers refuse synchronous requests.
  frame.addEventListener('load', () => {
    void session.flush();
    try {
      const title = frame.contentDocument?.title;
      if (title) doc.title = title;
    } catch {
      /* not a page of the package: keep the course title */
    }
  });

  // The bookmark the LMS gave (cmi.core.lesson_location / cmi.location), else the one in the saved state.
  const slideIds = new Set(data.slides.map((s) => s.id));
  const bookmark = [session.launch?.location, session.getState().location].find((l) => l && slideIds.has(l));
  show(bookmarkPath(bookmark, data.slides));
  return { session, frame };
}
