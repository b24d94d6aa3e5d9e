/**
 * The words more than one mode says: the page furniture every page shares,
 * and what the learner is told about saving (the session's notices,
 * src/session/session.ts, worded here for the reader and the LMS launch page).
 */
import type { Translations } from '../../i18n';
import type { Notice } from '../../session/session';

const en: CommonStrings = {
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
};

const fr: CommonStrings = {
  skipToContent: 'Aller au contenu',
  by: 'Par',
  minutes: (n: number) => `${n} min`,
  notices: {
    notConnected: {
      device:
        'Votre progression ne peut pas être enregistrée sur cet appareil (le stockage du navigateur n’est pas disponible). Elle n’est gardée que tant que cette page est ouverte : téléchargez vos réflexions pour en garder une copie.',
      lms: 'Impossible de se connecter au LMS : votre progression n’y est pas enregistrée. Vous pouvez continuer ; téléchargez vos réflexions pour en garder une copie.',
    },
    notSaved: {
      device:
        'Votre progression ne peut pas être enregistrée sur cet appareil (le stockage du navigateur est indisponible ou plein). Elle n’est gardée que tant que cette page est ouverte : téléchargez vos réflexions pour en garder une copie.',
      lms: 'Impossible d’enregistrer votre progression dans le LMS. Votre travail est gardé dans cette fenêtre et l’enregistrement sera retenté à votre prochaine modification.',
    },
    notRestored: {
      'course-changed': 'Le cours a changé depuis votre dernière visite : vos réflexions sont gardées, mais votre progression et vos réponses repartent de zéro.',
      unreadable: 'Une partie de votre progression enregistrée n’a pas pu être lue : certaines parties du cours peuvent apparaître comme non faites.',
    },
    keptOnDevice: {
      one: 'L’une de vos réflexions est trop longue pour être enregistrée dans le LMS : elle n’est gardée que dans ce navigateur, sur cet appareil. Téléchargez vos réflexions pour en garder une copie.',
      many: (n: number) => `${n} de vos réflexions sont trop longues pour être enregistrées dans le LMS : elles ne sont gardées que dans ce navigateur, sur cet appareil. Téléchargez vos réflexions pour en garder une copie.`,
      cut: 'Le LMS n’a pas gardé toute votre progression enregistrée : l’enregistrement complet est gardé dans ce navigateur, sur cet appareil. Revenez sur cet appareil pour continuer, et téléchargez vos réflexions pour en garder une copie.',
    },
    courseUpdated: (n: number) =>
      `Le cours a été mis à jour depuis votre dernière visite. Votre progression et vos réflexions sont gardées ; ${n === 1 ? 'une réponse repart' : `${n} réponses repartent`} de zéro parce que ${n === 1 ? 'sa question a' : 'leurs questions ont'} changé.`,
    review: 'Vous consultez ce cours en révision : vos réponses et votre progression ne sont pas enregistrées à nouveau.',
  },
};

// In the browser's scripts only the course's locale is kept (src/i18n/index.ts, BROWSER_LOCALE).
export const commonStrings = {
  en: typeof __BROWSER_LOCALE__ === 'undefined' || __BROWSER_LOCALE__ === 'en' ? en : fr,
  fr: typeof __BROWSER_LOCALE__ === 'undefined' || __BROWSER_LOCALE__ === 'fr' ? fr : en,
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
