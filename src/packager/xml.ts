/**
 * Small XML helpers for the manifest writers: escaping text from the course
 * model, and turning model ids into valid `xs:ID` values.
 *
 * Pure, no dependencies.
 */

/**
 * Characters XML 1.0 does not allow anywhere in a document (XML 1.0 §2.2
 * "Char"): C0 controls other than tab, LF and CR, lone surrogates, U+FFFE and
 * U+FFFF. They cannot be escaped (`&#1;` is not well-formed either), so they
 * are removed.
 */
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Escape text for use in XML element content or in a double- or
 * single-quoted attribute value (XML 1.0 §2.4, §3.3.3). Every string that
 * comes from the course model goes through here. Characters that XML 1.0
 * cannot carry at all are dropped.
 */
export function escapeXml(text: string): string {
  return text.replace(INVALID_XML_CHARS, '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/**
 * `escapeXml`, and every CR and LF written as a character reference (`&#13;`,
 * `&#10;`), for a value whose line breaks are part of its format, such as a
 * vCard's CRLF (RFC 2425 §5.8.1). Written literally, a CR or CRLF reaches
 * the reader as LF (XML 1.0 §2.11 end-of-line handling); a reference reaches
 * it as written. It also keeps the value on one line of the manifest.
 */
export function escapeXmlLines(text: string): string {
  return escapeXml(text).replace(/\r/g, '&#13;').replace(/\n/g, '&#10;');
}

/**
 * An `xs:ID` is an XML `NCName` (XML Schema Part 2 §3.3.8, Namespaces in
 * XML §3): a letter or `_` first, then letters, digits, `.`, `-`, `_`, and no
 * colon. This pattern accepts the ASCII subset, which is all we generate.
 */
export const NCNAME_ASCII = /^[A-Za-z_][A-Za-z0-9._-]*$/;

/** Whether `value` is an ASCII `NCName`, i.e. a valid `xs:ID` as we generate them. */
export function isXmlId(value: string): boolean {
  return NCNAME_ASCII.test(value);
}

/**
 * Join parts into a valid `xs:ID`: every character outside `[A-Za-z0-9._-]`
 * becomes `-`, and an id that would not start with a letter or `_` (a course
 * id such as "2025-intro" is valid kebab-case) gets the prefix `id-`.
 *
 *     xmlId('rct-intro', '1.0.0')        → "rct-intro-1.0.0"
 *     xmlId('org', 'rct-intro', '1.0.0') → "org-rct-intro-1.0.0"
 *     xmlId('2025-intro', '1.0.0')       → "id-2025-intro-1.0.0"
 */
export function xmlId(...parts: string[]): string {
  const joined = parts
    .filter((p) => p.length > 0)
    .join('-')
    .replace(/[^A-Za-z0-9._-]/g, '-');
  const id = /^[A-Za-z_]/.test(joined) ? joined : `id-${joined}`;
  if (!isXmlId(id)) throw new Error(`packager: cannot make an xs:ID from ${JSON.stringify(parts)}`);
  return id;
}

/**
 * Shorten `text` to at most `max` characters (Unicode code points, as XML
 * Schema counts length), ending with "…" when cut. Used for the SCORM
 * "smallest permitted maximum" of 200 characters on titles.
 */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
