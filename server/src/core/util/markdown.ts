// User text made literal in Markdown (hover, the command line's markdown export).
// Everywhere: what starts emphasis, code, a link, HTML, an entity, a table cell, strikethrough or
// math (`\ ` * _ [ ] < > & | ~ $`). At the start of the text only: what starts a heading, a list, a
// quote or a rule (`#`, `-`, `+`, `=`, `>`, `1.`). CommonMark allows a backslash before any ASCII
// punctuation, so the text reads the same.
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>&|~$]/g, '\\$&')
    .replace(/^([#+\-=])/, '\\$1')
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}
