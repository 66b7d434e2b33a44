// What every feature shares. A feature is a function of one snapshot (and a document, a position)
// that returns plain data (the protocol's JSON shapes); it never sees the connection. The adapter
// (server/src/answers.ts) registers them and decides which snapshot answers.
import type { Position, Range } from 'vscode-languageserver-types';
import { offsetAt, rangeOf, type OkrDocument, type Snapshot, type Span } from '../core';

/** The offset of a protocol position in a document. */
export function offsetIn(document: OkrDocument, position: Position): number {
  return offsetAt(document.file.lineStarts, document.text.length, position);
}

/** The protocol range of a span in a document of the snapshot; undefined when the snapshot has no such document. */
export function rangeIn(snapshot: Snapshot, uri: string, span: Span): Range | undefined {
  const document = snapshot.index.get(uri);
  return document ? rangeOf(document.file.lineStarts, span) : undefined;
}

/** A request the feature turns down, with the reason to show (the adapter makes it a protocol error). */
export class Refusal extends Error {
  constructor(
    readonly kind: 'invalidRequest' | 'invalidParams',
    message: string,
  ) {
    super(message);
  }
}
