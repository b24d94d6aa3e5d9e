/**
 * The interface speaks the course's language: every strings table has every
 * locale with the same keys as English (the compiler requires the locale;
 * this checks nested keys too), the locale follows course.yaml `language`,
 * and `dir` is right to left for the scripts written that way.
 */
import { describe, expect, it } from 'vitest';
import { LOCALES, localeOf, textDirection } from '../../../src/i18n';
import { audienceStrings } from '../../../src/modes/audience/strings';
import { commonStrings } from '../../../src/modes/common/strings';
import { lmsStrings } from '../../../src/modes/lms/strings';
import { presentStrings } from '../../../src/modes/present/strings';
import { readStrings } from '../../../src/modes/read/strings';
import { matchingStrings } from '../../../src/questions/matching/strings';
import { multipleStrings } from '../../../src/questions/multiple/strings';
import { orderingStrings } from '../../../src/questions/ordering/strings';
import { singleStrings } from '../../../src/questions/single/strings';
import { questionStrings } from '../../../src/questions/strings';
import { trueFalseStrings } from '../../../src/questions/true-false/strings';
import { siteStrings } from '../../../src/site/strings';

const tables = { audienceStrings, commonStrings, lmsStrings, presentStrings, readStrings, matchingStrings, multipleStrings, orderingStrings, singleStrings, questionStrings, trueFalseStrings, siteStrings };

/** Every key path of a table, with the kind of value at it. */
function shape(value: unknown, path = ''): string[] {
  if (typeof value === 'function') return [`${path}()`];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => shape(v, `${path}.${k}`)).sort();
  return [`${path}:${typeof value}`];
}

describe('the interface locales', () => {
  it('include French', () => {
    expect(LOCALES).toContain('fr');
  });

  for (const [name, table] of Object.entries(tables))
    it(`${name}: every locale has English's keys, and French is not English copied`, () => {
      for (const locale of LOCALES) expect(shape(table[locale]), `${name}.${locale}`).toEqual(shape(table.en));
      const text = (t: unknown) => JSON.stringify(t, (_k, v: unknown) => (typeof v === 'function' ? String(v) : v));
      expect(text(table.fr)).not.toBe(text(table.en));
    });

  it('follow the course language by its primary subtag, English for untranslated ones', () => {
    expect(localeOf('fr')).toBe('fr');
    expect(localeOf('fr-CA')).toBe('fr');
    expect(localeOf('en-GB')).toBe('en');
    expect(localeOf('de')).toBe('en');
  });

  it('French words with French plurals and punctuation', () => {
    expect(readStrings.fr.progressLabel(1, 3)).toBe('1 diapositive vue sur 3');
    expect(readStrings.fr.progressLabel(2, 3)).toBe('2 diapositives vues sur 3');
    expect(readStrings.fr.scoreLine(85, 80)).toBe('Votre score est de 85 %. Le seuil de réussite est de 80 %.');
  });
});

describe('textDirection', () => {
  it('is rtl for Arabic, Hebrew, Persian and Urdu, ltr otherwise', () => {
    for (const language of ['ar', 'he', 'fa-IR', 'ur']) expect(textDirection(language), language).toBe('rtl');
    for (const language of ['en', 'fr', 'ja', 'tr']) expect(textDirection(language), language).toBe('ltr');
  });
});
