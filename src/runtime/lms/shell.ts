/**
 * The SCORM package's launch page (lms.html), the single SCO of both
 * packages. It holds the one LMS session of the launch and shows the reader
 * pages in a frame, so moving between modules never ends the session
 * (DESIGN.md "Hard-won LMS lessons": Initialize once per launch, Terminate
 * once; a persistent shell frame around the pages):
 *
 * 1. find the LMS's API and make the adapter (or run standalone, and say so);
 * 2. create the one session and publish it for the pages in the frame
 *    (src/runtime/host.ts: a page finds it with `findHost(window)`);
 * 3. save when the shell is hidden and finish when it goes away
 *    (lifecycle.ts: flush on `visibilitychange`, end on `pagehide`, once);
 * 4. open the frame at the bookmark;
 * 5. show the session's notices above the frame, never over the course.
 */
import type { ReaderCourseData } from '../../components/read/course-data';
import { strings as allStrings } from '../../i18n/en';
import { publishHost } from '../host';
import { bindPageLifecycle } from '../lifecycle';
import { createSession } from '../session';
import type { Session, SessionStatus } from '../session';
import { bookmarkPath, connect, forcedVersion, framePath } from './launch';

/** The shell's own words (src/i18n/en.ts). */
type ShellStrings = Pick<typeof allStrings.lmsShell, 'noApi' | 'saved'>;

function readJson<T>(doc: Document, id: string): T {
  const text = doc.getElementById(id)?.textContent;
  if (!text) throw new Error(`lms.html: no #${id} data in the page`);
  return JSON.parse(text) as T;
}

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
      current = status.notice;
      error = status.saving === 'error';
      // A notice that comes back after a recovery is news again.
      if (current && previous?.notice !== current) dismissed.delete(current);
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
export function startShell(win: Window): Shell {
  const doc = win.document;
  const data = readJson<ReaderCourseData>(doc, 'course-data');
  const strings: ShellStrings = allStrings.lmsShell;
  const restoreNotice = allStrings.session.restore;
  const frame = doc.querySelector<HTMLIFrameElement>('[data-course-frame]');
  if (!frame) throw new Error('lms.html: no [data-course-frame] iframe');

  const force = forcedVersion(win.location.search);
  const { adapter, apiFound } = connect(win, { course: data.course, ...(force ? { force } : {}) });
  const session = createSession({ adapter, course: data, masteryScore: data.course.masteryScore });

  const show = (path: string) => {
    const safe = framePath(path);
    if (safe === null) {
      console.warn(`[course] navigate(): "${path}" is not a page of this course`);
      return;
    }
    frame.src = safe;
  };
  publishHost(win, { session, kind: adapter.kind, navigate: show });
  bindPageLifecycle(session, { window: win, document: doc });
  // Back from the back/forward cache after pagehide ended the session: start a new launch rather than run without one.
  win.addEventListener('pageshow', (event) => {
    if (event.persisted) win.location.reload();
  });

  const notices = noticeBar(doc, strings);
  if (!apiFound) notices.sticky(strings.noApi);
  // Could not connect, or saved progress unreadable: news about the whole launch, kept in view until dismissed.
  if (!session.launch) {
    const first = session.getStatus().notice;
    if (first) notices.sticky(first);
  }
  if (session.restoreError) notices.sticky(restoreNotice[session.restoreError.kind === 'course-changed' ? 'course-changed' : 'other']);
  let previous: SessionStatus | null = null;
  session.subscribe((status) => {
    notices.status(status, previous);
    previous = status;
  });

  // The window title follows the page in the frame (what the LMS's window or tab shows).
  frame.addEventListener('load', () => {
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
