// escapeMarkdown (hover, code lens, inlay hints, the markdown export): user text comes out as
// the same text when Markdown is read — no link, image, HTML, code, emphasis, heading, list,
// quote or rule — wherever the hover puts it: alone, in bold, in a list item, after a label.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { escapeMarkdown } from '../../server/src/core/util/markdown';
import { markupIn, readText } from '../markdown';
import { readCorpus } from '../preview/xss-workspace.mjs';
import { repoPath } from './helpers';

const corpus = readCorpus(repoPath('test/preview/fixtures/xss-corpus.json'));

/** CommonMark reads U+0000 as U+FFFD: the one change a reader makes to text. */
const asRead = (text: string) => text.replace(/\0/g, '\uFFFD');

const contexts: { name: string; wrap: (escaped: string) => string; markup: string[] }[] = [
  { name: 'alone', wrap: (e) => e, markup: [] },
  { name: 'in bold', wrap: (e) => `**${e}**`, markup: ['strong_open', 'strong_close'] },
  { name: 'in italics after a label', wrap: (e) => `*Why:* ${e}`, markup: ['em_open', 'em_close'] },
  { name: 'in a list item', wrap: (e) => `- \`id\` · ${e}`, markup: ['bullet_list_open', 'bullet_list_close', 'list_item_open', 'list_item_close', 'code_inline'] },
];

function assertInert(text: string): void {
  for (const { name, wrap, markup } of contexts) {
    const markdown = wrap(escapeMarkdown(text));
    assert.deepEqual(markupIn(markdown, markup), [], `${name}: ${JSON.stringify(markdown)}`);
    assert.ok(readText(markdown).includes(asRead(text)), `${name}: reads as ${JSON.stringify(readText(markdown))}`);
  }
}

describe('escapeMarkdown', () => {
  test('every payload of the XSS corpus reads back as itself, in every context the hover uses', () => {
    for (const { text } of corpus) assertInert(text);
  });

  test('links, images, HTML, code, emphasis and block starts stay text', () => {
    const cases = [
      '[click](javascript:alert(1))',
      '[click]( javascript:alert(1) "title")',
      '![x](http://xss.invalid/pixel.png)',
      '![x][ref]\n\n[ref]: http://xss.invalid/pixel.png',
      '[ref]: javascript:alert(1)',
      '<http://xss.invalid/autolink> <mailto:a@b.c>',
      '<img src=x onerror=alert(1)>',
      '<!-- comment --> <?php ?> <![CDATA[x]]>',
      '&lt;b&gt; &#60;b&#62; &#x3C;b&#x3E; &amp;',
      '```js alert(1) ```',
      '`code` ``co`de`` ` unbalanced',
      '**bold** __bold__ *em* _em_ ~~strike~~ ~sub~ $x$ $$x$$',
      '| a | b |',
      '# heading',
      '## heading #',
      '- item',
      '+ item',
      '* item',
      '1. item',
      '1) item',
      '> quote',
      '---',
      '***',
      '===',
      '\\',
      'trailing backslash \\',
      'a\\*b\\_c',
      '[^note]',
      ':emoji: @mention #123',
    ];
    for (const text of cases) assertInert(text.replace(/\n/g, ' '));
  });

  test('a case that is not escaped would be caught: the check reads Markdown', () => {
    assert.notDeepEqual(markupIn('[click](javascript:alert(1))'), []);
    assert.notDeepEqual(markupIn('![x](http://xss.invalid/pixel.png)'), []);
    assert.notDeepEqual(markupIn('<img src=x onerror=alert(1)>'), []);
    assert.notDeepEqual(markupIn('`code`'), []);
    assert.notDeepEqual(markupIn('# heading'), []);
  });
});
