// Packages the extension (npm run package) and checks the .vsix: under 3 MB, holding the node
// and browser bundles, the preview page, the command line, the grammar, the language
// configuration, the config schema and the rule docs — and no node_modules or sources.
import { execSync } from 'node:child_process';
import { statSync } from 'node:fs';

const MAX_BYTES = 3 * 1024 * 1024;
execSync('npm run --silent package', { stdio: ['ignore', 'ignore', 'inherit'] });
const size = statSync('vscode-okr.vsix').size;
const files = execSync('npx vsce ls --no-dependencies', { encoding: 'utf8' }).split('\n').filter(Boolean);
const required = [
  'dist/client/node.js', 'dist/client/browser.js', 'dist/server/node.js', 'dist/server/browser.js',
  'dist/preview/preview.js', 'dist/preview/preview.css', 'dist/cli/okr.js',
  'syntaxes/okr.tmLanguage.json', 'language-configuration.json', 'schemas/okr.config.schema.json', 'docs/rules/catch-all.md',
];
const problems = [];
if (size > MAX_BYTES) problems.push(`vscode-okr.vsix is ${size} bytes, over 3 MB`);
for (const file of required) if (!files.includes(file)) problems.push(`the .vsix lacks ${file}`);
for (const file of files) if (/^(node_modules|server\/src|client\/src|test)\//.test(file) || file.endsWith('.map')) problems.push(`the .vsix should not hold ${file}`);
console.log(`vscode-okr.vsix: ${(size / 1024).toFixed(0)} KB, ${files.length} files`);
for (const problem of problems) console.error(`✖ ${problem}`);
process.exit(problems.length ? 1 : 0);
