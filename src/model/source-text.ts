/**
 * From a source file's bytes to the text the validator reads. Forgiving
 * where editors differ harmlessly (a UTF-8 byte-order mark, Windows CRLF or
 * old Mac CR line endings all read as plain UTF-8 with LF), strict where a
 * guess would corrupt the course's words: anything that is not UTF-8 is
 * refused with what to do. Pure: bytes in, text or a reason out.
 */

export type Decoded = { ok: true; text: string } | { ok: false; message: string; line: number; column: number };

const SAVE_AS_UTF8 = 'save the file as UTF-8 (in VS Code: click the encoding in the status bar, "Save with Encoding", UTF-8)';

/** Index of the first byte that starts no valid UTF-8 sequence (overlongs and surrogates included), or -1. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const [n, min, max] = b < 0x80 ? [0, 0, 0] : b >= 0xc2 && b <= 0xdf ? [1, 0x80, 0xbf] : b === 0xe0 ? [2, 0xa0, 0xbf] : b === 0xed ? [2, 0x80, 0x9f] : b >= 0xe1 && b <= 0xef ? [2, 0x80, 0xbf] : b === 0xf0 ? [3, 0x90, 0xbf] : b === 0xf4 ? [3, 0x80, 0x8f] : b >= 0xf1 && b <= 0xf3 ? [3, 0x80, 0xbf] : [-1, 0, 0];
    if (n < 0) return i;
    // The second byte has the narrow range (no overlongs, no surrogates); the rest are plain continuations.
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? min : 0x80) || c > (k === 1 ? max : 0xbf)) return i;
    }
    i += n + 1;
  }
  return -1;
}

/** The line and column (1-based, in characters) of a byte offset in valid UTF-8 text before it. */
function positionOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const lines = new TextDecoder('utf-8').decode(bytes.subarray(0, offset)).split(/\r\n|\r|\n/);
  return { line: lines.length, column: [...(lines.at(-1) ?? '')].length + 1 };
}

/** Decode a source file: UTF-8 (with or without a BOM), any line endings; anything else is refused. */
export function decodeSource(bytes: Uint8Array): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return { ok: false, line: 1, column: 1, message: `is saved as UTF-16, not UTF-8: ${SAVE_AS_UTF8}` };
  const bad = firstInvalidByte(bytes);
  if (bad >= 0) {
    const byte = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
    return { ok: false, ...positionOf(bytes, bad), message: `is not UTF-8 (byte 0x${byte} here; Latin-1 or Windows-1252 text looks like this): ${SAVE_AS_UTF8}` };
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  // TextDecoder drops one leading BOM; line endings become LF so every position the builder reports is the editor's.
  return { ok: true, text: text.replace(/\r\n?/g, '\n') };
}
