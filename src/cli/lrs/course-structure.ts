/**
 * The little an LMS reads from a cmi5 course structure (cmi5.xml, §13) to
 * launch its one AU: the course's and the AU's ids, the AU's URL and the
 * values LMS.LaunchData takes from it (§10.2: masteryScore, moveOn,
 * launchParameters). A lexical read of our own packages, not a general XML
 * parser: the tests validate cmi5.xml against the XSD separately.
 */
import { MOVE_ON, type MoveOn } from '../../standards/cmi5/vocabulary.ts';

export interface AuStructure {
  /** §13.1.4 id: the publisher's id, which the LMS puts in the context template's grouping (§9.6.2.3). */
  id: string;
  title: string;
  /** §13.1.4 url, as written (relative to the package root, or absolute). */
  url: string;
  moveOn: MoveOn;
  masteryScore: number | null;
  launchParameters: string | null;
}

export interface CourseStructure {
  courseId: string;
  title: string;
  aus: AuStructure[];
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const attr = (tag: string, name: string) => {
  const v = new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1];
  return v === undefined ? null : unescape(v);
};
const firstLangstring = (xml: string) => unescape((/<langstring\b[^>]*>([\s\S]*?)<\/langstring>/.exec(xml)?.[1] ?? '').trim());
/** §13.1: leading and trailing white space is removed on import. */
const element = (xml: string, name: string) => {
  const v = new RegExp(`<${name}\\b[^>]*>([\\s\\S]*?)</${name}>`).exec(xml)?.[1];
  return v === undefined ? null : unescape(v.trim());
};

export function readCourseStructure(xml: string): CourseStructure {
  const course = /<course\b[^>]*>[\s\S]*?<\/course>/.exec(xml)?.[0];
  const courseId = course ? attr(/<course\b[^>]*>/.exec(course)?.[0] ?? '', 'id') : null;
  if (!course || !courseId) throw new Error('cmi5.xml: no <course id="…">');
  const aus = [...xml.matchAll(/<au\b[^>]*>[\s\S]*?<\/au>/g)].map(([au]) => {
    const open = /<au\b[^>]*>/.exec(au)?.[0] ?? '';
    const id = attr(open, 'id');
    const url = element(au, 'url');
    if (!id || !url) throw new Error('cmi5.xml: an <au> without an id or a <url>');
    const moveOn = attr(open, 'moveOn') ?? 'NotApplicable';
    if (!MOVE_ON.includes(moveOn as MoveOn)) throw new Error(`cmi5.xml: moveOn "${moveOn}" is none of ${MOVE_ON.join(', ')}`);
    const mastery = attr(open, 'masteryScore');
    return {
      id,
      title: firstLangstring(/<title>[\s\S]*?<\/title>/.exec(au)?.[0] ?? ''),
      url,
      moveOn: moveOn as MoveOn,
      masteryScore: mastery === null ? null : Number(mastery),
      launchParameters: element(au, 'launchParameters'),
    };
  });
  if (aus.length === 0) throw new Error('cmi5.xml: no <au>');
  return { courseId, title: firstLangstring(/<title>[\s\S]*?<\/title>/.exec(course)?.[0] ?? ''), aus };
}
