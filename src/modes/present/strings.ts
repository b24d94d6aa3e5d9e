/** The deck's words (src/modes/present): its page, slides and runtime. */
import type { Translations } from '../../i18n';

const en = {
  pageTitle: (course: string) => `${course} (presentation)`,
  heading: (course: string) => `${course}: presentation slides`,
  slideAnnouncement: (n: number, total: number, title: string) => `Slide ${n} of ${total}: ${title}`,
  controlsLabel: 'Slide controls',
  pauseHeading: 'Pause and reflect',
  minutesLong: (n: number) => (n === 1 ? '1 minute' : `${n} minutes`),
  countdownStart: (clock: string) => `Start timer (${clock})`,
  countdownStop: 'Stop timer',
  countdownLabel: 'Time left',
  countdownStarted: (duration: string) => `Timer started: ${duration}.`,
  countdownStopped: (clock: string) => `Timer stopped with ${clock} left.`,
  countdownDone: 'Time is up.',
  notesTime: (n: number) => `Suggested time: ${n} min`,
  notesReaderLink: 'Open this slide in the course reader (new tab)',
};

export type PresentStrings = typeof en;
export const presentStrings: Translations<PresentStrings> = { en };
