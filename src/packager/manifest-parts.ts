/**
 * What every manifest target derives the same way from the course model:
 * identifiers, titles, the mastery score, the course metadata each binding
 * writes as its LOM record, and the checked, sorted file list.
 * Pure.
 */
import type { CourseModel } from '../model/course';
import type { Author } from '../model/schema';
import { DEFAULT_LAUNCH_HREF, type ManifestOptions } from './target';
import { truncate, xmlId } from './xml';
import { assertSafeZipPath, comparePaths } from './zip';

/** The file name IMS CP requires at the package root (IMS CP 1.1.4 §3; SCORM 2004 CAM 3.2; SCORM 1.2 CAM §2.3). */
export const IMS_MANIFEST_FILE = 'imsmanifest.xml';

/**
 * The "smallest permitted maximum" for titles in both SCORM versions
 * (SCORM 1.2 CAM 2.3.x `<title>`, enforced by imscp_rootv1p1p2.xsd;
 * SCORM 2004 CAM 3.4.1.9 / 3.4.1.12, SPM 200 characters).
 */
export const TITLE_MAX = 200;

export interface PackageIds {
  /** `<manifest identifier>`: course id + version, e.g. "rct-intro-1.0.0". */
  manifest: string;
  /** `<organization identifier>`, also `<organizations default>`. */
  organization: string;
  /** `<item identifier>` of the single SCO. */
  item: string;
  /** `<resource identifier>`, the item's `identifierref`. */
  resource: string;
  /**
   * SCORM 2004 primary objective id (`imsss:primaryObjective objectiveID`, an
   * `xs:anyURI`); the LMS exposes it to the SCO as a `cmi.objectives` id.
   */
  objective: string;
}

/**
 * Identifiers derived from course id + version, each a valid `xs:ID`
 * (IMS CP 1.1.4 `identifier` attributes). A new course version gives new
 * identifiers, which LMSs treat as new content (course.yaml `version`).
 */
export function packageIds(course: CourseModel): PackageIds {
  const { id, version } = course.course;
  return {
    manifest: xmlId(id, version),
    organization: xmlId('org', id, version),
    item: xmlId('item', id, version),
    resource: xmlId('res', id, version),
    objective: xmlId(id, 'mastery'),
  };
}

export interface PackageTitles {
  /** Organization title: what the LMS shows as the course name. "Title: Subtitle" when there is a subtitle. */
  organization: string;
  /** Item title: the one entry of the LMS's table of contents. The course title. */
  item: string;
}

export function packageTitles(course: CourseModel): PackageTitles {
  const { title, subtitle } = course.course;
  const full = subtitle ? `${title}: ${subtitle}` : title;
  return {
    organization: truncate(full.length <= TITLE_MAX ? full : title, TITLE_MAX),
    item: truncate(title, TITLE_MAX),
  };
}

/** The course's mastery score, checked: an integer percentage 0–100. */
export function masteryScore(course: CourseModel): number {
  const score = course.course.masteryScore;
  if (!Number.isInteger(score) || score < 0 || score > 100) {
    throw new Error(`packager: course.masteryScore must be an integer from 0 to 100, got ${String(score)}`);
  }
  return score;
}

// ---------------------------------------------------------------------------
// Course metadata: the values of the manifest's LOM record, for every binding
// ---------------------------------------------------------------------------

/**
 * The smallest permitted maxima of IEEE 1484.12.1-2002 LOM for the values we
 * write (characters, or items for lists): a conforming reader keeps at least
 * this much, so nothing longer is written. The SCORM 1.2 record (IMS
 * Meta-data 1.2.1, from the same LOM work) is held to the same sizes.
 */
export const LOM_LIMITS = {
  /** 1.2 General.Title. */
  title: 1000,
  /** 1.4 General.Description. */
  description: 2000,
  /** 1.5 General.Keyword: each one. */
  keyword: 1000,
  /** 1.5 General.Keyword: how many. */
  keywords: 40,
  /** 2.1 LifeCycle.Version. */
  version: 50,
  /** 2.3.2 LifeCycle.Contribute.Entity: how many in one contribution. */
  entities: 40,
  /** 2.3.2 LifeCycle.Contribute.Entity: one vCard. */
  vCard: 1000,
  /** 6.3 Rights.Description. */
  rights: 1000,
} as const;

/** A LOMv1.0 role (LOM 2.3.1) we credit. */
export type ContributorRole = 'author' | 'publisher';

/** One LOM 2.3 LifeCycle.Contribute: a role and who had it. */
export interface Contribution {
  role: ContributorRole;
  /** LOM 2.3.2 Entity: one vCard 3.0 per contributor, in course.yaml order. */
  entities: string[];
}

/** What the packages' LOM records say about the course, from course.yaml, within `LOM_LIMITS`. */
export interface CourseMetadata {
  /** 1.2 General.Title: "Title: Subtitle" when there is a subtitle. */
  title: string;
  /** 1.4 General.Description. */
  description: string;
  /** 1.5 General.Keyword, each once, in course.yaml order; may be empty. */
  keywords: string[];
  /** 1.3 General.Language, and the language of every text above: course.yaml `language` (BCP 47). */
  language: string;
  /** 2.1 LifeCycle.Version: course.yaml `version`. */
  version: string;
  /** 2.3 LifeCycle.Contribute: the people as authors, then the organizations as publishers; a role nobody has is left out. */
  contributions: Contribution[];
  /** 5.9 Educational.TypicalLearningTime, an ISO 8601 duration from `durationMinutes`, e.g. "PT50M", "PT1H30M". */
  typicalLearningTime: string;
  /** 6.3 Rights.Description: course.yaml `copyright`; absent when course.yaml has none. */
  copyright?: string;
}

