/**
 * A feedback line's lead-in, "<what it is about>: ", from the option's or
 * item's own text, which may be a whole sentence: its closing full stop,
 * comma or colon goes ("…relationships.:" read as a typo), a closing
 * quotation mark stays, and a question or exclamation mark is kept with a
 * dash instead of a colon. Pure; browser-safe.
 */
export function leadIn(subject: string): string {
  const text = subject.trim();
  const m = /^(.*?)([.,;:]*)(["”’']?)$/su.exec(text);
  const [, body = text, , quote = ''] = m ?? [];
  if (/[?!]$/.test(body)) return `${body}${quote} — `;
  return `${body}${quote}: `;
}
