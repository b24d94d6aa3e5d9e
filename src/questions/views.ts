/**
 * The views of every question type, found by file name in its folder:
 * `<type>/Form.astro` (the reader's form, also in the LMS package) and
 * `<type>/Poll.astro` (the deck's audience question). Build time only.
 * A registered type without one fails the build naming the file to add
 * (and tests/unit/questions/registry.test.ts checks every type has both).
 *
 * Form props: { check, base (the id prefix for the form's elements), locale }.
 * Poll props: { check, base, locale }.
 */
import type { Locale } from '../i18n';
import { type Check, type CheckType } from './registry';

/** What an Astro component looks like from TypeScript. */
type View = (props: { check: Check; base: string; locale: Locale }) => unknown;

const forms = import.meta.glob<View>('./*/Form.astro', { eager: true, import: 'default' });
const polls = import.meta.glob<View>('./*/Poll.astro', { eager: true, import: 'default' });

function find(views: Record<string, View>, type: CheckType, file: string): View {
  const view = views[`./${type}/${file}`];
  if (!view) throw new Error(`question type "${type}" has no view ${file}: add src/questions/${type}/${file}`);
  return view;
}

/** The reader form of a check type. */
export const formView = (type: CheckType): View => find(forms, type, 'Form.astro');
/** The deck's audience question of a check type. */
export const pollView = (type: CheckType): View => find(polls, type, 'Poll.astro');
