// Formatting, whole document or a range: canonical indentation and spacing (core/format.ts).
import type { TextEdit } from 'vscode-languageserver';
import { formatEdits, rangeOf, type OkrDocument } from '../core';
import type { Feature } from '../context';

export const formatting: Feature = (context) => {
  const edits = (document: OkrDocument, options: { tabSize: number; insertSpaces: boolean }, from?: number, to?: number): TextEdit[] =>
    formatEdits(document.text, options, from, to).map((edit) => ({
      range: rangeOf(document.file.lineStarts, { start: edit.start, end: edit.end }),
      newText: edit.newText,
    }));

  context.connection.onDocumentFormatting(({ textDocument, options }) => {
    const document = context.document(textDocument.uri);
    return document ? edits(document, options) : [];
  });
  context.connection.onDocumentRangeFormatting(({ textDocument, options, range }) => {
    const document = context.document(textDocument.uri);
    return document ? edits(document, options, range.start.line, range.end.line) : [];
  });
};
