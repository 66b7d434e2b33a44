// Workspace symbols (Ctrl+T): objectives, key results and strategies of every file, matched on
// their id and on the words of their title.
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver-types';
import { rangeOf, type Snapshot } from '../core';

const LIMIT = 500;

export function workspaceSymbols(snapshot: Snapshot, query: string): SymbolInformation[] {
  const all = snapshot.index.all();
  const needle = query.trim().toLowerCase();
  const matches = (id: string, title: string) => !needle || id.toLowerCase().includes(needle) || title.toLowerCase().includes(needle);
  const found: SymbolInformation[] = [];
  for (const document of all) {
    const { uri, file } = document;
    const add = (name: string, kind: SymbolKind, span: { start: number; end: number }, containerName?: string) =>
      found.push({ name, kind, location: { uri, range: rangeOf(file.lineStarts, span) }, containerName });
    for (const strategy of file.strategies) {
      if (matches(strategy.id.text, strategy.title.text)) add(`${strategy.id.text}: ${strategy.title.text}`, SymbolKind.Namespace, strategy.id.span);
    }
    for (const objective of file.objectives) {
      if (matches(objective.id.text, objective.title.text)) add(`${objective.id.text}: ${objective.title.text}`, SymbolKind.Class, objective.id.span);
      for (const kr of objective.keyResults) {
        if (kr.id && matches(`${objective.id.text}.${kr.id.text}`, kr.title.text)) {
          add(`${objective.id.text}.${kr.id.text}: ${kr.title.text}`, SymbolKind.Field, kr.id.span, objective.id.text);
        }
      }
    }
    if (found.length >= LIMIT) break;
  }
  return found.slice(0, LIMIT);
}
