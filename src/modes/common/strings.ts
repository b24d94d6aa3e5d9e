/**
 * The words more than one mode says: the page furniture every page shares,
 * and what the learner is told about saving (the session's notices,
 * src/session/session.ts, worded here for the reader and the LMS launch page).
 */
import type { Translations } from '../../i18n';
import type { Notice } from '../../session/session';

export const commonStrings = {
  en: {
    skipToContent: 'Skip to content',
    by: 'By',
    minutes: (n: number) => `${n} min`,
    notices: {
      notConnected: {
        device:
          'Your progress cannot be saved on this device (browser storage is unavailable). It is kept only while this page is open: download your reflections to keep a copy.',
        lms: 'Could not connect to the LMS, so your progress is not being recorded there. You can keep working; download your reflections to keep a copy.',
      },
      notSaved: {
        device:
          'Your progress cannot be saved on this device (browser storage is unavailable or full). It is kept only while this page is open: download your reflections to keep a copy.',
        lms: 'Could not save your progress to the LMS. Your work is kept in this window and saving will be tried again with your next change.',
      },
      notRestored: {
        'course-changed': 'The course has changed since your last visit: your reflections are kept, but your progress and answers start afresh.',
        unreadable: 'Some of your saved progress could not be read, so parts of the course may show as not yet done.',
      },
      keptOnDevice: {
        one: 'One of your reflections is too long to store in the LMS: it is kept only in this browser, on this device. Download your reflections to keep a copy.',
        many: (n: number) => `${n} of your reflections are too long to store in the LMS: they are kept only in this browser, on this device. Download your reflections to keep a copy.`,
        cut: 'The LMS did not keep all of your saved progress, so the full record is kept in this browser, on this device: come back on this device to continue, and download your reflections to keep a copy.',
      },
      courseUpdated: (n: number) =>
        `The course has been updated since your last visit. Your progress and reflections are kept; ${n === 1 ? 'one answer starts' : `${n} answers start`} afresh because ${n === 1 ? 'its question' : 'their questions'} changed.`,
      review: 'You are reviewing this course: your answers and progress are not recorded again.',
    },
  },
} satisfies Translations<CommonStrings>;

interface CommonStrings {
  skipToContent: string;
  by: string;
  minutes: (n: number) => string;
  notices: {
    notConnected: Record<'device' | 'lms', string>;
    notSaved: Record<'device' | 'lms', string>;
    notRestored: Record<'course-changed' | 'unreadable', string>;
    keptOnDevice: { one: string; many: (n: number) => string; cut: string };
    courseUpdated: (n: number) => string;
    review: string;
  };
}

/** A session notice in words. */
export function noticeText(notice: Notice, s: CommonStrings['notices']): string {
  switch (notice.code) {
    case 'not-connected':
      return s.notConnected[notice.place];
    case 'not-saved':
      return s.notSaved[notice.place];
    case 'not-restored':
      return s.notRestored[notice.reason];
    case 'kept-on-device':
      if (notice.reason === 'lms-cut') return s.keptOnDevice.cut;
      return notice.reflections === 1 ? s.keptOnDevice.one : s.keptOnDevice.many(notice.reflections);
    case 'course-updated':
      return s.courseUpdated(notice.answersReset);
    case 'review':
      return s.review;
  }
}
