/**
 * The Content-Type of a file, for every server of the developer tools
 * (serve.ts, and preview-lms.ts, which serves out of zips). One source:
 * mrmime, the table sirv serves with, so both servers agree with each other
 * and with the type a browser expects for .webp, .jpg, .woff2, .mjs, ...
 *
 * Text types get an explicit `charset=utf-8`: the build writes UTF-8, and a
 * browser otherwise guesses the encoding of a script or style sheet from the
 * page that loads it.
 */
import { lookup } from 'mrmime';

/** Types mrmime does not list. */
const EXTRA: Record<string, string> = {
  ico: 'image/x-icon',
};

const TEXT = /^(?:text\/|application\/(?:json|xml|javascript)$|image\/svg\+xml$|application\/[\w.+-]+\+(?:json|xml)$)/;

export const OCTET_STREAM = 'application/octet-stream';

export function contentType(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const type = (ext && (lookup(ext) ?? EXTRA[ext])) || OCTET_STREAM;
  return TEXT.test(type) ? `${type}; charset=utf-8` : type;
}
