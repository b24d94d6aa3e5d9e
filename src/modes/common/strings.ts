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
      tooLong: {
        one: 'Your reflection is too long to store in the LMS; download it to keep a copy.',
        many: 'Some of your reflections are too long to store in the LMS; download them to keep a copy.',
      },
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
    tooLong: Record<'one' | 'many', string>;
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
    case 'reflections-too-long':
      return notice.count === 1 ? s.tooLong.one : s.tooLong.many;
  }
}
