// How the bytes of a .okr file become text, and how to name a character a reader cannot see.
// Files are UTF-8, and a UTF-8 byte order mark is dropped as editors drop it. A file that is not
// UTF-8 is still read — UTF-16 with a byte order mark as UTF-16, anything else as Windows-1252,
// where every byte is one character — but never silently: its document carries the encoding, and
// the `encoding` rule reports it. The node host, the browser extension and the command line all
// decode through decodeText, so a file reads the same everywhere.

export type ForeignEncodingName = 'utf-16le' | 'utf-16be' | 'windows-1252';

/** How a file that is not UTF-8 was read. */
export interface ForeignEncoding {
  readonly name: ForeignEncodingName;
  /**
   * Where, in the decoded text, the first byte that is not UTF-8 stands (read as Windows-1252),
   * and that byte. Absent when the text is an editor's, which decoded the file its own way.
   */
  readonly invalidAt?: number;
  readonly invalidByte?: number;
}

export interface DecodedText {
  readonly text: string;
  /** Undefined for UTF-8 (with or without a byte order mark). */
  readonly encoding?: ForeignEncoding;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: { name: 'utf-16le' } };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: { name: 'utf-16be' } };
  try {
    // The native decoder drops a UTF-8 byte order mark and refuses anything that is not UTF-8.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const body = bytes.subarray(bom);
    const invalid = firstInvalidUtf8(body);
    return { text: decodeSingleByte(body), encoding: { name: 'windows-1252', invalidAt: invalid, invalidByte: body[invalid] } };
  }
}

/**
 * Windows-1252 bytes 0x80–0x9F (the rest is ISO-8859-1: byte = code point). Decoded here rather
 * than by TextDecoder, whose 'windows-1252' is ISO-8859-1 in some runtimes (Node) and not in others
 * (browsers): a file must read the same in every host.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Windows-1252, one character per byte. */
function decodeSingleByte(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const codes = new Uint16Array(Math.min(bytes.length, 0x8000));
  for (let start = 0; start < bytes.length; start += codes.length) {
    const end = Math.min(bytes.length, start + codes.length);
    for (let i = start; i < end; i++) {
      const byte = bytes[i]!;
      codes[i - start] = byte >= 0x80 && byte < 0xa0 ? WINDOWS_1252_HIGH.charCodeAt(byte - 0x80) : byte;
    }
    chunks.push(String.fromCharCode(...codes.subarray(0, end - start)));
  }
  return chunks.join('');
}

/** The index of the first byte that does not belong to a well-formed UTF-8 sequence (-1 if none). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const continuations = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
    if (continuations === 0 || i + continuations >= bytes.length) return i; // not a lead byte, or cut short
    // The second byte's range rules out overlong forms, surrogates and code points past U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    const second = bytes[i + 1]!;
    if (second < low || second > high) return i;
    for (let k = 2; k <= continuations; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += continuations + 1;
  }
  return -1;
}

/** How much of a file is looked at to tell text from binary data. */
export const NOT_TEXT_SAMPLE = 8192;

/** Why a file is taken for something other than text: see `notText`. */
export interface NotText {
  /** Offset of the first control or replacement character: where the diagnostic stands. */
  readonly at: number;
  /** Control and replacement characters among the first `sample` characters. */
  readonly count: number;
  readonly sample: number;
}

/**
 * Whether a text is not text at all (an image, an archive, an executable, UTF-16 saved without
 * a byte order mark). Two signs, both among its first 8,192 characters:
 *  - at least 1 in 10 is a control character other than tab, line feed and carriage return (NUL,
 *    ESC, DEL, the C1 controls) or a replacement character (U+FFFD, where an editor could not
 *    decode bytes);
 *  - at least 1 in 3 is such a character or one of U+00A0–U+00FF, where the other bytes of binary
 *    data land when it is read one byte per character.
 * Read as Windows-1252, compressed data (PNG, JPEG, zip) holds about 14% controls and 50% of both,
 * executables and UTF-16 far more. A plan with a stray NUL has a few per cent; one with control
 * characters pasted into every title may pass 10%, but it is still letters and spaces, and is
 * checked, each character named (the second sign); so is a legacy 8-bit file full of accented or
 * Cyrillic letters (the first). A single NUL is not enough, as it is for git: that would hide
 * every other check of a real plan. Only the start is read: the cost is the same for any size.
 */
export function notText(text: string): NotText | undefined {
  const sample = Math.min(text.length, NOT_TEXT_SAMPLE);
  let count = 0;
  let high = 0;
  let at = -1;
  for (let i = 0; i < sample; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f) || code === 0xfffd) {
      count++;
      if (at < 0) at = i;
    } else if (code >= 0xa0 && code <= 0xff) high++;
  }
  return count > 0 && count * 10 >= sample && (count + high) * 3 >= sample ? { at, count, sample } : undefined;
}

const CONTROL_NAMES: Record<number, string> = { 0x00: 'NUL', 0x07: 'BEL', 0x08: 'BS', 0x09: 'TAB', 0x0b: 'VT', 0x0c: 'FF', 0x0d: 'CR', 0x1b: 'ESC', 0x7f: 'DEL' };

/** `U+001B`. */
export function codePointLabel(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** True for the characters a message must name by code: controls, format characters, odd spaces. */
export function isInvisible(char: string): boolean {
  return char !== ' ' && /^[\p{C}\p{Z}]/u.test(char);
}

/**
 * A character as a message names it: `the character 'x'`, or, when it cannot be seen,
 * `the control character U+001B (ESC)`, `the NUL character (U+0000)`, `the character U+2003`.
 */
export function describeCharacter(char: string): string {
  const code = char.codePointAt(0)!;
  if (code === 0) return 'the NUL character (U+0000)';
  if (code === 0xfffd) return 'the replacement character (U+FFFD)';
  if (code < 0x20 || code === 0x7f) return `the control character ${codePointLabel(char)}${CONTROL_NAMES[code] ? ` (${CONTROL_NAMES[code]})` : ''}`;
  if (isInvisible(char)) return `the character ${codePointLabel(char)}`;
  return `the character '${char}'`;
}
