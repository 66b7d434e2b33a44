// encoding: a file that is not UTF-8 text, or text no reader can see: control characters (NUL
// most of all, the mark of binary data or of UTF-16 without a byte order mark) and replacement
// characters (U+FFFD, left where an editor could not decode bytes). The file is still checked as
// read; this rule says how it was read. Characters that already break a statement are the
// `syntax` rule's (it names them the same way); this one reports those in free text and comments.
// A file that is not text at all (see `notText`) gets one diagnostic, and no other rule reads it.
import { describeCharacter, type ForeignEncoding, type NotText } from '../encoding';
import { lineEndOf, type Span } from '../syntax';
import { positionAt } from '../text';
import type { FileRule } from './types';

/** Lines reported one by one; past this, one more diagnostic counts the rest. */
const MAX_LINES = 20;

/** C0 controls but tab, LF and CR (line breaks are the lexer's), DEL, and U+FFFD. */
const UNREADABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;

export const encoding: FileRule<'encoding'> = {
  meta: {
    id: 'encoding',
    defaultSeverity: 'error',
    category: 'error',
    description: 'A file that is not UTF-8 text, or that holds control characters or undecodable bytes.',
  },
  scope: 'file',
  check({ document, report }) {
    const { text, file } = document;
    if (file.notText) {
      report({ start: file.notText.at, end: file.notText.at + 1 }, describeNotText(file.notText, text));
      return;
    }
    if (document.encoding) {
      const at = document.encoding.invalidAt;
      const span = at !== undefined ? { start: at, end: at + 1 } : { start: 0, end: lineEndOf(text, file.lineStarts, 0) };
      report(span, describeEncoding(document.encoding));
    }

    // The syntax problems of each line: a character inside one is already reported.
    const syntaxSpans = new Map<number, Span[]>();
    for (const problem of file.problems) {
      const line = positionAt(file.lineStarts, problem.span.start).line;
      const spans = syntaxSpans.get(line);
      if (spans) spans.push(problem.span);
      else syntaxSpans.set(line, [problem.span]);
    }
    let reported = 0;
    let more = 0;
    let firstUnreported = -1;
    // One pass over the text: after a hit, the search goes on from the next line.
    const unreadable = new RegExp(UNREADABLE.source, 'g');
    let match: RegExpExecArray | null;
    while ((match = unreadable.exec(text))) {
      const offset = match.index;
      const line = positionAt(file.lineStarts, offset).line;
      unreadable.lastIndex = file.lineStarts[line + 1] ?? text.length;
      // The syntax rule already named such a character on this line: one broken line, one diagnostic.
      if (syntaxSpans.get(line)?.some((span) => span.start <= offset && offset < span.end)) continue;
      if (reported < MAX_LINES) {
        report({ start: offset, end: offset + 1 }, describeUnreadable(match[0]));
        reported++;
      } else {
        if (more === 0) firstUnreported = offset;
        more++;
      }
    }
    if (more) {
      report({ start: firstUnreported, end: firstUnreported + 1 }, `${more} more line${more === 1 ? '' : 's'} hold control or replacement characters (the first ${MAX_LINES} are reported one by one): this file is probably not text, or not UTF-8`);
    }
  },
};

function describeEncoding(encoding: ForeignEncoding): string {
  if (encoding.name === 'windows-1252') {
    const where = encoding.invalidByte !== undefined ? ` (byte 0x${encoding.invalidByte.toString(16).toUpperCase().padStart(2, '0')} here is not valid UTF-8)` : '';
    const read = encoding.invalidAt !== undefined ? 'the OKR checks read it as Windows-1252 (Latin-1), so letters beyond ASCII may be wrong' : 'letters beyond ASCII may read differently in other tools';
    return `This file is not UTF-8 text${where}; ${read}. Save it as UTF-8`;
  }
  const order = encoding.name === 'utf-16le' ? 'little-endian' : 'big-endian';
  return `This file is UTF-16 text (${order}, with a byte order mark), not UTF-8; the OKR checks read it as UTF-16, but other tools expect UTF-8. Save it as UTF-8`;
}

function describeNotText(notText: NotText, text: string): string {
  const of = notText.sample === text.length ? `its ${notText.sample}` : `its first ${notText.sample}`;
  return `This file is not text: ${notText.count} of ${of} characters are control characters or undecodable bytes, starting here with ${describeCharacter(text[notText.at]!)}. It is probably binary data, or UTF-16 saved without a byte order mark, and the OKR checks skip it: save it as UTF-8 text, or keep it out of the plan`;
}

function describeUnreadable(char: string): string {
  const code = char.codePointAt(0)!;
  if (code === 0) return `${capitalized(describeCharacter(char))} is in this line: a .okr file is text, and NUL is the mark of binary data, or of UTF-16 saved without a byte order mark`;
  if (code === 0xfffd) return `${capitalized(describeCharacter(char))} is in this line: it stands where bytes could not be decoded. Reopen the file in its real encoding, then save it as UTF-8`;
  return `${capitalized(describeCharacter(char))} is in this line: it is invisible in editors and may break other tools; delete it`;
}

function capitalized(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}
