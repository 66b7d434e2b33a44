// Where requests are made: a probe (arbitraries.ts) resolved against the workspace's texts to a
// document and a position in it. Half the probes aim at the names of the document (ids and
// references), where navigation, hover and rename have something to do.
import { parseOkr, type Span } from '../../server/src/core';
import type { Files, Probe } from './arbitraries';
import { Lines, type Position } from './ranges';

/** The spans of a document's ids and references. */
export function nameSpans(text: string): Span[] {
  const file = parseOkr(text);
  const spans: Span[] = [];
  for (const strategy of file.strategies) spans.push(strategy.id.span);
  for (const objective of file.objectives) {
    spans.push(objective.id.span);
    for (const reference of objective.alignsTo) spans.push(reference.objective.span, ...(reference.keyResult ? [reference.keyResult.span] : []));
    for (const kr of objective.keyResults) {
      if (kr.id) spans.push(kr.id.span);
      if (kr.contributesTo) spans.push(kr.contributesTo.objective.span, ...(kr.contributesTo.keyResult ? [kr.contributesTo.keyResult.span] : []));
    }
  }
  return spans;
}

/** A probe's document and position (always inside the document, as an editor sends them). */
export function probePosition(files: Files, probe: Probe): { uri: string; position: Position } {
  const uris = Object.keys(files);
  const uri = uris[probe.document % uris.length]!;
  const text = files[uri]!;
  const names = probe.onName ? nameSpans(text) : [];
  let offset: number;
  if (names.length) {
    const span = names[probe.at % names.length]!;
    offset = span.start + (Math.floor(probe.at / names.length) % (span.end - span.start + 1));
  } else offset = probe.at % (text.length + 1);
  return { uri, position: new Lines(text).position(offset) };
}
