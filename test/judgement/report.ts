// `node dist/test/judgement/report.js [--all] [FOLDER]`: the agreement table on the real-OKR corpus
// (or on another folder labelled the same way), and with --all every disagreement and false
// alarm (for working on the rules). `npm run judgement` builds and runs it.
import { corpusFolder, disagreements, scoreCorpus, scoreTable } from './corpus';

const folder = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? corpusFolder();
if (!folder) {
  console.error('no labelled corpus at ../shared/real-okrs (or give a folder)');
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