/** The course's metadata, as every binding writes it. */
export function courseMetadata(course: CourseModel): CourseMetadata {
  const c = course.course;
  if (Array.from(c.version).length > LOM_LIMITS.version) {
    throw new Error(`packager: course.version ${JSON.stringify(c.version)} is longer than the ${LOM_LIMITS.version} characters LOM keeps`);
  }
  const seen = new Set<string>();
  const keywords: string[] = [];
  for (const raw of c.keywords ?? []) {
    const keyword = truncate(raw.trim(), LOM_LIMITS.keyword);
    if (keyword === '' || seen.has(keyword.toLowerCase())) continue;
    seen.add(keyword.toLowerCase());
    keywords.push(keyword);
  }
  const credited = (kind: Author['kind']) =>
    c.authors.filter((a) => a.kind === kind).slice(0, LOM_LIMITS.entities).map(vCard);
  const contributions: Contribution[] = [
    { role: 'author' as const, entities: credited('person') },
    { role: 'publisher' as const, entities: credited('organization') },
  ].filter((contribution) => contribution.entities.length > 0);
  return {
    title: truncate(c.subtitle ? `${c.title}: ${c.subtitle}` : c.title, LOM_LIMITS.title),
    description: truncate(c.description, LOM_LIMITS.description),
    keywords: keywords.slice(0, LOM_LIMITS.keywords),
    language: c.language,
    version: c.version,
    contributions,
    typicalLearningTime: isoDuration(c.durationMinutes),
    ...(c.copyright === undefined ? {} : { copyright: truncate(c.copyright, LOM_LIMITS.rights) }),
  };
}

/**
 * Whole minutes as an ISO 8601 duration (§4.4.3.2, the form both LOM
 * bindings take): 50 → "PT50M", 60 → "PT1H", 90 → "PT1H30M".
 */
export function isoDuration(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes <= 0) {
    throw new Error(`packager: course.durationMinutes must be a positive whole number, got ${String(minutes)}`);
  }
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `PT${hours > 0 ? `${hours}H` : ''}${rest > 0 ? `${rest}M` : ''}`;
}

/** A vCard `text` value (RFC 2426 §4): backslash, comma, semicolon and line breaks escaped. */
function vCardText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** UTF-8 length of one code point. */
function octets(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** A content line folded at 75 octets, each continuation starting with a space (RFC 2425 §5.8.1). */
function fold(line: string): string {
  const lines: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const max = lines.length === 0 ? 75 : 74;
    if (size + octets(ch) > max) {
      lines.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += octets(ch);
  }
  lines.push(current);
  return lines.join('\r\n ');
}

/**
 * A contributor as the vCard 3.0 (RFC 2426) that LOM 2.3.2 Entity holds.
 * FN is the name as credited. N, which vCard 3.0 requires, carries only the
 * credentials, as the honorific suffix ("N:;;;;Ph.D."): a credited name is
 * not split into family and given names by guessing. An organization's name
 * is also its ORG. Lines end in CRLF and are folded (RFC 2425 §5.8.1); the
 * name is cut at 180 characters and the credentials at 50, which keeps the
 * vCard within LOM's 1,000 characters.
 */
export function vCard(author: Author): string {
  const name = vCardText(truncate(author.name, 180));
  const suffix = author.credentials === undefined ? '' : vCardText(truncate(author.credentials, 50));
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', `N:;;;;${suffix}`, `FN:${name}`];
  if (author.kind === 'organization') lines.push(`ORG:${name}`);
  lines.push('END:VCARD');
  const card = lines.map(fold).join('\r\n');
  if (Array.from(card).length > LOM_LIMITS.vCard) {
    throw new Error(`packager: the vCard of ${JSON.stringify(author.name)} is longer than the ${LOM_LIMITS.vCard} characters LOM keeps`);
  }
  return card;
}

/**
 * The `href` for a package-relative path: each segment percent-encoded as a
 * URI path segment (RFC 3986 §3.3), so a name with a space, `#` or `?` still
 * points at its file. Sub-delimiters allowed in a segment stay as they are.
 */
export function hrefFor(path: string): string {
  return path
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment).replace(/%(24|26|2B|2C|3B|3D|3A|40)/g, (_, hex: string) =>
        String.fromCharCode(parseInt(hex, 16)),
      ),
    )
    .join('/');
}

/**
 * The files of the SCO as the manifest lists them: each path checked to be
 * package-relative (no leading `/`, no scheme, no `..`; src/README.md "Every URL
 * inside the package is relative"), duplicates removed, sorted; and the
 * launch page checked to be among them. Returns the launch href too.
 */
export function manifestFiles(
  files: readonly string[],
  options: ManifestOptions = {},
  manifestFile = IMS_MANIFEST_FILE,
): { launchHref: string; files: string[] } {
  const launch = options.launchHref ?? DEFAULT_LAUNCH_HREF;
  const checked = new Set<string>();
  for (const file of files) {
    if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(file)) {
      throw new Error(`packager: file ${JSON.stringify(file)} has a URL scheme; give paths relative to the package root`);
    }
    assertSafeZipPath(file);
    if (file === manifestFile) {
      throw new Error(`packager: the site must not contain its own ${manifestFile}; the packager writes it`);
    }
    checked.add(file);
  }
  assertSafeZipPath(launch);
  if (!checked.has(launch)) {
    throw new Error(`packager: the launch page ${JSON.stringify(launch)} is not among the package files`);
  }
  return { launchHref: launch, files: [...checked].sort(comparePaths) };
}
