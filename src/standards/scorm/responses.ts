/**
 * Responses in a dialect's format (SCORM 1.2 RTE 3.4 student_response and
 * correct_responses.n.pattern; SCORM 2004 RTE 4.2.9 learner_response and
 * correct_responses.n.pattern, by interaction type). Where the dialect says
 * so, options, items and categories are named by the author's ids, which an
 * administrator can read in the LMS's report (`zest[.]good-things`);
 * otherwise, and whenever a response by ids would not fit the element, by
 * their position in the check, one character each: choices and items as
 * base-36 digits, categories as letters (`0.a,1.b`). Pure.
 */
import type { CheckInteraction } from '../../questions/interaction';
import type { ScormDialect } from './dialect';

const digit = (i: number) => i.toString(36);
const letter = (i: number) => String.fromCharCode(97 + i);

/** The learner's response (`which: 'learner'`) or the correct response of a check, as the dialect writes it. */
export function formatResponse(dialect: ScormDialect, interaction: CheckInteraction, which: 'learner' | 'correct'): string {
  const { list, pair, byId, limit } = dialect.responses;
  /** By ids when the dialect names them and the result fits; else by position. */
  const named = (kind: keyof typeof byId, ids: () => string, positions: () => string) => {
    if (!byId[kind]) return positions();
    const text = ids();
    return limit === null || text.length <= limit ? text : positions();
  };
  switch (interaction.type) {
    case 'choice': {
      const chosen = which === 'learner' ? interaction.chosen : interaction.correct;
      return named(
        'choice',
        () => chosen.join(list),
        () => chosen.map((id) => digit(interaction.options.indexOf(id))).join(list),
      );
    }
    case 'true-false':
      return (which === 'learner' ? interaction.chosen : interaction.correct) ? dialect.responses.true : dialect.responses.false;
    case 'matching': {
      const pairs = which === 'learner' ? interaction.pairs : interaction.correct;
      return named(
        'matching',
        () => pairs.map(([source, target]) => `${source}${pair}${target}`).join(list),
        () => pairs.map(([source, target]) => `${digit(interaction.sources.indexOf(source))}${pair}${letter(interaction.targets.indexOf(target))}`).join(list),
      );
    }
    case 'sequencing': {
      const order = which === 'learner' ? interaction.order : interaction.correct;
      return named(
        'sequencing',
        () => order.join(list),
        () => order.map((id) => digit(interaction.items.indexOf(id))).join(list),
      );
    }
  }
}

/**
 * Learner text as the LMS's report copy (long-fill-in response, comment):
 * line breaks become ` ¶ ` (LMSs, scorm-again among them, reject line breaks
 * in these strings), a leading `{` gets a space before it (it would read as a
 * `{lang=…}` delimiter, SCORM 2004 RTE 4.1 localized strings), and text over
 * `limit` is cut with `…`. The exact text stays in suspend_data.
 */
export function reportText(text: string, limit: number): { text: string; cut: boolean } {
  let t = text.replace(/[ \t]*(?:\r\n|\r|\n)+[ \t]*/g, ' ¶ ');
  if (t.startsWith('{')) t = ` ${t}`;
  return t.length > limit ? { text: `${t.slice(0, limit - 1)}…`, cut: true } : { text: t, cut: false };
}

/** A description within `limit`, whitespace collapsed, cut with `…`. */
export function reportDescription(text: string, limit: number): string {
  const d = text.replace(/\s+/g, ' ').trim();
  return d.length > limit ? `${d.slice(0, limit - 1)}…` : d;
}
