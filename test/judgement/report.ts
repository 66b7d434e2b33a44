// `node dist/test/judgement/report.js [--all]`: the agreement table on the real-OKR corpus, and with
// --all every disagreement and false alarm (for working on the rules).
import { corpusFolder, disagreements, scoreCorpus, scoreTable } from './corpus';

const folder = corpusFolder();
if (!folder) {
  console.error('no labelled corpus at ../shared/real-okrs');
  process.exit(2);
}
const score = scoreCorpus(folder);
console.log(scoreTable(score));
if (process.argv.includes('--all')) {
  console.log('\n## disagreements\n' + disagreements(score));
  console.log('\n## false alarms');
  for (const item of score.falseAlarms) console.log(`${item.label} ${item.file} ${JSON.stringify(item.title)}\n   ${item.alarms.join('\n   ')}`);
}
if (score.missing.length) console.log('\n## missing\n' + score.missing.join('\n'));
