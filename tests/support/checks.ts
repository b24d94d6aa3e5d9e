/**
 * One check of each type, in the course's own voice, shared by the question
 * and runtime tests.
 */
import type { Check, CheckOf } from '../../src/questions/registry';

export const singleCheck: CheckOf<'single'> = {
  id: 'two-views-of-growth',
  type: 'single',
  prompt: 'Which view of growth does Relational-Cultural Theory hold?',
  explanation: 'RCT holds that people grow through and toward connection (slide "RCT proposes").',
  assesses: { objective: 'contrast-views-of-growth', slide: 'rct-proposes' },
  options: [
    { id: 'separation', text: 'We grow by separating from others.', correct: false, feedback: 'That is the traditional view RCT challenges.' },
    { id: 'connection', text: 'We grow through and toward connection.', correct: true, feedback: 'Yes: growth happens in relationships.' },
    { id: 'self-sufficiency', text: 'We grow by becoming self-sufficient.', correct: false, feedback: 'Self-sufficiency is the goal of the traditional view.' },
  ],
};

export const multipleCheck: CheckOf<'multiple'> = {
  id: 'mutuality-elements',
  type: 'multiple',
  prompt: 'Which are elements of movement toward mutuality?',
  explanation: 'Mutual empathy, mutual empowerment, authenticity and responsiveness.',
  assesses: { objective: 'describe-mutuality', slide: 'key-concepts-in-rct' },
  options: [
    { id: 'mutual-empathy', text: 'Mutual empathy', correct: true, feedback: 'Yes: both people are moved by each other.' },
    { id: 'self-reliance', text: 'Self-reliance', correct: false, feedback: 'No: mutuality is not about standing alone.' },
    { id: 'mutual-empowerment', text: 'Mutual empowerment', correct: true, feedback: 'Yes: both people grow stronger.' },
    { id: 'equal-roles', text: 'Identical roles', correct: false, feedback: 'No: mutuality does not require sameness.' },
  ],
};

export const trueFalseCheck: CheckOf<'true-false'> = {
  id: 'authenticity-is-a-state',
  type: 'true-false',
  prompt: 'Authenticity is a state one reaches once and keeps.',
  explanation: 'RCT describes authenticity as an ever-evolving process.',
  assesses: { objective: 'explain-authenticity', slide: 'key-concepts-in-rct' },
  answer: false,
  feedback: { true: 'Not quite: it is an ongoing process.', false: 'Right: authenticity keeps evolving.' },
};

export const matchingCheck: CheckOf<'matching'> = {
  id: 'good-things-or-disconnection',
  type: 'matching',
  prompt: 'Sort each outcome into the Five Good Things or the outcomes of disconnection.',
  explanation: 'Each good thing has an opposite in disconnection.',
  assesses: { objective: 'distinguish-connection-disconnection', slide: 'outcomes-of-disconnection' },
  categories: [
    { id: 'good-things', label: 'The Five Good Things' },
    { id: 'disconnection', label: 'Outcomes of disconnection' },
  ],
  items: [
    { id: 'zest', text: 'Zest or Energy', category: 'good-things', feedback: 'Zest is a good thing.' },
    { id: 'diminished-action', text: 'Diminished Action', category: 'disconnection', feedback: 'An outcome of disconnection.' },
    { id: 'clarity', text: 'Clarity', category: 'good-things', feedback: 'Clarity is a good thing.' },
    { id: 'confusion', text: 'Confusion', category: 'disconnection', feedback: 'Confusion comes with disconnection.' },
  ],
};

export const orderingCheck: CheckOf<'ordering'> = {
  id: 'how-the-paradox-unfolds',
  type: 'ordering',
  prompt: 'Put the steps of the central relational paradox in order.',
  explanation: 'Repeated disconnection comes first; the yearning and the fear follow; holding parts of oneself back is the result.',
  assesses: { objective: 'explain-central-relational-paradox', slide: 'therapy-in-practice-continued' },
  items: [
    { id: 'repeated-disconnection', text: 'Repeated experiences of disconnection', feedback: 'Everything starts from repeated disconnection.' },
    { id: 'yearning', text: 'Yearning even more for relationships', feedback: 'Disconnection deepens the yearning for connection.' },
    { id: 'fear-of-engaging', text: 'Becoming afraid of engaging with others', feedback: 'The yearning comes with fear of engaging.' },
    { id: 'parts-kept-out', text: 'Keeping important parts of oneself out of relationship', feedback: 'Out of that fear, people keep parts of themselves out of relationship.' },
  ],
};


/** The author's right response to a check, in its type's response shape (src/questions/<type>/). */
export function rightResponse(check: Check): unknown {
  switch (check.type) {
    case 'single':
      return check.options.find((o) => o.correct)!.id;
    case 'multiple':
      return check.options.filter((o) => o.correct).map((o) => o.id);
    case 'true-false':
      return check.answer;
    case 'matching':
      return Object.fromEntries(check.items.map((i) => [i.id, i.category]));
    case 'ordering':
      return check.items.map((i) => i.id);
  }
}
