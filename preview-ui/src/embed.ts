// For the standalone HTML export (the command line): how to put a TreeModel in the page so that
// preview.js finds it. The page reads `<script type="application/json" id="okr-model">…</script>`;
// its text must never contain `</script` or `<!--` (the HTML parser would end or change the
// element whatever the JSON means), so `<`, `>` and `&` are written as JSON escapes, and U+2028/9
// too for old JavaScript parsers. JSON.parse reads it back unchanged.
import type { TreeModel } from '../../server/src/core/tree';

/** The text to put between `<script type="application/json" id="okr-model">` and `</script>`. */
export function modelScriptText(model: TreeModel): string {
  return JSON.stringify(model).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
