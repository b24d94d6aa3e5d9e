/**
 * The interface's words in the language of the course under test, from the
 * same tables the pages are built from (src/modes/*\/strings.ts,
 * src/questions/**\/strings.ts). Builder specs name buttons, verdicts and
 * notices through these, never in English, so the suite passes on a course in
 * any language the builder speaks (README "Start a new course").
 */
import { localeOf, translate } from '../../src/i18n';
import { audienceStrings } from '../../src/modes/audience/strings';
import { commonStrings } from '../../src/modes/common/strings';
import { lmsStrings } from '../../src/modes/lms/strings';
import { presentStrings } from '../../src/modes/present/strings';
import { readStrings } from '../../src/modes/read/strings';
import { orderingStrings } from '../../src/questions/ordering/strings';
import { questionStrings } from '../../src/questions/strings';
import { siteStrings } from '../../src/site/strings';
import { loadCourseUnderTest } from './course-under-test';

export const locale = localeOf(loadCourseUnderTest().course.language);

export const words = {
  read: translate(readStrings, locale),
  common: translate(commonStrings, locale),
  lms: translate(lmsStrings, locale),
  present: translate(presentStrings, locale),
  audience: translate(audienceStrings, locale),
  questions: translate(questionStrings, locale),
  ordering: translate(orderingStrings, locale),
  site: translate(siteStrings, locale),
};

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern for `text` anywhere (case-insensitive when asked): for words a longer sentence holds. */
export function within(text: string, flags = ''): RegExp {
  return new RegExp(escaped(text), flags);
}

/**
 * A pattern for a sentence of the interface whose numbers or names vary: the
 * translation called with marker values, then each marker matches anything.
 * `pattern((n) => words.read.progressLabel(n, 3), 1)` matches "2 of 3 slides seen".
 */
export function pattern<A extends unknown[]>(phrase: (...args: A) => string, ...args: A): RegExp {
  const markers = args.map((_, i) => `\u0000${i}\u0000`);
  const text = phrase(...(markers as unknown as A));
  return new RegExp(escaped(text).replace(/\u0000\d+\u0000/g, '.+?'));
}

/** A pattern for any of these sentences (a string exactly as written, a pattern as it is). */
export function anyOf(...sentences: (string | RegExp)[]): RegExp {
  return new RegExp(sentences.map((s) => (typeof s === 'string' ? escaped(s) : s.source)).join('|'));
}
