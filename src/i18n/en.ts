/**
 * Every string the course UI shows, in one place for translation. Content
 * text comes from the author's files; this is the builder's own words.
 */
export const strings = {
  skipToContent: 'Skip to content',
  by: 'By',
  minutes: (n: number) => `${n} min`,
  estimatedDuration: 'Estimated time',
  modules: 'Modules',
  module: (n: number) => `Module ${n}`,
  objectivesHeading: 'By the end of this module you will be able to:',
  slideOf: (n: number, total: number) => `Slide ${n} of ${total}`,
  checkHeading: 'Knowledge check',
  checkSubmit: 'Check answer',
  checkRetry: 'Try again',
  trueLabel: 'True',
  falseLabel: 'False',
  chooseCategory: 'Choose a category',
  reflectionHeading: 'Reflect',
  reflectionLabel: 'Your reflection',
  chartTableCaption: (title: string) => `Data: ${title}`,
  source: 'Source',
  noScriptChecks: 'Checking answers needs JavaScript; the questions and their options are shown here so you can still read them.',
} as const;

export type Strings = typeof strings;
