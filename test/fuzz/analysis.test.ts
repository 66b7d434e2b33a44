// The analysis over generated and mutated workspaces: every problem lies in its document, names
// a rule and says something readable; and the same workspace gives the same problems whatever
// order its files were read in and whatever the index held before (the analysis caches per
// document revision and per workspace generation).
import assert from 'node:assert/strict';
import { Analyzer, WorkspaceIndex, parseConfig, rules, type Problem } from '../../server/src/core';
import { anyWorkspace, configText, type Files } from './arbitraries';
import { property } from './property';
import { mayCheckWords } from './ranges';

const ruleIds = new Set<string>(rules.map((rule) => rule.meta.id));
const severities = new Set(['error', 'warning', 'info', 'hint']);
const { config } = parseConfig('{ "today": "2026-03-02" }', [...ruleIds]);

function analyzerOf(index: WorkspaceIndex): Analyzer {
  const analyzer = new Analyzer(index);
  analyzer.setConfig(config);
  return analyzer;
}

function analyse(files: Files): Record<string, readonly Problem[]> {
  const index = new WorkspaceIndex();
  for (const [uri, text] of Object.entries(files)) index.set(uri, text);
  return Object.fromEntries(analyzerOf(index).analyse().problems);
}

const inText = (text: string, offset: number) => offset >= 0 && offset <= text.length && !(text[offset - 1] === '\r' && text[offset] === '\n');

property('analysis: every problem lies in its document, names a rule and says something readable', anyWorkspace, ({ files }) => {
  const problems = analyse(files);
  assert.deepEqual(Object.keys(problems).sort(), Object.keys(files).sort(), 'every document has an entry');
  const words = mayCheckWords(files);
  for (const [uri, list] of Object.entries(problems)) {
    for (const problem of list) {
      const where = `${problem.rule} ${JSON.stringify(problem.span)} in ${uri}: ${problem.message}`;
      assert.equal(problem.uri, uri, where);
      assert.ok(ruleIds.has(problem.rule), `unknown rule: ${where}`);
      assert.ok(severities.has(problem.severity), where);
      assert.ok(problem.span.start <= problem.span.end && inText(files[uri]!, problem.span.start) && inText(files[uri]!, problem.span.end), `span outside the document: ${where}`);
      assert.ok(problem.message.trim().length > 0, where);
      if (words) assert.doesNotMatch(problem.message, /\b(?:NaN|undefined|Infinity|null)\b|\[object /, where);
      for (const related of problem.related ?? []) {
        const text = files[related.uri];
        assert.ok(text !== undefined && inText(text, related.span.start) && inText(text, related.span.end) && related.span.start <= related.span.end, `related location outside its document: ${JSON.stringify(related)} (${where})`);
      }
    }
  }
}, { runs: 800, documents: ({ files }) => Object.keys(files).length });

property('analysis: the same workspace gives the same problems, whatever was read before and in what order', anyWorkspace, ({ before, files }) => {
  const fresh = analyse(files);
  // The same analyzer, analysing the earlier state and then each edit in turn (last file first).
  const index = new WorkspaceIndex();
  const analyzer = analyzerOf(index);
  for (const [uri, text] of Object.entries(before)) index.set(uri, text);
  analyzer.analyse();
  for (const uri of Object.keys(files).reverse()) {
    index.set(uri, files[uri]!);
    analyzer.analyse();
  }
  assert.deepStrictEqual(Object.fromEntries(analyzer.analyse().problems), fresh, 'after edits, the problems of the workspace read afresh');
  assert.deepStrictEqual(analyse(files), fresh, 'analysed twice');
}, { runs: 500, documents: ({ files }) => Object.keys(files).length });

property('okr.config.json: any text gives settings, and problems that lie in the file; never an exception', configText, (text) => {
  const { config: parsed, problems } = parseConfig(text, [...ruleIds]);
  assert.ok(parsed.levels.length > 0 && parsed.levels.every((level) => typeof level === 'string'), JSON.stringify(parsed.levels));
  for (const [key, value] of Object.entries(parsed)) if (typeof value === 'number') assert.ok(Number.isFinite(value), `${key}: ${value}`);
  for (const problem of problems) {
    assert.ok(problem.span.start >= 0 && problem.span.start <= problem.span.end && problem.span.end <= text.length, `${JSON.stringify(problem)} in a text of ${text.length}`);
    assert.ok(problem.message.trim().length > 0);
  }
}, { runs: 3000 });
