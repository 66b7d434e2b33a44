// The HTML shell of the preview webview: a strict CSP, the page's one script (by nonce) and its
// styles, all loaded from dist/preview/ through the webview's resource URIs. The page itself
// (preview-ui/, bundled to dist/preview/preview.js) renders the tree into the body.
import type * as vscode from 'vscode';

/** A fresh nonce for every render: 128 random bits, hex. Web Crypto works in Node and in browsers. */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export interface ShellOptions {
  readonly webview: vscode.Webview;
  /** dist/preview/ of the extension: the only local resource root of the webview. */
  readonly root: vscode.Uri;
  /** Whether dist/preview/codicon.css was shipped (the page uses codicons when it is there). */
  readonly codicons: boolean;
  readonly nonce?: string;
}

/** Escapes text for an HTML attribute value in double quotes. */
function attr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function previewHtml({ webview, root, codicons, nonce = makeNonce() }: ShellOptions): string {
  const resource = (name: string) => attr(webview.asWebviewUri(joinPath(root, name)).toString());
  const source = webview.cspSource;
  const csp = [
    `default-src 'none'`,
    `script-src 'nonce-${nonce}'`,
    `style-src ${source}`,
    `font-src ${source}`,
    `img-src ${source} data:`,
  ].join('; ');
  const styles = [...(codicons ? ['codicon.css'] : []), 'preview.css']
    .map((name) => `    <link rel="stylesheet" href="${resource(name)}">`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${attr(csp)};">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
    <title>OKR Preview</title>
  </head>
  <body>
    <div id="root"></div>
    <script nonce="${nonce}" src="${resource('preview.js')}"></script>
  </body>
</html>
`;
}

/** vscode.Uri.joinPath without importing `vscode` as a value (keeps this module testable alone). */
function joinPath(base: vscode.Uri, name: string): vscode.Uri {
  return base.with({ path: `${base.path.replace(/\/$/, '')}/${name}` });
}
