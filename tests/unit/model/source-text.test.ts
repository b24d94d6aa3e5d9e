/**
 * How source bytes become the text the validator reads (src/model/source-text.ts):
 * what editors differ on harmlessly is forgiven, other encodings are refused
 * at the first byte that is not UTF-8, with what to do.
 */
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../../src/model/source-text';
import { closest } from '../../../src/model/suggest';

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('a source file', () => {
  it('reads UTF-8 with a byte-order mark and CRLF or CR line endings as plain LF text', () => {
    expect(decodeSource(bytes([0xef, 0xbb, 0xbf], 'id: a\r\ntitle: Présentation\rend\n'))).toEqual({ ok: true, text: 'id: a\ntitle: Présentation\nend\n' });
  });

  it('refuses Latin-1 at the first byte that is not UTF-8, with its line and column and "save as UTF-8"', () => {
    const r = decodeSource(bytes('id: a\ntitle: Pr', [0xe9], 'sentation\n'));
    expect(r).toMatchObject({ ok: false, line: 2, column: 10 });
    expect(!r.ok && r.message).toMatch(/^is not UTF-8 \(byte 0xE9 here.*save the file as UTF-8/);
  });

  it('refuses UTF-16, overlong encodings and surrogates', () => {
    expect(decodeSource(bytes([0xff, 0xfe], 'i\0d\0'))).toMatchObject({ ok: false, line: 1, column: 1 });
    expect(decodeSource(bytes('a', [0xc0, 0xaf]))).toMatchObject({ ok: false, column: 2 });
    expect(decodeSource(bytes('ab', [0xed, 0xa0, 0x80]))).toMatchObject({ ok: false, column: 3 });
  });

  it('counts columns in characters after multi-byte text', () => {
    expect(decodeSource(bytes('é€😀', [0xff]))).toMatchObject({ ok: false, line: 1, column: 4 });
  });
});

describe('"did you mean"', () => {
  it('finds a typo, a swapped pair, a wrong case and a prefix; nothing for a different word', () => {
    expect(closest('titel', ['title', 'notes'])).toBe('title');
    expect(closest('Relfection', ['KnowledgeCheck', 'Reflection', 'Chart'])).toBe('Reflection');
    expect(closest('masteryscore', ['masteryScore'])).toBe('masteryScore');
    expect(closest('mastery', ['masteryScore', 'version'])).toBe('masteryScore');
    expect(closest('colour', ['id', 'title', 'notes'])).toBeUndefined();
  });
});
