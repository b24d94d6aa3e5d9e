/**
 * The course's reference matter: the glossary (modules/glossary.yaml) and
 * the references (modules/references.yaml), and the rules that span them and
 * the slides: every term names references that exist, every <Term id> in a
 * slide names a glossary entry. Pure: parsed data in, problems and the
 * model out (validate.ts calls it; load.ts reads the files).
 */
import type { AuthoringError } from './errors';
import type { GlossaryData, ReferencesData } from './schema';

export const GLOSSARY_FILE = 'modules/glossary.yaml';
export const REFERENCES_FILE = 'modules/references.yaml';

/** A glossary entry with the full references it comes from, resolved. */
export interface TermModel {
  id: string;
  term: string;
  definition: string;
  sources: Array<{ id: string; cited: string }>;
  related: Array<{ id: string; term: string }>;
}

export interface GlossaryModel {
  file: string;
  title: string;
  introduction: string;
  terms: TermModel[];
}

export interface ReferencesModel {
  file: string;
  title: string;
  introduction: string;
  references: ReferencesData['references'];
}

/** A <Term id> found in a slide's body. */
export interface TermUse {
  file: string;
  line: number;
  column: number;
  id: string;
}

/** Every problem of the reference matter and of the slides' <Term> links, each with its file, field and what to do. */
export function referenceMatterProblems(glossary: GlossaryData | null, references: ReferencesData | null, uses: readonly TermUse[], missing: { glossary: boolean; references: boolean }): AuthoringError[] {
  const errors: AuthoringError[] = [];
  const referenceIds = new Set<string>();
  references?.references.forEach((r, i) => {
    if (referenceIds.has(r.id)) errors.push({ file: REFERENCES_FILE, field: `references[${i}].id`, message: `"${r.id}" is listed twice: give each reference once` });
    referenceIds.add(r.id);
  });
  const termIds = new Set<string>();
  glossary?.terms.forEach((t, i) => {
    if (termIds.has(t.id)) errors.push({ file: GLOSSARY_FILE, field: `terms[${i}].id`, message: `"${t.id}" is defined twice: define each term once` });
    termIds.add(t.id);
  });
  glossary?.terms.forEach((t, i) => {
    t.sources.forEach((id, j) => {
      if (missing.references)
        errors.push({ file: GLOSSARY_FILE, field: `terms[${i}].sources[${j}]`, message: `names the reference "${id}", but there is no ${REFERENCES_FILE}: create it and list the work there` });
      else if (references && !referenceIds.has(id))
        errors.push({ file: GLOSSARY_FILE, field: `terms[${i}].sources[${j}]`, message: `names "${id}", which is no reference's id: add the work to ${REFERENCES_FILE} or fix the id` });
    });
    t.related.forEach((id, j) => {
      if (!termIds.has(id)) errors.push({ file: GLOSSARY_FILE, field: `terms[${i}].related[${j}]`, message: `names "${id}", which is no term of the glossary: define it or fix the id` });
      else if (id === t.id) errors.push({ file: GLOSSARY_FILE, field: `terms[${i}].related[${j}]`, message: 'names the term itself: list other terms only' });
    });
  });
  for (const use of uses) {
    if (missing.glossary)
      errors.push({ file: use.file, field: 'body', line: use.line, column: use.column, message: `links <Term id="${use.id}">, but there is no ${GLOSSARY_FILE}: create it and define the term there, or remove the <Term>` });
    else if (glossary && !termIds.has(use.id))
      errors.push({ file: use.file, field: 'body', line: use.line, column: use.column, message: `links <Term id="${use.id}">, which ${GLOSSARY_FILE} does not define: add the term to it or use one of its ids (${[...termIds].slice(0, 6).join(', ')}${termIds.size > 6 ? ', …' : ''})` });
  }
  return errors;
}

export function glossaryModel(glossary: GlossaryData, references: ReferencesData | null): GlossaryModel {
  const cited = new Map(references?.references.map((r) => [r.id, r.cited]) ?? []);
  const term = new Map(glossary.terms.map((t) => [t.id, t.term]));
  return {
    file: GLOSSARY_FILE,
    title: glossary.title,
    introduction: glossary.introduction,
    terms: glossary.terms.map((t) => ({
      id: t.id,
      term: t.term,
      definition: t.definition,
      sources: t.sources.map((id) => ({ id, cited: cited.get(id) ?? id })),
      related: t.related.map((id) => ({ id, term: term.get(id) ?? id })),
    })),
  };
}

export function referencesModel(references: ReferencesData): ReferencesModel {
  return { file: REFERENCES_FILE, title: references.title, introduction: references.introduction, references: references.references };
}

/**
 * The one bit of Markdown the reference matter uses, as HTML: `*italics*`
 * (a book's or journal's title). Everything else is text, escaped. Pure.
 */
export function inlineMarkdown(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return escaped.replace(/\*([^*]+)\*/g, '<em>$1</em>');
}
