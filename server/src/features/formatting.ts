// Formatting, whole document or a range: canonical indentation and spacing (core/format.ts).
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import { formatEdits, rangeOf, type OkrDocument, type Snapshot } from '../core';

/** The edits that format the document, or only the lines of `range`. */
export function formatting(_snapshot: Snapshot, document: OkrDocument, options: Pick<FormattingOptions, 'tabSize' | 'insertSpaces'>, range?: Range): TextEdit[] {
  return formatEdits(document.text, options, range?.start.line, range?.end.line).map((edit) => ({
    range: rangeOf(document.file.lineStarts, { start: edit.start, end: edit.end }),
    newText: edit.newText,
  }));
}
