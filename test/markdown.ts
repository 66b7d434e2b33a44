// Markdown as a CommonMark reader reads it (markdown-it, with raw HTML and bare-URL links on, as
// GitHub and VS Code's hovers allow them): the tests check that user text comes out as text.
export interface MarkdownToken {
  readonly type: string;
  readonly tag: string;
  readonly content: string;
  readonly children: MarkdownToken[] | null;
  readonly attrs: [string, string][] | null;
}

// markdown-it ships no types; this is the little of it the tests use.
type Reader = { parse(source: string, env: object): MarkdownToken[]; validateLink(url: string): boolean };
const MarkdownIt = require('markdown-it') as new (options: object) => Reader;
const reader = new MarkdownIt({ html: true, linkify: true });
// Bare addresses become links from the source text, backslash escapes and all; for the text a
// reader sees, read without them.
const textReader = new MarkdownIt({ html: true, linkify: false });
// markdown-it itself refuses `javascript:` links; a less careful reader would not, and the tests
// look for what the Markdown says, not for what one reader forgives.
reader.validateLink = () => true;
textReader.validateLink = () => true;

/** Block tokens and, flattened after each, the inline ones. */
export function tokensOf(markdown: string, withLinks = true): MarkdownToken[] {
  return (withLinks ? reader : textReader).parse(markdown, {}).flatMap((token) => [token, ...(token.children ?? [])]);
}

/** What a reader sees as text: text and code spans, in order. */
export function readText(markdown: string): string {
  return tokensOf(markdown, false)
    .filter((token) => token.type === 'text' || token.type === 'code_inline')
    .map((token) => token.content)
    .join('');
}

/**
 * What in the Markdown is not text: raw HTML, images, links other than a bare http(s) address
 * shown as written, and every other kind of token beyond `allowed`. One line each.
 */
export function markupIn(markdown: string, allowed: readonly string[] = []): string[] {
  const plain = new Set(['paragraph_open', 'paragraph_close', 'inline', 'text', 'softbreak', 'link_close', ...allowed]);
  const found: string[] = [];
  const tokens = tokensOf(markdown);
  tokens.forEach((token, i) => {
    if (token.type === 'link_open') {
      const href = token.attrs?.find(([name]) => name === 'href')?.[1] ?? '';
      const shown = tokens[i + 1]?.content ?? '';
      // A bare http(s) address becomes a link where Markdown is read (GitHub, VS Code): harmless
      // when it shows what it points at (a backslash escape inside it is taken along).
      const address = (url: string) => safeDecode(url).replace(/\\/g, '').replace(/^https?:\/\//, '');
      if (/^https?:\/\//.test(href) && address(href) === address(shown)) return;
      found.push(`link to ${href} shown as ${shown}`);
    } else if (!plain.has(token.type)) found.push(`${token.type}: ${token.content.slice(0, 80)}`);
  });
  return found;
}

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
