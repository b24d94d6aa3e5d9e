/**
 * The seed deck's text as the lines a reader must find in the course: each
 * heading, list item and paragraph with its hard line breaks joined and its
 * Markdown marks removed. The plain typos the course fixes (each noted in
 * the slide's `edits`) are applied, so the test holds the fixed wording.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The original deck's text (copied from the project's shared seed), the source of truth for the slides' wording. */
export const SEED_FILE = join(import.meta.dirname, '../fixtures/seed/jbmti-rct-deck.txt');

/** Seed wording -> course wording, for the typos the course corrects. */
export const TYPO_FIXES: ReadonlyArray<[string, string]> = [
  ['Growing-Fostering Relationships', 'Growth-Fostering Relationships'],
  ['outcomes of a growth-fostering relationships', 'outcomes of growth-fostering relationships'],
];

export function normalize(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function stripMarks(line: string): string {
  return line
    .replace(/^#+\s*/, '')
    .replace(/^\s*(?:[-*]|\d+\.)\s+/, '')
    .replace(/■\s*/g, '')
    .replace(/\*+/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1');
}

export function seedLines(file = SEED_FILE): string[] {
  const raw = readFileSync(file, 'utf8');
  const blocks: string[] = [];
  let current = '';
  for (const line of raw.split('\n')) {
    const hardBreak = / {2}$/.test(line);
    const text = stripMarks(line).trim();
    if (!text) {
      if (current) blocks.push(current);
      current = '';
      continue;
    }
    current = current ? `${current} ${text}` : text;
    if (!hardBreak) {
      blocks.push(current);
      current = '';
    }
  }
  if (current) blocks.push(current);
  return blocks
    .map((b) => normalize(TYPO_FIXES.reduce((s, [from, to]) => s.split(from).join(to), b)))
    .filter((b) => b && !/^\d+$/.test(b)); // bare page numbers are not content
}
