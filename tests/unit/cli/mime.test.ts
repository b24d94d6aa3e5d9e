/** The one MIME table of the tools' servers (src/cli/shared/mime.ts), used by serve.ts and preview-lms.ts alike. */
import { describe, expect, it } from 'vitest';
import { contentType } from '../../../src/cli/shared/mime.ts';

describe('contentType', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['_astro/app.js', 'text/javascript; charset=utf-8'],
    ['chunk.mjs', 'text/javascript; charset=utf-8'],
    ['site.css', 'text/css; charset=utf-8'],
    ['notes.txt', 'text/plain; charset=utf-8'],
    ['logo.svg', 'image/svg+xml; charset=utf-8'],
    ['chart.png', 'image/png'],
    ['photo.jpg', 'image/jpeg'],
    ['photo.JPEG', 'image/jpeg'],
    ['photo.webp', 'image/webp'],
    ['photo.avif', 'image/avif'],
    ['anim.gif', 'image/gif'],
    ['favicon.ico', 'image/x-icon'],
    ['packages.json', 'application/json; charset=utf-8'],
    ['course.zip', 'application/zip'],
    ['handout.pdf', 'application/pdf'],
    ['font.woff2', 'font/woff2'],
    ['font.woff', 'font/woff'],
    ['clip.mp4', 'video/mp4'],
    ['captions.vtt', 'text/vtt; charset=utf-8'],
    ['adlcp_rootv1p2.xsd', 'application/xml; charset=utf-8'],
    ['ims_xml.dtd', 'application/xml-dtd'],
  ])('%s → %s', (path, type) => {
    expect(contentType(path)).toBe(type);
  });

  it('an XML file is XML in UTF-8', () => {
    expect(contentType('imsmanifest.xml')).toMatch(/^(application|text)\/xml; charset=utf-8$/);
  });

  it('an unknown or missing extension is application/octet-stream', () => {
    expect(contentType('data.unknownext')).toBe('application/octet-stream');
    expect(contentType('LICENSE')).toBe('application/octet-stream');
    expect(contentType('.hidden')).toBe('application/octet-stream');
    expect(contentType('dir.d/file')).toBe('application/octet-stream');
  });
});
