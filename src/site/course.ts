/**
 * The course being built and its interface locale, for the pages and
 * components of every mode (build time).
 */
import { localeOf, type Locale } from '../i18n';
import type { CourseModel } from '../model/course';
import { getCourse } from '../model/load';

export function course(): CourseModel {
  return getCourse();
}

/** The interface locale for the course's `language`. */
export function courseLocale(): Locale {
  return localeOf(getCourse().course.language);
}
