// The fake VS Code webview host of harness.html. Runs before preview.js.
//  - body class vscode-light | vscode-dark | vscode-high-contrast from ?theme=
//  - acquireVsCodeApi() (once, as in VS Code): postMessage records into window.__posted;
//    getState/setState keep the state in sessionStorage, so it survives a reload as in a webview.
//    Left out with ?standalone=1 (the HTML export has no host).
//  - window.__post(message): a host → page message, delivered as VS Code does (a `message` event).
//  - window.__violations: every CSP violation report; window.__measure(action): timings.
(() => {
  const params = new URLSearchParams(location.search);
  const theme = params.get('theme') || 'light';
  const kind = theme === 'dark' ? 'vscode-dark' : theme === 'hc' ? 'vscode-high-contrast' : 'vscode-light';
  document.body.classList.add(kind);
  document.body.setAttribute('data-vscode-theme-kind', kind);

  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__violations.push({
      directive: event.violatedDirective,
      blocked: event.blockedURI,
      sample: event.sample,
      source: event.sourceFile,
      line: event.lineNumber,
    });
  });

  // Runs `action` in the page; resolves with the ms until the frame after it has painted.
  window.__measure = async (action) => {
    const start = performance.now();
    await action();
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return { ms: performance.now() - start, rows: document.querySelectorAll('.okr-row').length };
  };

  // Resolves once the tree has made all its rows (big expansions make them in slices).
  window.__settled = () =>
    new Promise((resolve) => {
      const check = () => (document.querySelector('#okr-tree')?.getAttribute('aria-busy') === 'true' ? setTimeout(check, 5) : resolve());
      check();
    });

  window.__posted = [];
  window.__post = (message) => window.postMessage(message, '*');
  const key = 'okr-harness-state';
  window.__state = () => JSON.parse(sessionStorage.getItem(key) || 'null');
  if (params.get('standalone') === '1') return;
  let acquired = false;
  window.acquireVsCodeApi = () => {
    if (acquired) throw new Error('An instance of the VS Code API has already been acquired');
    acquired = true;
    return Object.freeze({
      postMessage(message) {
        window.__posted.push(JSON.parse(JSON.stringify(message)));
      },
      getState() {
        const saved = sessionStorage.getItem(key);
        return saved === null ? undefined : JSON.parse(saved);
      },
      setState(state) {
        sessionStorage.setItem(key, JSON.stringify(state));
        return state;
      },
    });
  };
})();
